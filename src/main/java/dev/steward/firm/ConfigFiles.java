package dev.steward.firm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * Helps a module that reads a configuration file of the firm's (approval chains, the risk and
 * quality policies) read it and say where a wrong value is, so a bad file stops the start naming
 * the file and the line.
 */
public final class ConfigFiles {

	private ConfigFiles() {
	}

	/**
	 * Where a property of a YAML file read with Boot's loader stands: {@code file line N}, or the
	 * file alone when the loader does not remember the line.
	 */
	public static String where(PropertySource<?> source, String property, Path file) {
		if (source instanceof OriginLookup<?> lookup) {
			@SuppressWarnings("unchecked")
			var origins = (OriginLookup<String>) lookup;
			// a list has no line of its own, its first item has
			for (var key : List.of(property, property + "[0]")) {
				if (origins.getOrigin(key) instanceof TextResourceOrigin text && text.getLocation() != null) {
					return file + " line " + (text.getLocation().getLine() + 1);
				}
			}
		}
		return file.toString();
	}

	/**
	 * A configuration file read and bound to a record, kept with what it was read from, so a wrong
	 * value can be named: {@code Risk policy config/risk.yaml line 10 (matrix[2][2])}.
	 * @param what what the file is, as messages begin: {@code Risk policy}
	 */
	public record Read<T>(T value, PropertySource<?> source, Path file, String what) {

		/** The file, line and property of a setting. */
		public String where(String property) {
			return ConfigFiles.where(source, property, file) + " (" + property + ")";
		}

		/** The error that stops the start: what, where, and what is wrong with it. */
		public IllegalStateException wrong(String property, String problem) {
			return new IllegalStateException(what + " " + where(property) + ": " + problem);
		}

	}

	/**
	 * Reads a YAML file of the firm's into a record with Boot's binder. A missing file names the
	 * variable that points at it; a file that is not YAML, or that does not bind, stops the start.
	 * @param what what the file is, as messages begin: {@code Risk policy}
	 * @param variable the environment variable that names the file's path
	 */
	public static <T> Read<T> read(Path file, String what, String variable, Class<T> type) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("No " + what.toLowerCase(Locale.ROOT) + " file at " + file.toAbsolutePath()
					+ " (set " + variable + " to its path)");
		}
		List<PropertySource<?>> sources;
		try {
			sources = new YamlPropertySourceLoader().load(file.getFileName().toString(), new FileSystemResource(file));
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException(what + " " + file + " is not YAML: " + ex.getMessage(), ex);
		}
		if (sources.isEmpty()) {
			throw new IllegalStateException(what + " " + file + " is empty");
		}
		var source = sources.get(0);
		org.springframework.boot.context.properties.bind.BindResult<T> bound;
		try {
			bound = new Binder(ConfigurationPropertySources.from(source)).bind("", type);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(what + " " + file + ": " + rootMessage(ex), ex);
		}
		var value = bound.orElseThrow(() -> new IllegalStateException(what + " " + file + " says nothing"));
		return new Read<>(value, source, file, what);
	}

	private static String rootMessage(Throwable ex) {
		var cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getMessage();
	}

}
