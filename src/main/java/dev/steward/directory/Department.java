package dev.steward.directory;

import java.util.Locale;

/** A department of the firm and who heads it. */
public record Department(String id, String name, String nameZh, String headId) {

	/** The department's name in the given language. */
	public String name(Locale locale) {
		return nameZh != null && !nameZh.isBlank() && "zh".equals(locale.getLanguage()) ? nameZh : name;
	}

}
