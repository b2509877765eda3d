import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

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
 * Run from the project root:
 *   mvn -q -DskipTests package
 *   java bench/WeeklyPromptLoad.java [--projects 2000] [--members-per-project 5] [--channels 40]
 *       [--rejects 0.02] [--lead 90] [--max-ram 512m] [--jar PATH]
 *       [--database h2|postgres] [--postgres jdbc:postgresql://127.0.0.1:5432/] [--postgres-user postgres]
 *       [--instances 1|2] [--kill-after SECONDS] [--h2-write-delay MS]
 *
 * {@code --h2-write-delay 500} runs the embedded database with H2's own default write delay instead
 * of Steward's durable-at-commit {@code WRITE_DELAY=0}, to measure what durability costs.
 */
public class WeeklyPromptLoad {

	static final Pattern CODE = Pattern.compile("BENCH-\\d{5}");

	static final Pattern DELIVERY = Pattern.compile("\"delivery_id\"\\s*:\\s*\"?(\\d+)");

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	public static void main(String[] args) throws Exception {
		var options = options(args);
		int projects = Integer.parseInt(options.getOrDefault("projects", "2000"));
		int perProject = Integer.parseInt(options.getOrDefault("members-per-project", "5"));
		int channels = Integer.parseInt(options.getOrDefault("channels", "40"));
		double rejects = Double.parseDouble(options.getOrDefault("rejects", "0.02"));
		int lead = Integer.parseInt(options.getOrDefault("lead", "90"));
		var maxRam = options.getOrDefault("max-ram", "512m");
		var jar = Path.of(options.getOrDefault("jar", "target/steward-0.1.0-SNAPSHOT.jar"));
		boolean postgres = "postgres".equals(options.getOrDefault("database", "h2"));
		int instances = Integer.parseInt(options.getOrDefault("instances", "1"));
		double killAfter = Double.parseDouble(options.getOrDefault("kill-after", "-1"));
		if (instances < 1 || instances > 2 || (instances > 1 && !postgres)) {
			System.err.println("--instances is 1 or 2, and 2 needs --database postgres (H2's file is one process's).");
			System.exit(2);
		}
		if (killAfter >= 0 && instances < 2) {
			System.err.println("--kill-after needs --instances 2.");
			System.exit(2);
		}
		if (!Files.isRegularFile(jar)) {
			System.err.println("No " + jar + ": run 'mvn -q -DskipTests package' first.");
			System.exit(2);
		}
		var work = Files.createTempDirectory("steward-weekly-bench");
		var firm = new Firm(projects, perProject, channels);
		firm.writeDirectory(work.resolve("directory.yaml"));
		var calendars = Files.createDirectories(work.resolve("calendars"));
		Files.writeString(calendars.resolve("bench.yaml"), """
				# Every day a working day, so the benchmark runs on any day of the year.
				id: bench
				name: Benchmark (no rest days)
				weekly-rest-days: []
				holidays: {}
				""");

		var api = FakeSlack.start(rejects);
		var data = work.resolve("data");
		var env = new HashMap<>(Map.of("SLACK_BOT_TOKEN", "xoxb-bench-token", "SLACK_SIGNING_SECRET", "bench-signing-secret",
				"STEWARD_SLACK_API_URL", api.url(), "STEWARD_DATA_DIR", data.toString(), "STEWARD_DIRECTORY",
				work.resolve("directory.yaml").toString(), "STEWARD_CALENDARS", calendars.toString()));
		var database = postgres ? Database.postgres(jar, work, options.getOrDefault("postgres",
				"jdbc:postgresql://127.0.0.1:5432/"), options.getOrDefault("postgres-user", "postgres")) : Database.h2(jar, work, data);
		env.putAll(database.environment());
		if (!postgres && options.containsKey("h2-write-delay")) {
			// the default URL but for H2's write delay: what durability at commit (WRITE_DELAY=0) costs
			env.put("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + data.resolve("steward")
					+ ";DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;AUTO_SERVER=FALSE;QUERY_CACHE_SIZE=256"
					+ ";WRITE_DELAY=" + Integer.parseInt(options.get("h2-write-delay")) + ";DB_CLOSE_ON_EXIT=FALSE");
		}
		var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		try {
			// 1. the schema and the directory
			long started = System.nanoTime();
			var first = start(jar, maxRam, env, work.resolve("steward-first.log"));
			waitFor(work.resolve("steward-first.log"), "Started StewardApplication", first.process());
			first.process().destroy();
			first.process().waitFor();
			System.out.printf("Schema and directory of %,d people made in %.1f s%n", firm.people(),
					(System.nanoTime() - started) / 1e9);

			// 2. the firm's projects, all reporting at the prompt minute
			var promptAt = ZonedDateTime.now(ZONE).plusSeconds(lead).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
			started = System.nanoTime();
			firm.writeProjects(database, promptAt);
			System.out.printf("%,d projects with %,d members written in %.1f s; prompts at %s%n", projects,
					projects * perProject, (System.nanoTime() - started) / 1e9, promptAt.toLocalTime());

			// 3. Steward plans every project's jobs, then Quartz prompts them all at once
			started = System.nanoTime();
			var steward = start(jar, maxRam, env, work.resolve("steward.log"));
			var memory = new MemoryWatch(steward.process().pid());
			memory.start();
			Started second = null;
			MemoryWatch secondMemory = null;
			try {
				waitUntilUp(http, steward.port(), steward.process());
				waitFor(work.resolve("steward.log"), "weekly prompts of " + projects + " projects are planned",
						steward.process());
				if (instances > 1) {
					// a second instance on the same database, up before the prompt minute
					second = start(jar, maxRam, env, work.resolve("steward-2.log"));
					secondMemory = new MemoryWatch(second.process().pid());
					secondMemory.start();
					waitUntilUp(http, second.port(), second.process());
				}
				var up = Instant.now();
				long idle = memory.current() + (secondMemory == null ? 0 : secondMemory.current());
				System.out.printf("Steward up (%d instance%s on %s), every project's prompts planned, in %.1f s (-XX:MaxRAM=%s), %d s before the prompt minute; logs in %s%n",
						instances, instances > 1 ? "s" : "", postgres ? "PostgreSQL" : "H2",
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
						steward.process().destroyForcibly();
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
				memory.interrupt();
				steward.process().destroy();
				steward.process().waitFor();
				if (second != null) {
					secondMemory.interrupt();
					second.process().destroy();
					second.process().waitFor();
				}
			}
		}
		finally {
			api.stop();
			database.drop();
		}
	}

	static void report(FakeSlack api, Firm firm, java.util.Set<String> expected, Instant promptAt, long idle,
			MemoryWatch memory, MemoryWatch secondMemory, String killed) {
		var posts = api.posts();
		var accepted = posts.stream().filter(post -> post.outcome() == Outcome.ACCEPTED).toList();
		var lost = new HashSet<>(expected);
		lost.removeAll(api.delivered());
		var seen = new HashSet<String>();
		var deliveryIds = new HashSet<String>();
		int duplicated = 0;
		for (var post : accepted) {
			boolean again = !seen.add(post.channel() + " " + post.code())
					|| (post.deliveryId() != null && !deliveryIds.add(post.deliveryId()));
			duplicated += again ? 1 : 0;
		}
		long injected = posts.stream().filter(post -> post.outcome() == Outcome.INJECTED_429).count();
		long tooSoon = posts.stream().filter(post -> post.outcome() == Outcome.TOO_SOON).count();

		// the floor: each channel's calls, one second after each message it took, Retry-After after each 429
		var byChannel = new HashMap<String, List<Post>>();
		posts.forEach(post -> byChannel.computeIfAbsent(post.channel(), key -> new ArrayList<>()).add(post));
		double floor = 0;
		String floorChannel = null;
		for (var entry : byChannel.entrySet()) {
			var calls = entry.getValue();
			int last = -1;
			for (int i = 0; i < calls.size(); i++) {
				if (calls.get(i).outcome() == Outcome.ACCEPTED) {
					last = i;
				}
			}
			double seconds = 0;
			for (int i = 0; i < last; i++) {
				seconds += switch (calls.get(i).outcome()) {
					case ACCEPTED -> 1.0;
					case INJECTED_429 -> FakeSlack.RETRY_AFTER;
					case TOO_SOON -> 0.0; // Steward's fault, not the floor's
				};
			}
			if (seconds > floor) {
				floor = seconds;
				floorChannel = entry.getKey();
			}
		}
		var lastPost = accepted.stream().map(Post::at).max(Instant::compareTo).orElse(promptAt);
		double took = Duration.between(promptAt, lastPost).toMillis() / 1000.0;

		System.out.println();
		System.out.println("| measure | value |");
		System.out.println("|---|---|");
		System.out.printf("| projects / members / home channels | %,d / %,d / %d |%n", firm.projects, firm.people() - firm.staff(),
				firm.channels);
		System.out.printf("| messages expected (a prompt a member, a line a project's channel) | %,d |%n", expected.size());
		System.out.printf("| chat.postMessage calls / answered 429 by the fake's choice | %,d / %,d |%n", posts.size(), injected);
		System.out.printf("| time from the prompt minute to the last message | %.1f s |%n", took);
		System.out.printf("| floor that pacing allows (busiest channel, %s) | %.1f s |%n", floorChannel, floor);
		System.out.printf("| time / floor (target ≤ %s) | %.2f |%n", killed == null ? "1.2" : "2 with an instance killed",
				floor == 0 ? Double.NaN : took / floor);
		if (killed != null) {
			System.out.printf("| killed | %s |%n", killed);
		}
		var buckets = new java.util.TreeMap<Long, Integer>();
		accepted.forEach(post -> buckets.merge(Duration.between(promptAt, post.at()).toSeconds() / 5 * 5, 1, Integer::sum));
		System.out.printf("| messages lost (target 0) | %,d |%n", lost.size());
		System.out.printf("| messages duplicated (target 0) | %,d |%n", duplicated);
		System.out.printf("| messages refused for coming too soon (target 0) | %,d |%n", tooSoon);
		if (secondMemory == null) {
			System.out.printf("| Steward resident memory: idle / peak / after | %d / %d / %d MB |%n", idle / 1024,
					memory.peak() / 1024, memory.current() / 1024);
		}
		else {
			System.out.printf("| resident memory, peak: instance 1 / instance 2 | %d / %d MB |%n", memory.peak() / 1024,
					secondMemory.peak() / 1024);
		}
		if (floorChannel != null) {
			var timeline = new StringBuilder();
			for (var call : byChannel.get(floorChannel)) {
				timeline.append(String.format(" %.2f%s", Duration.between(promptAt, call.at()).toMillis() / 1000.0,
						call.outcome() == Outcome.ACCEPTED ? "" : call.outcome() == Outcome.INJECTED_429 ? "(429)" : "(too soon)"));
			}
			System.out.println("Calls to " + floorChannel + ", seconds after the prompt minute:" + timeline);
			var first = accepted.stream().map(Post::at).min(Instant::compareTo).orElse(promptAt);
			System.out.printf("First message %.2f s after the prompt minute%n",
					Duration.between(promptAt, first).toMillis() / 1000.0);
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
			return String.format("m%06d", project * perProject + seat);
		}

		static String slackId(String personId) {
			return "U" + personId.toUpperCase().replace(".", "");
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
			var yaml = new StringBuilder("departments:\n");
			for (int d = 0; d < departments; d++) {
				yaml.append("  - id: dept").append(d).append("\n    name: Department ").append(d)
					.append("\n    head: head").append(d).append('\n');
			}
			yaml.append("people:\n");
			person(yaml, "boss", "Boss", 0, "[management]");
			for (int d = 0; d < departments; d++) {
				person(yaml, "head" + d, "Head " + d, d, "[department-head]");
			}
			for (int m = 0; m < managers; m++) {
				person(yaml, String.format("pm%04d", m), "Manager " + m, m % departments, "[project-manager]");
			}
			for (int p = 0; p < projects; p++) {
				for (int s = 0; s < perProject; s++) {
					person(yaml, member(p, s), "Member " + member(p, s), p % departments, "[member]");
				}
			}
			Files.writeString(file, yaml);
		}

		private static void person(StringBuilder yaml, String id, String name, int department, String roles) {
			yaml.append("  - id: ").append(id).append("\n    name: ").append(name).append("\n    department: dept")
				.append(department).append("\n    roles: ").append(roles).append("\n    locale: ")
				.append(id.hashCode() % 2 == 0 ? "en" : "zh-CN").append("\n    time-zone: ").append(ZONE.getId())
				.append("\n    slack: ").append(slackId(id)).append('\n');
		}

		/** What 2,000 approved applications leave in the database, with each project reporting at the prompt minute. */
		void writeProjects(Database database, ZonedDateTime promptAt) throws Exception {
			try (var db = database.connect()) {
				db.setAutoCommit(false);
				var now = Timestamp.from(Instant.now());
				var deadline = promptAt.plusDays(3);
				try (var application = db.prepareStatement("""
						insert into project_application (id, version, applicant_id, department_id, manager_id, title, client,
						  background, client_needs, scale_budget, expected_revenue, key_risks, reason, solution, revision,
						  home_door, home_channel, home_direct, submitted_at)
						values (?, 0, ?, ?, ?, ?, 'Client', 'Background', 'Needs', 'Scale', 100000, 'Risks', 'Reason',
						  'Solution', 1, 'slack', ?, false, ?)""");
						var project = db.prepareStatement("""
								insert into project (id, version, code, application_id, title, client, department_id, manager_id,
								  home_door, home_channel, home_direct, status, created_at)
								values (?, 0, ?, ?, ?, 'Client', ?, ?, 'slack', ?, false, 'ACTIVE', ?)""");
						var member = db.prepareStatement("""
								insert into project_member (project_id, seq, person_id, duty, added_at, added_by)
								values (?, ?, ?, 'Analysis', ?, ?)""");
						var schedule = db.prepareStatement("""
								insert into progress_schedule (project_id, report_day, report_time, deadline_day, deadline_time,
								  time_zone, calendar_id, shift) values (?, ?, ?, ?, ?, ?, 'bench', 'PREVIOUS')""")) {
					for (int p = 0; p < projects; p++) {
						long id = p + 1;
						var manager = String.format("pm%04d", p % managers);
						var title = "Engagement " + code(p);
						application.setLong(1, id);
						application.setString(2, manager);
						application.setString(3, "dept" + (p % departments));
						application.setString(4, manager);
						application.setString(5, title);
						application.setString(6, channel(p));
						application.setTimestamp(7, now);
						application.addBatch();
						project.setLong(1, id);
						project.setString(2, code(p));
						project.setLong(3, id);
						project.setString(4, title);
						project.setString(5, "dept" + (p % departments));
						project.setString(6, manager);
						project.setString(7, channel(p));
						project.setTimestamp(8, now);
						project.addBatch();
						for (int s = 0; s < perProject; s++) {
							member.setLong(1, id);
							member.setInt(2, s + 1);
							member.setString(3, member(p, s));
							member.setTimestamp(4, now);
							member.setString(5, manager);
							member.addBatch();
						}
						schedule.setLong(1, id);
						schedule.setString(2, promptAt.getDayOfWeek().name());
						schedule.setString(3, promptAt.toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString());
						schedule.setString(4, deadline.getDayOfWeek().name());
						schedule.setString(5, LocalTime.of(10, 0).toString());
						schedule.setString(6, ZONE.getId());
						schedule.addBatch();
					}
					application.executeBatch();
					project.executeBatch();
					member.executeBatch();
					schedule.executeBatch();
				}
				try (var statement = db.createStatement()) {
					statement.execute("alter table project_application alter column id restart with " + (projects + 1));
					statement.execute("alter table project alter column id restart with " + (projects + 1));
				}
				db.commit();
			}
		}

	}

	/** Steward's database: the H2 file, or a PostgreSQL database made for the run; reached through the driver in Steward's jar. */
	record Database(Driver driver, String url, String user, Runnable dropper) {

		static Database h2(Path jar, Path work, Path data) throws Exception {
			var url = "jdbc:h2:file:" + data.resolve("steward") + ";DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
			return new Database(driver(jar, work, "h2-", "org.h2.Driver"), url, "sa", () -> {
			});
		}

		static Database postgres(Path jar, Path work, String server, String user) throws Exception {
			var driver = driver(jar, work, "postgresql-", "org.postgresql.Driver");
			var name = "steward_bench_" + Long.toHexString(System.nanoTime());
			var base = server.endsWith("/") ? server : server + "/";
			var admin = new Database(driver, base + "postgres", user, () -> {
			});
			try (var db = admin.connect(); var statement = db.createStatement()) {
				statement.execute("create database " + name);
			}
			return new Database(driver, base + name, user, () -> {
				try (var db = admin.connect(); var statement = db.createStatement()) {
					statement.execute("drop database if exists " + name + " with (force)");
				}
				catch (Exception ex) {
					System.err.println("Could not drop " + name + ": " + ex);
				}
			});
		}

		Map<String, String> environment() {
			return url.startsWith("jdbc:h2:") ? Map.of()
					: Map.of("SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME", user, "SPRING_DATASOURCE_PASSWORD", "");
		}

		Connection connect() throws Exception {
			var properties = new Properties();
			properties.setProperty("user", user);
			properties.setProperty("password", "");
			return driver.connect(url, properties);
		}

		void drop() {
			dropper.run();
		}

		private static Driver driver(Path jar, Path work, String prefix, String type) throws Exception {
			var lib = Files.createDirectories(work.resolve("lib"));
			Path driverJar = null;
			try (var zip = new ZipFile(jar.toFile())) {
				var entries = zip.entries();
				while (entries.hasMoreElements()) {
					var entry = entries.nextElement();
					var name = Path.of(entry.getName()).getFileName().toString();
					if (entry.getName().startsWith("BOOT-INF/lib/") && name.startsWith(prefix) && name.endsWith(".jar")) {
						driverJar = lib.resolve(name);
						try (var in = zip.getInputStream(entry)) {
							Files.copy(in, driverJar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
						}
					}
				}
			}
			if (driverJar == null) {
				throw new IllegalStateException("No " + prefix + " driver in " + jar);
			}
			var loader = new URLClassLoader(new URL[] { driverJar.toUri().toURL() });
			return (Driver) Class.forName(type, true, loader).getDeclaredConstructor().newInstance();
		}

	}

	// --- the fake Slack Web API ------------------------------------------------------------------

	enum Outcome {

		ACCEPTED, INJECTED_429, TOO_SOON

	}

	/** One chat.postMessage call as the fake saw it. */
	record Post(String channel, Instant at, Outcome outcome, String code, String deliveryId) {
	}

	/** A message the fake keeps, for conversations.history. */
	record Kept(String ts, String text, String metadata) {
	}

	/**
	 * The Web API the Slack door calls: one message a second a channel for chat.postMessage (sooner
	 * gets 429 with Retry-After), and 429 of its own choosing for a share of chat.postMessage and
	 * conversations.open calls. conversations.history answers the channel's messages with their
	 * metadata, as Slack does, so Steward's never-twice check reads what it wrote.
	 */
	static final class FakeSlack {

		static final int RETRY_AFTER = 1;

		private final HttpServer server;

		private final long every;

		private final AtomicLong calls = new AtomicLong();

		private final AtomicLong ts = new AtomicLong(1_700_000_000_000_000L);

		private final List<Post> posts = new CopyOnWriteArrayList<>();

		private final java.util.Set<String> delivered = ConcurrentHashMap.newKeySet();

		private final Map<String, Instant> lastPost = new ConcurrentHashMap<>();

		private final Map<String, List<Kept>> history = new ConcurrentHashMap<>();

		private FakeSlack(HttpServer server, double rejects) {
			this.server = server;
			this.every = rejects <= 0 ? Long.MAX_VALUE : Math.max(1, Math.round(1 / rejects));
		}

		static FakeSlack start(double rejects) throws IOException {
			System.setProperty("sun.net.httpserver.nodelay", "true");
			var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
			var fake = new FakeSlack(server, rejects);
			server.createContext("/api/", fake::api);
			server.setExecutor(Executors.newFixedThreadPool(8, runnable -> {
				var thread = new Thread(runnable, "fake-slack");
				thread.setDaemon(true); // the benchmark ends when its report is out
				return thread;
			}));
			server.start();
			return fake;
		}

		String url() {
			return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
		}

		List<Post> posts() {
			return posts;
		}

		java.util.Set<String> delivered() {
			return delivered;
		}

		void stop() {
			server.stop(0);
		}

		private void api(HttpExchange exchange) throws IOException {
			try (exchange) {
				var method = exchange.getRequestURI().getPath().substring("/api/".length());
				var params = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				switch (method) {
					case "auth.test" -> send(exchange, 200, "{\"ok\":true,\"url\":\"https://bench.slack.test/\","
							+ "\"team\":\"Bench\",\"user\":\"steward\",\"team_id\":\"T01BENCH\",\"user_id\":\"U01BOT\",\"bot_id\":\"B01BOT\"}");
					case "users.info" -> send(exchange, 200, "{\"ok\":true,\"user\":{\"id\":\"" + params.get("user")
							+ "\",\"locale\":\"en-US\",\"tz\":\"Asia/Shanghai\"}}");
					case "conversations.open" -> {
						if (calls.incrementAndGet() % every == 0) {
							rateLimited(exchange);
						}
						else {
							send(exchange, 200, "{\"ok\":true,\"channel\":{\"id\":\"D" + params.get("users") + "\"}}");
						}
					}
					case "conversations.history" -> send(exchange, 200, history(params.get("channel"),
							Integer.parseInt(params.getOrDefault("limit", "100"))));
					case "chat.postMessage" -> post(exchange, params);
					case "chat.update" -> send(exchange, 200, "{\"ok\":true,\"channel\":\"" + params.get("channel")
							+ "\",\"ts\":\"" + params.get("ts") + "\"}");
					default -> send(exchange, 200, "{\"ok\":true}");
				}
			}
		}

		private void post(HttpExchange exchange, Map<String, String> params) throws IOException {
			var given = params.get("channel");
			// a user id as the channel posts to the app's direct messages with them, as Slack does
			var channel = given.startsWith("U") || given.startsWith("W") ? "D" + given : given;
			var now = Instant.now();
			var text = params.getOrDefault("text", "");
			var matcher = CODE.matcher(text);
			var code = matcher.find() ? matcher.group() : "?";
			var metadata = params.get("metadata");
			var id = metadata == null ? null : DELIVERY.matcher(metadata).results().map(m -> m.group(1)).findFirst().orElse(null);
			Outcome outcome;
			// one call at a time a channel: decide and record atomically
			synchronized (this.history.computeIfAbsent(channel, key -> new CopyOnWriteArrayList<>())) {
				var last = lastPost.get(channel);
				if (last != null && Duration.between(last, now).compareTo(Duration.ofSeconds(1)) < 0) {
					outcome = Outcome.TOO_SOON;
				}
				else if (calls.incrementAndGet() % every == 0) {
					outcome = Outcome.INJECTED_429;
				}
				else {
					outcome = Outcome.ACCEPTED;
					lastPost.put(channel, now);
				}
				posts.add(new Post(channel, now, outcome, code, id));
				if (outcome == Outcome.ACCEPTED) {
					var stamp = ts.incrementAndGet();
					var kept = new Kept((stamp / 1_000_000) + "." + String.format("%06d", stamp % 1_000_000), text,
							metadata);
					history.get(channel).add(kept);
					delivered.add(channel + " " + code);
					send(exchange, 200, "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + kept.ts() + "\"}");
					return;
				}
			}
			rateLimited(exchange);
		}

		private String history(String channel, int limit) {
			var kept = history.getOrDefault(channel, List.of());
			var json = new StringBuilder("{\"ok\":true,\"has_more\":false,\"messages\":[");
			int from = Math.max(0, kept.size() - limit);
			// newest first, as Slack answers
			for (int i = kept.size() - 1; i >= from; i--) {
				var message = kept.get(i);
				json.append(i == kept.size() - 1 ? "" : ",").append("{\"type\":\"message\",\"ts\":\"").append(message.ts())
					.append("\",\"text\":").append(quote(message.text()));
				if (message.metadata() != null) {
					json.append(",\"metadata\":").append(message.metadata());
				}
				json.append('}');
			}
			return json.append("]}").toString();
		}

		private static void rateLimited(HttpExchange exchange) throws IOException {
			exchange.getResponseHeaders().add("Retry-After", String.valueOf(RETRY_AFTER));
			send(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
		}

		private static void send(HttpExchange exchange, int status, String body) throws IOException {
			var bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}

		private static Map<String, String> form(String body) {
			var params = new HashMap<String, String>();
			for (var pair : body.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
			return params;
		}

		private static String quote(String text) {
			var json = new StringBuilder("\"");
			for (char c : text.toCharArray()) {
				switch (c) {
					case '"' -> json.append("\\\"");
					case '\\' -> json.append("\\\\");
					case '\n' -> json.append("\\n");
					case '\r' -> json.append("\\r");
					case '\t' -> json.append("\\t");
					default -> {
						if (c < 0x20) {
							json.append(String.format("\\u%04x", (int) c));
						}
						else {
							json.append(c);
						}
					}
				}
			}
			return json.append('"').toString();
		}

	}

	// --- processes --------------------------------------------------------------------------------

	record Started(Process process, int port) {
	}

	static Started start(Path jar, String maxRam, Map<String, String> env, Path log) throws IOException {
		int port;
		try (var socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		// as in a container of that size: -XX:MaxRAM sizes the heap, but the JVM picks its collector
		// from the host's memory, and in a container under 1,792 MB it picks the Serial collector
		var command = new ArrayList<String>(List.of("java", "-XX:MaxRAM=" + maxRam));
		var extra = System.getenv("STEWARD_BENCH_JVM_ARGS");
		if (extra == null || !extra.contains("GC")) {
			command.add("-XX:+UseSerialGC"); // unless the extra options name a collector
		}
		if (extra != null && !extra.isBlank()) {
			command.addAll(List.of(extra.trim().split("\\s+")));
		}
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--management.server.port=0", "--logging.level.root=warn",
				"--logging.level.dev.steward=info", "--steward.scheduling.default-calendar=bench"));
		var builder = new ProcessBuilder(command)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(env);
		// two C heap arenas, as the user guide runs Steward in a container, unless this shell says otherwise
		builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
		return new Started(builder.start(), port);
	}

	/** Up when an unsigned request to the Slack endpoint is refused: the app listens and checks signatures. */
	static void waitUntilUp(HttpClient http, int port, Process process) throws Exception {
		var url = URI.create("http://127.0.0.1:" + port + "/slack/events");
		long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Steward stopped while starting; see its log");
			}
			try {
				var response = http.send(HttpRequest.newBuilder(url)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("command=%2Fsteward&text=help&user_id=U0"))
					.build(), HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 401) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(200); // polling a process we started: there is no event to wait on
		}
		throw new IllegalStateException("Steward did not answer within 300 s");
	}

	/** Waits until Steward's log says something (it logs what it has done, at start). */
	static void waitFor(Path log, String line, Process process) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(600).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Steward stopped while starting; see " + log);
			}
			if (Files.exists(log) && Files.readString(log).contains(line)) {
				return;
			}
			Thread.sleep(200); // watching another process's log
		}
		throw new IllegalStateException("Steward's log did not say \"" + line + "\" within 600 s; see " + log);
	}

	/** Samples a process's resident set size (VmRSS, kB) from /proc. */
	static final class MemoryWatch extends Thread {

		private final long pid;

		private volatile long current;

		private volatile long peak;

		MemoryWatch(long pid) {
			this.pid = pid;
			setDaemon(true);
		}

		@Override
		public void run() {
			var status = Path.of("/proc", String.valueOf(pid), "status");
			while (!isInterrupted()) {
				try {
					for (var line : Files.readAllLines(status)) {
						if (line.startsWith("VmRSS:")) {
							current = Long.parseLong(line.replaceAll("\\D", ""));
							peak = Math.max(peak, current);
						}
					}
					Thread.sleep(100);
				}
				catch (InterruptedException | IOException ex) {
					return;
				}
			}
		}

		long current() {
			return current;
		}

		long peak() {
			return peak;
		}

	}

	static Map<String, String> options(String[] args) {
		var options = new HashMap<String, String>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		return options;
	}

}
