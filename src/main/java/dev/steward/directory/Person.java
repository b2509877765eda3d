package dev.steward.directory;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/**
 * Someone the bot knows.
 *
 * @param locale their language, or {@code null} to take the platform's
 * @param zone their time zone, or {@code null} for the firm's
 * @param slackId their Slack user id, or {@code null}
 * @param discordId their Discord user id, or {@code null}
 */
public record Person(String id, String name, String departmentId, Set<Role> roles, Locale locale, ZoneId zone,
		String slackId, String discordId, boolean active) {

	public Person {
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean isAdmin() {
		return has(Role.ADMIN);
	}

}
