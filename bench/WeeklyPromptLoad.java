import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

import dev.steward.benchkit.Database; // not found? Build the kit: mvn -q -DskipTests package, then java -cp target/test-classes bench/WeeklyPromptLoad.java
import dev.steward.benchkit.FirmFiles;
import dev.steward.benchkit.MemoryWatch;
import dev.steward.benchkit.Options;
import dev.steward.benchkit.PacedSlack;
import dev.steward.benchkit.Projects;
import dev.steward.benchkit.Steward;

/**
 * The weekly progress prompt for a whole firm, delivered through the Slack door to a Web API that
 * paces like Slack.
 *
 * Builds a firm of the chosen size (by default 2,000 active projects with 5 members each: 10,000
 * people), whose projects' home channels are shared by departments (by default 40 channels, 50
 * projects each), and sets every project to report at the same minute, a little after Steward
 * starts. Steward runs from the packaged jar as in a small container (-XX:MaxRAM), with its Slack
 * door pointed at a fake Web API in this process that, as Slack does for chat.postMessage, takes
 * one message a second a channel (a message that comes sooner gets 429 Retry-After: 1), and that
 * also answers a share of calls with 429 of its own. At the prompt minute Quartz fires every
 * project's prompt job; the benchmark waits until every expected message has arrived, then
 * reports:
 * - the time from the prompt minute to the last message, against the floor that pacing allows:
 *   for each channel, one second after each message it took and the Retry-After of each 429 the
 *   fake chose to give it; the floor is the largest of these sums;
 * - messages lost (expected, never posted) and duplicated (posted twice), both to be 0;
 * - messages refused for coming too soon (Steward's pacing failing), to be 0;
 * - Steward's resident memory.
 *
 * The firm is written into Steward's database with SQL between a first start (which creates the
 * schema and loads the generated directory) and a second (which plans every project's jobs): the
 * state a firm has after approving 2,000 applications, without the benchmark approving them.
 *
 * With {@code --database postgres} Steward runs on a PostgreSQL database the benchmark makes (and
 * drops) on the server of {@code --postgres} (user {@code postgres}, or {@code --postgres-user}),
 * and {@code --instances 2} starts a second Steward on the same database: Quartz's cluster shares
 * the prompt jobs between them, and the outbox's conversation leases the deliveries. With
 * {@code --kill-after S} one instance is killed ({@code kill -9}) S seconds after the prompt
 * minute, and the report says which and when; the other must deliver everything, once.
 *
 * Run from the project root (the package builds the benchmarks' kit too, in target/test-classes):
 *   mvn -q -DskipTests package
 *   java -cp target/test-classes bench/WeeklyPromptLoad.java [--projects 2000] [--members-per-project 5] [--channels 40]
 *       [--rejects 0.02] [--lead 90] [--max-ram 512m] [--jar PATH]
 *       [--database h2|postgres] [--postgres jdbc:postgresql://127.0.0.1:5432/] [--postgres-user postgres]
 *       [--instances 1|2] [--kill-after SECONDS] [--h2-write-delay MS]
 *
 * {@code --h2-write-delay 500} runs the embedded database with H2's own default write delay instead
 * of Steward's durable-at-commit {@code WRITE_DELAY=0}, to measure what durability costs.
 */
public class WeeklyPromptLoad {

	static final Pattern CODE = Pattern.compile("BENCH-\\d{5}");

	static final ZoneId ZONE = FirmFiles.ZONE;

	public static void main(String[] args) throws Exception {
		var options = Options.parse(args);
		int projects = options.integer("projects", 2000);
		int perProject = options.integer("members-per-project", 5);
		int channels = options.integer("channels", 40);
		double rejects = options.decimal("rejects", 0.02);
		int lead = options.integer("lead", 90);
		var maxRam = options.maxRam();
		boolean postgres = "postgres".equals(options.text("database", "h2"));
		int instances = options.integer("instances", 1);
		double killAfter = options.decimal("kill-after", -1);
		if (instances < 1 || instances > 2 || (instances > 1 && !postgres)) {
			Options.exit("--instances is 1 or 2, and 2 needs --database postgres (H2's file is one process's).");
		}
		if (killAfter >= 0 && instances < 2) {
			Options.exit("--kill-after needs --instances 2.");
		}
		var jar = options.jar();
		var work = Files.createTempDirectory("steward-weekly-bench");
		var firm = new Firm(projects, perProject, channels);
		firm.writeDirectory(work.resolve("directory.yaml"));
		FirmFiles.calendars(work);

		var api = PacedSlack.start(rejects, PacedSlack.Codes.firstInText(CODE));
		var data = work.resolve("data");
		var env = FirmFiles.environment(work, api.url(), "bench-signing-secret");
		var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		try (var database = Database.of(options, jar, work, data)) {
			env.putAll(database.environment());
			if (!postgres && options.has("h2-write-delay")) {
				// the default URL but for H2's write delay: what durability at commit (WRITE_DELAY=0) costs
				env.put("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + data.resolve("steward")
						+ ";DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;AUTO_SERVER=FALSE;QUERY_CACHE_SIZE=256"
						+ ";WRITE_DELAY=" + options.integer("h2-write-delay", 0) + ";DB_CLOSE_ON_EXIT=FALSE");
			}
			// 1. the schema and the directory
			long started = System.nanoTime();
			var first = Steward.start(jar, maxRam, env, work.resolve("steward-first.log"), args());
			first.awaitLog("Started StewardApplication");
			first.stop();
			System.out.printf("Schema and directory of %,d people made in %.1f s%n", firm.people(),
					(System.nanoTime() - started) / 1e9);

			// 2. the firm's projects, all reporting at the prompt minute
			var promptAt = ZonedDateTime.now(ZONE).plusSeconds(lead).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
			started = System.nanoTime();
			firm.writeProjects(database, promptAt);
			database.analyze(); // the statistics autovacuum keeps of a firm's rows (see Database#analyze)
			System.out.printf("%,d projects with %,d members written in %.1f s; prompts at %s%n", projects,
					projects * perProject, (System.nanoTime() - started) / 1e9, promptAt.toLocalTime());

			// 3. Steward plans every project's jobs, then Quartz prompts them all at once
			started = System.nanoTime();
			var steward = Steward.start(jar, maxRam, env, work.resolve("steward.log"), args());
			var memory = MemoryWatch.start(steward.pid());
			Steward second = null;
			MemoryWatch secondMemory = null;
			try {
				steward.awaitSlackEndpoint(http);
				steward.awaitLog("weekly prompts of " + projects + " projects are planned");
				if (instances > 1) {
					// a second instance on the same database, up before the prompt minute
					second = Steward.start(jar, maxRam, env, work.resolve("steward-2.log"), args());
					secondMemory = MemoryWatch.start(second.pid());
					second.awaitSlackEndpoint(http);
				}
				var up = Instant.now();
				long idle = memory.current() + (secondMemory == null ? 0 : secondMemory.current());
				System.out.printf("Steward up (%d instance%s on %s), every project's prompts planned, in %.1f s (-XX:MaxRAM=%s), %d s before the prompt minute; logs in %s%n",
						instances, instances > 1 ? "s" : "", database.label(),
						(System.nanoTime() - started) / 1e9, maxRam, Duration.between(up, promptAt.toInstant()).toSeconds(),
						work);
				if (up.isAfter(promptAt.toInstant())) {
					System.out.println("Steward came up after the prompt minute: run again with a longer --lead.");
				}
				var expected = firm.expected();
				var deadline = promptAt.toInstant().plusSeconds(60 + 5L * firm.largestChannel());
				int reported = -1;
				String killed = null;
				var killAt = promptAt.toInstant().plusMillis((long) (killAfter * 1000));
				while (Instant.now().isBefore(deadline) && !api.delivered().containsAll(expected)) {
					if (killAfter >= 0 && killed == null && !Instant.now().isBefore(killAt)) {
						// the instance that planned the jobs, in the middle of the prompts: SIGKILL, no goodbye
						steward.kill();
						killed = String.format("instance 1 killed %.1f s after the prompt minute, %,d messages in",
								Duration.between(promptAt.toInstant(), Instant.now()).toMillis() / 1000.0,
								api.delivered().size());
						System.out.println("  " + killed);
					}
					int now = api.delivered().size();
					if (Instant.now().isAfter(promptAt.toInstant()) && now / 1000 != reported / 1000) {
						reported = now;
						System.out.printf("  %5.1f s: %,d of %,d messages%n",
								Duration.between(promptAt.toInstant(), Instant.now()).toMillis() / 1000.0, now,
								expected.size());
					}
					Thread.sleep(200); // watching another process's progress
				}
				// a while longer, so a message posted twice has the time to show
				Thread.sleep(5000);
				report(api, firm, expected, promptAt.toInstant(), idle, memory, secondMemory, killed);
			}
			finally {
				memory.stop();
				steward.stop();
				if (second != null) {
					secondMemory.stop();
					second.stop();
				}
			}
		}
		finally {
			api.stop();
		}
	}

	/** Steward's arguments: its lines in the log, and the calendar without rest days. */
	static List<String> args() {
		var args = new ArrayList<>(Steward.LOGS);
		args.add("--steward.scheduling.default-calendar=bench");
		return args;
	}

	static void report(PacedSlack api, Firm firm, java.util.Set<String> expected, Instant promptAt, long idle,
			MemoryWatch memory, MemoryWatch secondMemory, String killed) {
		var tally = api.tally(expected, promptAt);
		var posts = tally.posts();
		var accepted = tally.accepted();
		var lost = tally.lost();
		// a message twice: the same project's in one conversation, or one outbox delivery id twice
		var seen = new HashSet<String>();
		var deliveryIds = new HashSet<String>();
		int duplicated = 0;
		for (var post : accepted) {
			boolean again = !seen.add(post.channel() + " " + post.codes().get(0))
					|| (post.deliveryId() != null && !deliveryIds.add(post.deliveryId()));
			duplicated += again ? 1 : 0;
		}
		// the floor: each channel's calls, one second after each message it took, Retry-After after each 429
		var floor = tally.floor();
		double took = Duration.between(promptAt, tally.last()).toMillis() / 1000.0;

		System.out.println();
		System.out.println("| measure | value |");
		System.out.println("|---|---|");
		System.out.printf("| projects / members / home channels | %,d / %,d / %d |%n", firm.projects, firm.people() - firm.staff(),
				firm.channels);
		System.out.printf("| messages expected (a prompt a member, a line a project's channel) | %,d |%n", expected.size());
		System.out.printf("| chat.postMessage calls / answered 429 by the fake's choice | %,d / %,d |%n", posts.size(), tally.injected());
		System.out.printf("| time from the prompt minute to the last message | %.1f s |%n", took);
		System.out.printf("| floor that pacing allows (busiest channel, %s) | %.1f s |%n", floor.channel(), floor.seconds());
		System.out.printf("| time / floor (target ≤ %s) | %.2f |%n", killed == null ? "1.2" : "2 with an instance killed",
				floor.seconds() == 0 ? Double.NaN : took / floor.seconds());
		if (killed != null) {
			System.out.printf("| killed | %s |%n", killed);
		}
		var buckets = new java.util.TreeMap<Long, Integer>();
		accepted.forEach(post -> buckets.merge(Duration.between(promptAt, post.at()).toSeconds() / 5 * 5, 1, Integer::sum));
		System.out.printf("| messages lost (target 0) | %,d |%n", lost.size());
		System.out.printf("| messages duplicated (target 0) | %,d |%n", duplicated);
		System.out.printf("| messages refused for coming too soon (target 0) | %,d |%n", tally.tooSoon());
		if (secondMemory == null) {
			System.out.printf("| Steward resident memory: idle / peak / after | %d / %d / %d MB |%n", idle / 1024,
					memory.peak() / 1024, memory.current() / 1024);
		}
		else {
			System.out.printf("| resident memory, peak: instance 1 / instance 2 | %d / %d MB |%n", memory.peak() / 1024,
					secondMemory.peak() / 1024);
		}
		if (floor.channel() != null) {
			System.out.println("Calls to " + floor.channel() + ", seconds after the prompt minute:" + floor.timeline(promptAt));
			System.out.printf("First message %.2f s after the prompt minute%n",
					Duration.between(promptAt, tally.first()).toMillis() / 1000.0);
		}
		System.out.println("Messages by the 5 s after the prompt minute they arrived in: " + buckets);
		if (!lost.isEmpty()) {
			System.out.println("Some lost: " + lost.stream().limit(5).toList());
		}
	}

	// --- the firm -------------------------------------------------------------------------------

	/** The generated firm: departments, project managers, members, and the projects' home channels. */
	static final class Firm {

		final int projects;

		final int perProject;

		final int channels;

		final int managers;

		final int departments = 10;

		Firm(int projects, int perProject, int channels) {
			this.projects = projects;
			this.perProject = perProject;
			this.channels = channels;
			this.managers = Math.max(1, projects / 10);
		}

		int staff() {
			return departments + managers + 1;
		}

		int people() {
			return staff() + projects * perProject;
		}

		String member(int project, int seat) {
			return FirmFiles.member(project, seat, perProject);
		}

		static String slackId(String personId) {
			return FirmFiles.slackId(personId);
		}

		String channel(int project) {
			return String.format("C0BENCH%03d", project % channels);
		}

		static String code(int project) {
			return String.format("BENCH-%05d", project + 1);
		}

		int largestChannel() {
			return (projects + channels - 1) / channels;
		}

		/** Channel and project code of every message the prompt should bring: one a member, one a project's channel. */
		java.util.Set<String> expected() {
			var expected = new HashSet<String>();
			for (int p = 0; p < projects; p++) {
				expected.add(channel(p) + " " + code(p));
				for (int s = 0; s < perProject; s++) {
					expected.add("D" + slackId(member(p, s)) + " " + code(p));
				}
			}
			return expected;
		}

		void writeDirectory(Path file) throws IOException {
			var yaml = FirmFiles.directory(departments, managers, projects, perProject, null);
			Files.writeString(file, yaml);
		}

		/** What 2,000 approved applications leave in the database, with each project reporting at the prompt minute. */
		void writeProjects(Database database, ZonedDateTime promptAt) throws Exception {
			try (var db = database.connect()) {
				db.setAutoCommit(false);
				var now = Timestamp.from(Instant.now());
				var deadline = promptAt.plusDays(3);
				try (var written = new Projects(db);
						var schedule = db.prepareStatement("""
								insert into progress_schedule (project_id, report_day, report_time, deadline_day, deadline_time,
								  time_zone, calendar_id, shift) values (?, ?, ?, ?, ?, ?, 'bench', 'PREVIOUS')""")) {
					for (int p = 0; p < projects; p++) {
						var team = new ArrayList<String>();
						for (int s = 0; s < perProject; s++) {
							team.add(member(p, s));
						}
						written.add(new Projects.Project(p + 1, code(p), "Engagement " + code(p), "Client", null,
								"dept" + (p % departments), FirmFiles.manager(p % managers), channel(p), team), now);
						schedule.setLong(1, p + 1);
						schedule.setString(2, promptAt.getDayOfWeek().name());
						schedule.setString(3, promptAt.toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString());
						schedule.setString(4, deadline.getDayOfWeek().name());
						schedule.setString(5, LocalTime.of(10, 0).toString());
						schedule.setString(6, ZONE.getId());
						schedule.addBatch();
					}
					written.flush();
					schedule.executeBatch();
					written.restartIds(projects);
				}
				db.commit();
			}
		}

	}

	/** The kit this benchmark runs with; without it, Java's compiler stops here (and at the imports) and prints this line. */
	static final Class<?> KIT = Options.class; // not found? Build the kit: mvn -q -DskipTests package, then java -cp target/test-classes bench/WeeklyPromptLoad.java

}
