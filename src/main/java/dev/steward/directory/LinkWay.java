package dev.steward.directory;

import java.util.Locale;

/** How a chat account came to be linked to a directory person while Steward ran. */
public enum LinkWay {

	/** Matched by e-mail against the workspace's members (at start, then daily). */
	WORKSPACE,
	/** Matched by the profile e-mail of someone unknown who acted. */
	FIRST_CONTACT,
	/** Found by the person's e-mail when Steward first wrote to them. */
	EMAIL_LOOKUP,
	/** Claimed by the account's owner and confirmed by an admin. */
	CONFIRMED,
	/** Undone by an admin (only in the record of links and unlinks). */
	UNLINKED;

	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static LinkWay fromKey(String key) {
		return valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
	}

}
