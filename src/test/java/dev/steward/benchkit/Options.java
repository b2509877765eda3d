package dev.steward.benchkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A benchmark's command line: {@code --name value} pairs, each with the benchmark's own default. */
public final class Options {

	/** Where {@code mvn package} puts Steward's jar, from the project root. */
	public static final String JAR = "target/steward-0.1.0-SNAPSHOT.jar";

	private final Map<String, String> values;

	private Options(Map<String, String> values) {
		this.values = values;
	}

	public static Options parse(String[] args) {
		var values = new HashMap<String, String>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			values.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		return new Options(values);
	}

	public boolean has(String name) {
		return values.containsKey(name);
	}

	public String text(String name, String fallback) {
		return values.getOrDefault(name, fallback);
	}

	public int integer(String name, int fallback) {
		return has(name) ? Integer.parseInt(values.get(name)) : fallback;
	}

	public double decimal(String name, double fallback) {
		return has(name) ? Double.parseDouble(values.get(name)) : fallback;
	}

	public boolean flag(String name, boolean fallback) {
		return has(name) ? Boolean.parseBoolean(values.get(name)) : fallback;
	}

	/** {@code --max-ram}: the container size the JVM sizes itself for (default 512m). */
	public String maxRam() {
		return text("max-ram", "512m");
	}

	/** {@code --jar}: Steward's packaged jar; ends the benchmark with a hint when there is none. */
	public Path jar() {
		var jar = Path.of(text("jar", JAR));
		if (!Files.isRegularFile(jar)) {
			exit("No " + jar + ": run 'mvn -q -DskipTests package' first.");
		}
		return jar;
	}

	/** Ends the benchmark on a wrong command line, saying why. */
	public static void exit(String why) {
		System.err.println(why);
		System.exit(2);
	}

}
