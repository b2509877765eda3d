package dev.steward.support;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.util.TestPropertyValues;

/**
 * Gives a test application its own PostgreSQL database, made before the context starts and
 * dropped when it closes, so runs never collide or depend on leftovers. The server is the one
 * in {@code STEWARD_TEST_POSTGRES_URL} (default: the local server's {@code test} database).
 */
public class PostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String SERVER = env("STEWARD_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");

	static final String USER = env("STEWARD_TEST_POSTGRES_USER", "postgres");

	static final String PASSWORD = env("STEWARD_TEST_POSTGRES_PASSWORD", "");

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		var name = "steward_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
			.toLowerCase(Locale.ROOT);
		execute("create database " + name);
		var url = SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + name;
		TestPropertyValues.of("spring.datasource.url=" + url, "spring.datasource.username=" + USER,
				"spring.datasource.password=" + PASSWORD).applyTo(context);
		// Registered before every other bean, so destroyed after all of them, the pool included.
		((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("postgresDatabase:" + name,
				() -> execute("drop database if exists " + name + " with (force)"));
	}

	/** Makes a database of its own for a test that runs without an application, and answers its URL. */
	public static String create(String name) {
		execute("create database " + name);
		return SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + name;
	}

	/** Drops a database {@link #create(String)} made. */
	public static void drop(String name) {
		execute("drop database if exists " + name + " with (force)");
	}

	public static String user() {
		return USER;
	}

	public static String password() {
		return PASSWORD;
	}

	private static void execute(String sql) {
		try (var connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
				var statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + SERVER + " refused: " + sql, ex);
		}
	}

	private static String env(String name, String fallback) {
		var value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
