package dev.steward.directory;

import java.util.Locale;

/** What a person may do in the firm's policy. */
public enum Role {

	MEMBER, PROJECT_MANAGER, DEPARTMENT_HEAD, MANAGEMENT, HR, ADMIN;

	/** The role's name in configuration, e.g. {@code department-head}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** Reads a configured role name; throws {@link IllegalArgumentException} if there is none such. */
	public static Role fromKey(String key) {
		return valueOf(key.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
	}

}
