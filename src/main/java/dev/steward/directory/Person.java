package dev.steward.directory;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/**
 * Someone the bot knows.
 *
 * @param locale their language, or {@code null} to take the platform's
 * @param zone their time zone, or {@code null} for the firm's
 * @param slackId their Slack user id (the directory file's, else the one linked while Steward ran), or {@code null}
 * @param discordId their Discord user id (likewise), or {@code null}
 * @param email their e-mail address in lower case, or {@code null}
 */
public record Person(String id, String name, String departmentId, Set<Role> roles, Locale locale, ZoneId zone,
		String slackId, String discordId, boolean active, String email) {

	public Person {
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean isAdmin() {
		return has(Role.ADMIN);
	}

	/** Their user id on a door ({@code slack}, {@code discord}), or {@code null}. */
	public String identity(String door) {
		return switch (door) {
			case "slack" -> slackId;
			case "discord" -> discordId;
			default -> id;
		};
	}

}
