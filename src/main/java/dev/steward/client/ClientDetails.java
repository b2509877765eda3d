package dev.steward.client;

import java.util.List;

/**
 * What a profile says of a client (§5.1.1): its name, industry, size, business scope, preferences
 * and habits, and its contacts. Checked when made: a value too long or missing is refused, naming
 * the field.
 */
public record ClientDetails(String name, String industry, String size, String scope, String preferences,
		List<ClientContact> contacts) {

	/** The longest name; forms take no more. */
	public static final int NAME = 120;

	/** The longest industry. */
	public static final int INDUSTRY = 120;

	/** The longest size. */
	public static final int SIZE = 60;

	/** The longest business scope, and the longest preferences. */
	public static final int TEXT = 2000;

	public ClientDetails {
		name = required(name, "name", NAME);
		industry = optional(industry, "industry", INDUSTRY);
		size = optional(size, "size", SIZE);
		scope = optional(scope, "scope", TEXT);
		preferences = optional(preferences, "preferences", TEXT);
		contacts = contacts == null ? List.of() : List.copyOf(contacts);
		if (contacts.size() > 20) {
			throw new ClientRefused(ClientRefused.Reason.INVALID, "contacts");
		}
	}

	/** A profile with only a name, as an application's free text leaves it. */
	public static ClientDetails named(String name) {
		return new ClientDetails(name, null, null, null, null, List.of());
	}

	/** How names are matched: trimmed, whatever their case. */
	static String key(String name) {
		return name.strip().toLowerCase(java.util.Locale.ROOT);
	}

	static String required(String value, String field, int max) {
		var text = optional(value, field, max);
		if (text == null) {
			throw new ClientRefused(ClientRefused.Reason.INVALID, field);
		}
		return text;
	}

	static String optional(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		var text = value.strip();
		if (text.length() > max) {
			throw new ClientRefused(ClientRefused.Reason.INVALID, field);
		}
		return text;
	}

}
