package dev.steward.benchkit;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * Steward's database for a run: its embedded H2 file, or a PostgreSQL database made for the run
 * and dropped by {@link #drop()} (or {@link #close()}, so a try-with-resources drops it whatever
 * happened); reached through the driver inside Steward's own jar, so the benchmark needs nothing
 * else on its class path.
 */
public final class Database implements AutoCloseable {

	private final Driver driver;

	private final String url;

	private final String user;

	private final Runnable dropper;

	private Database(Driver driver, String url, String user, Runnable dropper) {
		this.driver = driver;
		this.url = url;
		this.user = user;
		this.dropper = dropper;
	}

	/**
	 * {@code --database h2|postgres} (default h2): the H2 file in the data folder, or a database made
	 * on the server of {@code --postgres} (default the local one) as {@code --postgres-user} (default
	 * postgres).
	 */
	public static Database of(Options options, Path jar, Path work, Path data) throws Exception {
		var kind = options.text("database", "h2");
		if (kind.equals("postgres")) {
			return postgres(jar, work, options.text("postgres", "jdbc:postgresql://127.0.0.1:5432/"),
					options.text("postgres-user", "postgres"));
		}
		if (!kind.equals("h2")) {
			Options.exit("--database is h2 or postgres");
		}
		return h2(jar, work, data);
	}

	/** The URL of the H2 file Steward keeps in its data folder, opened as Steward opens it. */
	public static String h2Url(Path data) {
		return "jdbc:h2:file:" + data.resolve("steward") + ";DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
	}

	/** Steward's H2 file in this data folder. */
	public static Database h2(Path jar, Path work, Path data) throws Exception {
		return h2(jar, work, h2Url(data));
	}

	/** An H2 database by its URL (e.g. with AUTO_SERVER, to write while Steward runs). */
	public static Database h2(Path jar, Path work, String url) throws Exception {
		return new Database(driver(jar, work, "h2-", "org.h2.Driver"), url, "sa", () -> {
		});
	}

	/** A database made now on this server ({@code jdbc:postgresql://host:port/}), dropped by {@link #drop()}. */
	public static Database postgres(Path jar, Path work, String server, String user) throws Exception {
		var driver = driver(jar, work, "postgresql-", "org.postgresql.Driver");
		var name = "steward_bench_" + Long.toHexString(System.nanoTime());
		var base = server.endsWith("/") ? server : server + "/";
		var admin = new Database(driver, base + "postgres", user, () -> {
		});
		try (var db = admin.connect(); var statement = db.createStatement()) {
			statement.execute("create database " + name);
		}
		return new Database(driver, base + name, user, () -> {
			try (var db = admin.connect(); var statement = db.createStatement()) {
				statement.execute("drop database if exists " + name + " with (force)");
			}
			catch (Exception ex) {
				System.err.println("Could not drop " + name + ": " + ex);
			}
		});
	}

	public boolean isPostgres() {
		return url.startsWith("jdbc:postgresql:");
	}

	/** "H2" or "PostgreSQL", for the report. */
	public String label() {
		return isPostgres() ? "PostgreSQL" : "H2";
	}

	/** What Steward's environment needs to use this database: nothing for its own H2 file. */
	public Map<String, String> environment() {
		return url.startsWith("jdbc:h2:") ? Map.of()
				: Map.of("SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME", user, "SPRING_DATASOURCE_PASSWORD", "");
	}

	public Connection connect() throws SQLException {
		var properties = new Properties();
		properties.setProperty("user", user);
		properties.setProperty("password", "");
		return driver.connect(url, properties);
	}

	/**
	 * Brings the planner's statistics up to date after a benchmark's bulk write. A firm's rows come a
	 * few at a time over months, and the database's upkeep (PostgreSQL's autovacuum) keeps statistics
	 * of them; rows written all at once a minute before the run have none yet, and a planner without
	 * them may pick an index that reads the whole table for a handful of rows.
	 */
	public void analyze() throws SQLException {
		try (var db = connect(); var statement = db.createStatement()) {
			statement.execute("analyze");
		}
	}

	/** Drops a PostgreSQL database made for the run (H2's file stays with the run's logs). */
	public void drop() {
		dropper.run();
	}

	/** Drops a PostgreSQL database made for the run. */
	@Override
	public void close() {
		drop();
	}

	private static Driver driver(Path jar, Path work, String prefix, String type) throws Exception {
		var copies = Steward.unpackLibraries(jar, work.resolve("lib"), name -> name.startsWith(prefix));
		if (copies.isEmpty()) {
			throw new IllegalStateException("No " + prefix + " driver in " + jar);
		}
		var loader = new URLClassLoader(new URL[] { copies.get(copies.size() - 1).toUri().toURL() });
		return (Driver) Class.forName(type, true, loader).getDeclaredConstructor().newInstance();
	}

}
