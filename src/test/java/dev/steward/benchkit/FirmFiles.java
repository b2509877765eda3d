package dev.steward.benchkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * The generated firm's files: its directory (departments, and people all in the firm's time zone,
 * each with a Slack user id made from their id) and a calendar without rest days.
 */
public final class FirmFiles {

	/** The firm's time zone: everyone's, and the schedules'. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private FirmFiles() {
	}

	/**
	 * Steward's environment for a firm whose files are in the work folder (directory.yaml, the
	 * calendars, the data folder work/data), its Slack door on with this signing secret and pointed
	 * at this Web API. The map may be changed.
	 */
	public static Map<String, String> environment(Path work, String slackApiUrl, String signingSecret) {
		return new HashMap<>(Map.of("SLACK_BOT_TOKEN", "xoxb-bench-token", "SLACK_SIGNING_SECRET", signingSecret,
				"STEWARD_SLACK_API_URL", slackApiUrl, "STEWARD_DATA_DIR", work.resolve("data").toString(),
				"STEWARD_DIRECTORY", work.resolve("directory.yaml").toString(), "STEWARD_CALENDARS",
				work.resolve("calendars").toString()));
	}

	/** A person's Slack user id: "U" and their id in capitals, without dots. */
	public static String slackId(String personId) {
		return "U" + personId.toUpperCase().replace(".", "");
	}

	/** Writes the calendar {@code bench} (every day a working day) into work/calendars; answers that folder. */
	public static Path calendars(Path work) throws IOException {
		var calendars = Files.createDirectories(work.resolve("calendars"));
		Files.writeString(calendars.resolve("bench.yaml"), """
				# Every day a working day, so the benchmark runs on any day of the year.
				id: bench
				name: Benchmark (no rest days)
				weekly-rest-days: []
				holidays: {}
				""");
		return calendars;
	}

	/**
	 * A firm's directory: departments dept0.. headed by head0.., the boss, the project managers
	 * pm0000.. spread over the departments, and each project's members (in the project's
	 * department). More people may be appended with {@link #person}.
	 */
	public static StringBuilder directory(int departments, int managers, int projects, int perProject, String bossLocale) {
		var yaml = new StringBuilder("departments:\n");
		for (int d = 0; d < departments; d++) {
			yaml.append("  - id: dept").append(d).append("\n    name: Department ").append(d)
				.append("\n    head: head").append(d).append('\n');
		}
		yaml.append("people:\n");
		person(yaml, "boss", "Boss", 0, "[management]", bossLocale);
		for (int d = 0; d < departments; d++) {
			person(yaml, "head" + d, "Head " + d, d, "[department-head]", null);
		}
		for (int m = 0; m < managers; m++) {
			person(yaml, manager(m), "Manager " + m, m % departments, "[project-manager]", null);
		}
		for (int p = 0; p < projects; p++) {
			for (int s = 0; s < perProject; s++) {
				var member = member(p, s, perProject);
				person(yaml, member, "Member " + member, p % departments, "[member]", null);
			}
		}
		return yaml;
	}

	/** The id of a project manager. */
	public static String manager(int m) {
		return String.format("pm%04d", m);
	}

	/** The id of a project's member: numbered across the firm, perProject seats a project. */
	public static String member(int project, int seat, int perProject) {
		return String.format("m%06d", project * perProject + seat);
	}

	/** A person of the directory; without a locale, English or Chinese by their id. */
	public static void person(StringBuilder yaml, String id, String name, int department, String roles, String locale) {
		yaml.append("  - id: ").append(id).append("\n    name: ").append(name).append("\n    department: dept")
			.append(department).append("\n    roles: ").append(roles).append("\n    locale: ")
			.append(locale != null ? locale : id.hashCode() % 2 == 0 ? "en" : "zh-CN").append("\n    time-zone: ")
			.append(ZONE.getId()).append("\n    slack: ").append(slackId(id)).append('\n');
	}

}
