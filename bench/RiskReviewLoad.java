import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import dev.steward.benchkit.Database; // not found? Build the kit: mvn -q -DskipTests package, then java -cp target/test-classes bench/RiskReviewLoad.java
import dev.steward.benchkit.Figures;
import dev.steward.benchkit.FirmFiles;
import dev.steward.benchkit.MemoryWatch;
import dev.steward.benchkit.Options;
import dev.steward.benchkit.PacedSlack;
import dev.steward.benchkit.Projects;
import dev.steward.benchkit.SlackRequests;
import dev.steward.benchkit.Steward;

/**
 * The risk register at a firm's size: the daily review of every owner's due risks, the firm-wide
 * heat map asked for by many people at once, and what 20,000 risks cost Steward's start.
 *
 * Builds a firm (by default 2,000 active projects with 5 members each, 200 project managers, 10
 * department heads and 100 people of management who ask for the heat map) and writes it into
 * Steward's database with SQL between starts, as WeeklyPromptLoad does: first the projects,
 * then the register (by default 20,000 open risks, 10 a project, owned by 1,000 people spread over
 * the firm's members and managers, every one of them due for review today). Steward runs from the
 * packaged jar as in a small container (-XX:MaxRAM), its Slack door pointed at a fake Web API in
 * this process that takes one chat.postMessage a second a channel (sooner: 429 Retry-After: 1,
 * counted against Steward) and answers a share of calls with 429 of its own. Each owner's review
 * cards go to their direct messages, so pacing is per owner.
 *
 * Phases:
 * 1. Start-up: Steward with the projects and no risks, then with the register; the time from the
 *    process's start until it is up and the risk planner has planned the daily reviews, both, and
 *    their ratio.
 * 2. Reviews: steward.risk.review-time is set to a minute a little after the start, so at that
 *    minute the daily review job of the firm's time zone asks every owner for their reviews (a
 *    message of up to five risks each). The benchmark waits for every due risk to reach its owner
 *    and reports the time from the review minute to the last message against the floor that
 *    pacing allows (for each owner's conversation, a second after each message it took and the
 *    Retry-After of each 429 the fake chose to give it; the floor is the largest sum), risks lost
 *    and duplicated, and Steward's resident memory.
 * 3. Heat map: 100 people of management each type "/risk matrix" (the firm's) in a channel of
 *    their own, as signed Slack slash commands. The answer's picture goes to their direct
 *    messages: files.getUploadURLExternal, the bytes POSTed to the upload URL, then
 *    files.completeUploadExternal. Reports the acknowledgement latency and the time from the
 *    acknowledgement to the upload completed at the fake (p50/p99/max). If Steward has no such
 *    command (it answers that /risk has no "matrix", or no picture comes), says so and skips it.
 *
 * With {@code --database postgres} Steward runs on a PostgreSQL database the benchmark makes (and
 * drops at the end, whatever happened) on the server of {@code --postgres} (user {@code postgres}, or
 * {@code --postgres-user}), as WeeklyPromptLoad does; the firm and the register are written there.
 *
 * Run from the project root (the package builds the benchmarks' kit too, in target/test-classes):
 *   mvn -q -DskipTests package
 *   java -cp target/test-classes bench/RiskReviewLoad.java [--projects 2000] [--risks 20000] [--owners 1000]
 *       [--due 1.0] [--members-per-project 5] [--askers 100] [--matrix-clients 10] [--rejects 0.02]
 *       [--matrix-rejects 0] [--lead 300] [--compare-start true] [--max-ram 512m] [--jar PATH]
 *       [--database h2|postgres] [--postgres jdbc:postgresql://127.0.0.1:5432/] [--postgres-user postgres]
 */
public class RiskReviewLoad {

	static final String SECRET = "bench-signing-secret";

	/** Each risk's title carries its code, so the fake can tell which risks a message carries. */
	static final Pattern RISK_CODE = Pattern.compile("RSK-\\d{6}");

	static final ZoneId ZONE = FirmFiles.ZONE;

	/** The default matrix of config/risk.yaml: a row a likelihood from 5 down to 1, impact 1 to 5. */
	static final String[][] MATRIX = { { "MEDIUM", "MEDIUM", "HIGH", "HIGH", "HIGH" },
			{ "LOW", "MEDIUM", "MEDIUM", "HIGH", "HIGH" }, { "LOW", "MEDIUM", "MEDIUM", "MEDIUM", "HIGH" },
			{ "LOW", "LOW", "MEDIUM", "MEDIUM", "MEDIUM" }, { "LOW", "LOW", "LOW", "LOW", "MEDIUM" } };

	static final String[] CATEGORIES = { "market", "client", "project", "people", "legal" };

	public static void main(String[] args) throws Exception {
		var options = Options.parse(args);
		int projects = options.integer("projects", 2000);
		int risks = options.integer("risks", 20000);
		int owners = options.integer("owners", 1000);
		double due = options.decimal("due", 1.0);
		int perProject = options.integer("members-per-project", 5);
		int askers = options.integer("askers", 100);
		int matrixClients = options.integer("matrix-clients", 10);
		double rejects = options.decimal("rejects", 0.02);
		double matrixRejects = options.decimal("matrix-rejects", 0);
		int lead = options.integer("lead", 300);
		boolean compareStart = options.flag("compare-start", true);
		var maxRam = options.maxRam();
		var jar = options.jar();
		var work = Files.createTempDirectory("steward-risk-bench");
		var firm = new Firm(projects, perProject, risks, owners, due, askers);
		if (firm.owners > firm.candidates().size()) {
			Options.exit("--owners is at most " + firm.candidates().size() + " (the firm's members and managers)");
		}
		firm.writeDirectory(work.resolve("directory.yaml"));
		FirmFiles.calendars(work);

		var api = PacedSlack.start(rejects, PacedSlack.Codes.all(RISK_CODE));
		var data = work.resolve("data");
		var env = FirmFiles.environment(work, api.url(), SECRET);
		var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		try (var database = Database.of(options, jar, work, data)) {
			env.putAll(database.environment());
			System.out.println("Load average at the start (1, 5, 15 min): " + Figures.loadAverage());
			System.out.printf("Firm: %,d projects, %,d people in the directory, %,d open risks owned by %,d people; Steward on %s; logs in %s%n",
					projects, firm.people(), risks, owners, database.label(), work);
			// the schema and the directory
			long started = System.nanoTime();
			var first = Steward.start(jar, maxRam, env, work.resolve("steward-first.log"), args(null));
			first.awaitLog("Started StewardApplication");
			first.stop();
			System.out.printf("Schema and directory of %,d people made in %.1f s%n", firm.people(),
					(System.nanoTime() - started) / 1e9);

			// the projects, without risks
			started = System.nanoTime();
			firm.writeProjects(database);
			database.analyze(); // the statistics autovacuum keeps of a firm's rows (see Database#analyze)
			System.out.printf("%,d projects with %,d members written in %.1f s%n", projects, projects * perProject,
					(System.nanoTime() - started) / 1e9);

			StartUp without = null;
			if (compareStart) {
				// the first start with the projects plans their progress jobs: not a start like the others
				var planning = startUp(jar, maxRam, env, work.resolve("steward-projects.log"), http, null);
				planning.stop();
				System.out.printf("First start with the projects (plans their jobs): %.1f s (Spring: %s)%n",
						planning.seconds(), planning.spring());

				// 1. start-up without risks
				without = startUp(jar, maxRam, env, work.resolve("steward-no-risks.log"), http, null);
				without.stop();
				System.out.printf("Start-up without risks: %.1f s (Spring: %s)%n", without.seconds(), without.spring());
			}

			// the register, due at the review minute
			var reviewAt = ZonedDateTime.now(ZONE).plusSeconds(lead).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
			started = System.nanoTime();
			firm.writeRisks(database, reviewAt.toLocalDate());
			database.analyze(); // the statistics autovacuum keeps of a firm's rows (see Database#analyze)
			System.out.printf("%,d risks written in %.1f s (%,d due on %s, in %,d messages to %,d owners); reviews at %s%n",
					risks, (System.nanoTime() - started) / 1e9, firm.dueCount(), reviewAt.toLocalDate(),
					firm.expectedMessages(), firm.dueOwners(), reviewAt.toLocalTime());

			// start-up with risks; this Steward then runs the reviews and the heat maps
			var with = startUp(jar, maxRam, env, work.resolve("steward.log"), http,
					reviewAt.toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString());
			var steward = with.started();
			var memory = with.memory();
			try {
				System.out.printf("Start-up with %,d risks: %.1f s (Spring: %s); %d s before the review minute%n", risks,
						with.seconds(), with.spring(), Duration.between(Instant.now(), reviewAt.toInstant()).toSeconds());
				if (Instant.now().isAfter(reviewAt.toInstant())) {
					System.out.println("Steward came up after the review minute, so its reviews are planned for tomorrow:"
							+ " run again with a longer --lead.");
					return;
				}
				var reviews = reviews(api, firm, reviewAt.toInstant(), memory);
				// the heat maps have their own share of 429s (a 429 costs a second nobody can save)
				long injectedBefore = api.injected();
				api.rejects(matrixRejects);
				var matrix = matrix(api, http, steward, firm, matrixClients, memory, injectedBefore);

				System.out.println();
				System.out.println("Load average at the end (1, 5, 15 min): " + Figures.loadAverage());
				System.out.println("| measure | value |");
				System.out.println("|---|---|");
				if (without != null) {
					System.out.printf("| start-up without risks / with %,d risks (to the daily reviews planned) | %.1f s / %.1f s |%n",
							risks, without.seconds(), with.seconds());
					System.out.printf("| start-up with / without (target ≤ 1.10) | %.2f |%n",
							with.seconds() / without.seconds());
				}
				reviews.forEach(System.out::println);
				matrix.forEach(System.out::println);
			}
			finally {
				with.stop();
			}
		}
		finally {
			api.stop();
		}
	}

	/** Steward's arguments: its lines in the log, the calendar without rest days, and the review minute if set. */
	static List<String> args(String reviewTime) {
		var args = new ArrayList<>(Steward.LOGS);
		args.add("--steward.scheduling.default-calendar=bench");
		if (reviewTime != null) {
			args.add("--steward.risk.review-time=" + reviewTime);
		}
		return args;
	}

	// --- start-up -------------------------------------------------------------------------------

	record StartUp(Steward started, double seconds, String spring, MemoryWatch memory) {

		void stop() throws InterruptedException {
			memory.stop();
			started.stop();
		}

	}

	/** Starts Steward and times it until it answers and its risk planner has planned the daily reviews. */
	static StartUp startUp(Path jar, String maxRam, Map<String, String> env, Path log, HttpClient http, String reviewTime)
			throws Exception {
		long started = System.nanoTime();
		var steward = Steward.start(jar, maxRam, env, log, args(reviewTime));
		var memory = MemoryWatch.start(steward.pid());
		steward.awaitSlackEndpoint(http);
		steward.awaitLog("Risk register: daily reviews planned");
		double seconds = (System.nanoTime() - started) / 1e9;
		var matcher = Pattern.compile("Started StewardApplication in ([\\d.]+) seconds").matcher(Files.readString(log));
		return new StartUp(steward, seconds, matcher.find() ? matcher.group(1) + " s" : "?", memory);
	}

	// --- the daily reviews ----------------------------------------------------------------------

	static List<String> reviews(PacedSlack api, Firm firm, Instant reviewAt, MemoryWatch memory) throws Exception {
		var expected = firm.expected();
		long idle = memory.current();
		memory.mark();
		// bounded: at most an hour, and two minutes without a new risk delivered once they began
		api.awaitDelivered(expected, reviewAt, Duration.ofSeconds(180), 2000, "due risks delivered", () -> {
		});
		// a while longer, so a message posted twice has the time to show
		Thread.sleep(5000);
		long peak = memory.peakSinceMark();

		var tally = api.tally(expected, reviewAt);
		var posts = tally.posts();
		var accepted = tally.accepted();
		var lost = tally.lost();
		// the floor: each conversation's calls, a second after each message it took, Retry-After after each 429
		var floor = tally.floor();
		double took = Duration.between(reviewAt, tally.last()).toMillis() / 1000.0;
		double spread = Duration.between(tally.first(), tally.last()).toMillis() / 1000.0;

		// when each owner's first message came: the job asks owner after owner, so the last of these
		// is about when it had asked everyone; after it, what remains is each owner's pacing
		var firstByOwner = new HashMap<String, Instant>();
		accepted.forEach(post -> firstByOwner.merge(post.channel(), post.at(), (a, b) -> a.isBefore(b) ? a : b));
		var lastOwnerReached = firstByOwner.values().stream().max(Instant::compareTo).orElse(reviewAt);

		var rows = new ArrayList<String>();
		rows.add(String.format("| owners with reviews due / risks due / messages expected (≤ 5 risks each) | %,d / %,d / %,d |",
				firm.dueOwners(), expected.size(), firm.expectedMessages()));
		rows.add(String.format("| chat.postMessage calls / answered 429 by the fake's choice | %,d / %,d |", posts.size(),
				tally.injected()));
		rows.add(String.format("| messages posted with risks on them | %,d |", accepted.size()));
		rows.add(String.format("| first message after the review minute | %.1f s |",
				Duration.between(reviewAt, tally.first()).toMillis() / 1000.0));
		rows.add(String.format("| every owner's first message in by | %.1f s |",
				Duration.between(reviewAt, lastOwnerReached).toMillis() / 1000.0));
		rows.add(String.format("| time from the review minute to the last message | %.1f s |", took));
		rows.add(String.format("| messages a second, first to last | %.0f |", spread <= 0 ? Double.NaN : accepted.size() / spread));
		rows.add(String.format("| floor that pacing allows (busiest owner, %s) | %.1f s |", floor.channel(), floor.seconds()));
		rows.add(String.format("| time / floor (target ≤ 1.2) | %.2f |", floor.seconds() == 0 ? Double.NaN : took / floor.seconds()));
		rows.add(String.format("| risks lost (target 0) | %,d |", lost.size()));
		rows.add(String.format("| risks duplicated / messages duplicated (target 0) | %,d / %,d |", tally.duplicatedCodes(),
				tally.duplicatedIds()));
		rows.add(String.format("| messages refused for coming too soon (target 0) | %,d |", tally.tooSoon()));
		rows.add(String.format("| Steward resident memory in the reviews: before / peak / after (target < 400 MB) | %d / %d / %d MB |",
				idle / 1024, peak / 1024, memory.current() / 1024));
		if (!lost.isEmpty()) {
			System.out.println("Some lost: " + lost.stream().limit(5).toList());
		}
		if (floor.channel() != null) {
			System.out.println("Calls to " + floor.channel() + ", seconds after the review minute:" + floor.timeline(reviewAt));
		}
		// how the deliveries spread over time: a line every tenth of them
		var times = accepted.stream().map(post -> Duration.between(reviewAt, post.at()).toMillis() / 1000.0).sorted().toList();
		System.out.println(Figures.tenths("Messages delivered by (s after the review minute):", times));
		return rows;
	}

	// --- the firm-wide heat map -----------------------------------------------------------------

	/** One /risk matrix as the benchmark saw it: when sent and acknowledged, and what the ack said. */
	record Ask(String user, long sentNanos, long ackNanos, Instant acked, int status, String body) {
	}

	static List<String> matrix(PacedSlack api, HttpClient http, Steward steward, Firm firm, int clients, MemoryWatch memory,
			long injectedBefore) throws Exception {
		var url = URI.create(steward.baseUrl() + "/slack/events");
		var rows = new ArrayList<String>();
		// one ask first, by someone who is not measured: is there such a command, and a warm-up for it
		var probe = ask(http, url, api, Firm.slackId("boss"), "C0PROBE");
		var probeChannel = "D" + Firm.slackId("boss");
		long probeDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		boolean unknown = probe.status() == 200 && probe.body().contains("has no command");
		while (!unknown && System.nanoTime() < probeDeadline && !api.completed().containsKey(probeChannel)) {
			Thread.sleep(100); // watching another process's progress
		}
		if (unknown || !api.completed().containsKey(probeChannel)) {
			var said = probe.body().replaceAll("\\s+", " ");
			System.out.println("/risk matrix: command not available in this Steward (HTTP " + probe.status() + ", "
					+ (unknown ? "it answered that /risk has no such command" : "no picture reached the fake within 60 s")
					+ "; its answer: " + said.substring(0, Math.min(200, said.length())) + ")");
			rows.add("| `/risk matrix` (firm-wide) | command not available: skipped |");
			return rows;
		}
		System.out.printf("/risk matrix answered (probe: ack %.0f ms, picture %.0f ms after it); now %d asks, %d at a time%n",
				(probe.ackNanos() - probe.sentNanos()) / 1e6,
				Duration.between(probe.acked(), api.completed().get(probeChannel).at()).toMillis() * 1.0, firm.askers,
				clients);

		memory.mark();
		long before = memory.current();
		var asks = new CopyOnWriteArrayList<Ask>();
		var errors = new AtomicInteger();
		var next = new AtomicInteger();
		var done = new CountDownLatch(clients);
		for (int c = 0; c < clients; c++) {
			new Thread(() -> {
				try {
					int n;
					while ((n = next.getAndIncrement()) < firm.askers) {
						try {
							asks.add(ask(http, url, api, Firm.slackId(firm.asker(n)), String.format("C0ASK%04d", n)));
						}
						catch (Exception ex) {
							errors.incrementAndGet();
						}
					}
				}
				finally {
					done.countDown();
				}
			}).start();
		}
		done.await();
		var deadline = Instant.now().plusSeconds(120);
		while (Instant.now().isBefore(deadline)
				&& asks.stream().anyMatch(ask -> !api.completed().containsKey("D" + ask.user()))) {
			Thread.sleep(100); // watching another process's progress
		}
		long peak = memory.peakSinceMark();
		var acks = new ArrayList<Long>();
		var uploads = new ArrayList<Long>();
		var allDone = new ArrayList<Long>();
		int refused = 0;
		for (var ask : asks) {
			acks.add(ask.ackNanos() - ask.sentNanos());
			refused += ask.status() == 200 ? 0 : 1;
			var completion = api.completed().get("D" + ask.user());
			if (completion != null) {
				uploads.add(Duration.between(ask.acked(), completion.at()).toNanos());
				allDone.add(Duration.between(ask.acked(), completion.at()).toNanos() + ask.ackNanos() - ask.sentNanos());
			}
		}
		Collections.sort(acks);
		Collections.sort(uploads);
		Collections.sort(allDone);
		long injected = api.injected() - injectedBefore;
		rows.add(String.format("| `/risk matrix` (firm-wide, %,d open risks) asked / acknowledged / pictures completed at the fake | %d / %d / %d |",
				firm.risks, firm.askers, acks.size() - refused, uploads.size()));
		rows.add(String.format("| acknowledgement p50 / p99 / max (target p99 < 3 s) | %.0f / %.0f / %.0f ms |",
				Figures.percentile(acks, 50), Figures.percentile(acks, 99), Figures.percentile(acks, 100)));
		rows.add(String.format("| acknowledgement → upload completed p50 / p99 / max (target p99 < 1 s) | %.0f / %.0f / %.0f ms |",
				Figures.percentile(uploads, 50), Figures.percentile(uploads, 99), Figures.percentile(uploads, 100)));
		rows.add(String.format("| command sent → upload completed p50 / p99 / max | %.0f / %.0f / %.0f ms |",
				Figures.percentile(allDone, 50), Figures.percentile(allDone, 99), Figures.percentile(allDone, 100)));
		rows.add(String.format("| errors / 429s the fake chose in this phase | %d / %d |", errors.get() + refused, injected));
		rows.add(String.format("| Steward resident memory in the heat maps: before / peak (target < 400 MB) | %d / %d MB |",
				before / 1024, peak / 1024));
		long bytes = api.uploadedBytes().stream().mapToLong(Long::longValue).max().orElse(0);
		System.out.printf("Largest picture uploaded: %,d bytes%n", bytes);
		return rows;
	}

	/** One signed /risk matrix, as Slack posts a slash command. */
	static Ask ask(HttpClient http, URI url, PacedSlack api, String user, String channel) throws Exception {
		var body = SlackRequests.formBody(SlackRequests.slashCommand(channel, channel.toLowerCase(), user,
				user.toLowerCase(), "/risk", "matrix", api.responseUrl(UUID.randomUUID().toString()),
				UUID.randomUUID().toString()));
		long sent = System.nanoTime();
		var response = SlackRequests.post(http, url, SECRET, body);
		long acked = System.nanoTime();
		return new Ask(user, sent, acked, Instant.now(), response.statusCode(), response.body());
	}

	// --- the firm -------------------------------------------------------------------------------

	/** The generated firm: departments, managers, members, people of management, and the register. */
	static final class Firm {

		final int projects;

		final int perProject;

		final int risks;

		final int owners;

		final double due;

		final int askers;

		final int managers;

		final int departments = 10;

		private List<String> candidates;

		Firm(int projects, int perProject, int risks, int owners, double due, int askers) {
			this.projects = projects;
			this.perProject = perProject;
			this.risks = risks;
			this.owners = Math.max(1, owners);
			this.due = due;
			this.askers = askers;
			this.managers = Math.max(1, projects / 10);
		}

		int people() {
			return 1 + departments + managers + projects * perProject + askers;
		}

		String member(int project, int seat) {
			return FirmFiles.member(project, seat, perProject);
		}

		String manager(int project) {
			return FirmFiles.manager(project % managers);
		}

		String asker(int n) {
			return String.format("mgmt%03d", n);
		}

		static String slackId(String personId) {
			return FirmFiles.slackId(personId);
		}


		static String code(int project) {
			return String.format("BENCH-%05d", project + 1);
		}

		static String riskCode(long id) {
			return String.format("RSK-%06d", id);
		}

		/** Who may own risks: the project managers and the members, in that order. */
		List<String> candidates() {
			if (candidates == null) {
				var list = new ArrayList<String>();
				for (int m = 0; m < managers; m++) {
					list.add(FirmFiles.manager(m));
				}
				for (int p = 0; p < projects; p++) {
					for (int s = 0; s < perProject; s++) {
						list.add(member(p, s));
					}
				}
				candidates = list;
			}
			return candidates;
		}

		/** The owner of risk number r (0-based): owners are spread evenly over the candidates. */
		String owner(int r) {
			var all = candidates();
			int k = r % owners;
			return all.get((int) ((long) k * all.size() / owners));
		}

		int project(int r) {
			return r % projects;
		}

		/** Whether risk r is due today: a share of them, spread evenly over the register. */
		boolean isDue(int r) {
			if (due >= 1) {
				return true;
			}
			// a low-discrepancy spread, the same at every run
			double x = (r * 0.6180339887498949) % 1.0;
			return x < due;
		}

		int dueCount() {
			int n = 0;
			for (int r = 0; r < risks; r++) {
				n += isDue(r) ? 1 : 0;
			}
			return n;
		}

		Map<String, Integer> dueByOwner() {
			var counts = new LinkedHashMap<String, Integer>();
			for (int r = 0; r < risks; r++) {
				if (isDue(r)) {
					counts.merge(owner(r), 1, Integer::sum);
				}
			}
			return counts;
		}

		int dueOwners() {
			return dueByOwner().size();
		}

		/** One message each five risks an owner has due (steward.risk.reviews-per-message). */
		int expectedMessages() {
			return dueByOwner().values().stream().mapToInt(n -> (n + 4) / 5).sum();
		}

		/** Each due risk in its owner's direct messages: "D<owner's Slack id> RSK-000123". */
		Set<String> expected() {
			var expected = new HashSet<String>();
			for (int r = 0; r < risks; r++) {
				if (isDue(r)) {
					expected.add("D" + slackId(owner(r)) + " " + riskCode(r + 1));
				}
			}
			return expected;
		}

		void writeDirectory(Path file) throws IOException {
			var yaml = FirmFiles.directory(departments, managers, projects, perProject, "en");
			// the people who ask for the firm's heat map; in English, so the benchmark can read a refusal
			for (int n = 0; n < askers; n++) {
				FirmFiles.person(yaml, asker(n), "Director " + n, n % departments, "[management]", "en");
			}
			Files.writeString(file, yaml);
		}

		/** What 2,000 approved applications leave in the database (without reporting schedules). */
		void writeProjects(Database database) throws Exception {
			try (var db = database.connect()) {
				db.setAutoCommit(false);
				var now = Timestamp.from(Instant.now());
				try (var written = new Projects(db)) {
					for (int p = 0; p < projects; p++) {
						var team = new ArrayList<String>();
						for (int s = 0; s < perProject; s++) {
							team.add(member(p, s));
						}
						written.add(new Projects.Project(p + 1, code(p), "Engagement " + code(p), "Client", null,
								"dept" + (p % departments), manager(p), String.format("C0BENCH%03d", p % 40), team), now);
					}
					written.flush();
					written.restartIds(projects);
				}
				db.commit();
			}
		}

		/**
		 * The register: each risk of a project, assessed, with its registration in its history; those
		 * due have their next review on the review day, the others in the month after it.
		 */
		void writeRisks(Database database, LocalDate reviewDay) throws Exception {
			try (var db = database.connect()) {
				db.setAutoCommit(false);
				var created = Instant.now().minus(Duration.ofDays(40));
				try (var risk = db.prepareStatement("""
						insert into risk (id, version, project_id, application_id, department_id, category, title, description,
						  cause, likelihood, impact, score, level, strategy, actions, owner_id, status, next_review,
						  review_round, awaiting_review, follow_up_stage, created_by, created_at)
						values (?, 0, ?, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, 0, false, 0, ?, ?)""");
						var entry = db.prepareStatement("""
								insert into risk_entry (risk_id, seq, at, actor_id, action, likelihood, impact, level, strategy,
								  round, comment) values (?, 0, ?, ?, 'REGISTERED', ?, ?, ?, ?, 0, null)""")) {
					for (int r = 0; r < risks; r++) {
						long id = r + 1;
						int p = project(r);
						int likelihood = 1 + (r * 7 + r / 5) % 5;
						int impact = 1 + (r * 3 + r / 25) % 5;
						var level = MATRIX[5 - likelihood][impact - 1];
						var strategy = level.equals("LOW") ? "ACCEPT" : level.equals("HIGH") && r % 2 == 0 ? "AVOID" : "REDUCE";
						var owner = owner(r);
						var at = Timestamp.from(created.plusSeconds(r));
						var next = isDue(r) ? reviewDay : reviewDay.plusDays(1 + r % 30);
						risk.setLong(1, id);
						risk.setLong(2, p + 1);
						risk.setString(3, "dept" + (p % departments));
						risk.setString(4, CATEGORIES[r % CATEGORIES.length]);
						risk.setString(5, "Delivery may slip " + riskCode(id));
						risk.setString(6, "The client's data arrives late and the team waits for it.");
						risk.setString(7, "The client's own supplier is late.");
						risk.setInt(8, likelihood);
						risk.setInt(9, impact);
						risk.setInt(10, likelihood * impact);
						risk.setString(11, level);
						risk.setString(12, strategy);
						risk.setString(13, "Agree dates with the client; chase weekly.");
						risk.setString(14, owner);
						risk.setDate(15, Date.valueOf(next));
						risk.setString(16, owner);
						risk.setTimestamp(17, at);
						risk.addBatch();
						entry.setLong(1, id);
						entry.setTimestamp(2, at);
						entry.setString(3, owner);
						entry.setInt(4, likelihood);
						entry.setInt(5, impact);
						entry.setString(6, level);
						entry.setString(7, strategy);
						entry.addBatch();
						if (r % 5000 == 4999) {
							risk.executeBatch();
							entry.executeBatch();
						}
					}
					risk.executeBatch();
					entry.executeBatch();
				}
				Projects.restartId(db, "risk", risks + 1);
				db.commit();
			}
		}

	}

	/** The kit this benchmark runs with; without it, Java's compiler stops here (and at the imports) and prints this line. */
	static final Class<?> KIT = Options.class; // not found? Build the kit: mvn -q -DskipTests package, then java -cp target/test-classes bench/RiskReviewLoad.java

}
