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

	/** The directory's beginning: departments dept0.. headed by head0.., then "people:". */
	public static StringBuilder directory(int departments) {
		var yaml = new StringBuilder("departments:\n");
		for (int d = 0; d < departments; d++) {
			yaml.append("  - id: dept").append(d).append("\n    name: Department ").append(d)
				.append("\n    head: head").append(d).append('\n');
		}
		return yaml.append("people:\n");
	}

	/** A person of the directory; without a locale, English or Chinese by their id. */
	public static void person(StringBuilder yaml, String id, String name, int department, String roles, String locale) {
		yaml.append("  - id: ").append(id).append("\n    name: ").append(name).append("\n    department: dept")
			.append(department).append("\n    roles: ").append(roles).append("\n    locale: ")
			.append(locale != null ? locale : id.hashCode() % 2 == 0 ? "en" : "zh-CN").append("\n    time-zone: ")
			.append(ZONE.getId()).append("\n    slack: ").append(slackId(id)).append('\n');
	}

}
