package dev.steward.conversation;

import java.time.ZoneId;
import java.util.Locale;

/**
 * Who acts, as a door sees them: the door's name and the platform's user id.
 *
 * @param door the door's name, e.g. {@code slack}
 * @param userId the platform user id (the person id in the playground)
 * @param platformLocale the locale the platform reports, or {@code null}
 * @param platformZone the time zone the platform reports, or {@code null}
 */
@org.springframework.modulith.NamedInterface("model")
public record Actor(String door, String userId, Locale platformLocale, ZoneId platformZone) {

	public Actor(String door, String userId) {
		this(door, userId, null, null);
	}

	public Actor(String door, String userId, Locale platformLocale) {
		this(door, userId, platformLocale, null);
	}

}
