package dev.steward.firm;

import java.nio.file.Path;

import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.PropertySource;

/**
 * Helps a module that reads a configuration file of the firm's (approval chains, the risk policy)
 * say where a wrong value is, so a bad file stops the start naming the file and the line.
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
			var origin = ((OriginLookup<String>) lookup).getOrigin(property);
			if (origin instanceof TextResourceOrigin text && text.getLocation() != null) {
				return file + " line " + (text.getLocation().getLine() + 1);
			}
		}
		return file.toString();
	}

}
