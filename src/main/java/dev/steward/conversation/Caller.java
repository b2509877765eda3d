package dev.steward.conversation;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * Who acts, as the kernel needs them: who, and in which language and zone. Usually a person the
 * directory knows; for an {@linkplain CommandSpec#open() open command} possibly a
 * {@linkplain #guest() guest}, someone the directory does not know.
 */
public record Caller(String personId, String name, Locale locale, ZoneId zone) {

	/**
	 * How a guest's {@link #personId()} starts: {@code guest:DOOR:PLATFORM_USER_ID}. No directory id
	 * has a colon, so a guest is never mistaken for a person (and a form a guest opened stays theirs).
	 */
	static final String GUEST = "guest:";

	/**
	 * Someone the directory does not know, using an open command: their {@link #name()} is their
	 * platform user id; language and zone are what their platform says, else the firm's defaults.
	 */
	public static Caller guest(Actor actor, Locale locale, ZoneId zone) {
		return new Caller(GUEST + actor.door() + ":" + actor.userId(), actor.userId(), locale, zone);
	}

	/** Whether this is someone the directory does not know (their person id is no directory id). */
	public boolean guest() {
		return personId != null && personId.startsWith(GUEST);
	}

	/**
	 * A guest as their platform knows them (door and platform user id), e.g. to link them to a
	 * directory person later; empty for a person of the directory.
	 */
	public Optional<Actor> platformUser() {
		if (!guest()) {
			return Optional.empty();
		}
		var rest = personId.substring(GUEST.length());
		int colon = rest.indexOf(':');
		return colon < 0 ? Optional.empty()
				: Optional.of(new Actor(rest.substring(0, colon), rest.substring(colon + 1), locale, zone));
	}

}
