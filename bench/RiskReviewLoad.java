import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.Driver;
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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The risk register at a firm's size: the daily review of every owner's due risks, the firm-wide
 * heat map asked for by many people at once, and what 20,000 risks cost Steward's start.
 *
 * Builds a firm (by default 2,000 active projects with 5 members each, 200 project managers, 10
 * department heads and 100 people of management who ask for the heat map) and writes it into
 * Steward's H2 database with SQL between starts, as WeeklyPromptLoad does: first the projects,
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
 * Run from the project root:
 *   mvn -q -DskipTests package
 *   java bench/RiskReviewLoad.java [--projects 2000] [--risks 20000] [--owners 1000] [--due 1.0]
 *       [--members-per-project 5] [--askers 100] [--matrix-clients 10] [--rejects 0.02]
 *       [--matrix-rejects 0] [--lead 300] [--compare-start true] [--max-ram 512m] [--jar PATH]
 */
public class RiskReviewLoad {

	static final String SECRET = "bench-signing-secret";

	/** Each risk's title carries its code, so the fake can tell which risks a message carries. */
	static final Pattern RISK_CODE = Pattern.compile("RSK-\\d{6}");

	static final Pattern DELIVERY = Pattern.compile("\"delivery_id\"\\s*:\\s*\"?(\\d+)");

	static final Pattern FILE_ID = Pattern.compile("\"id\"\\s*:\\s*\"(F\\d+)\"");

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** The default matrix of config/risk.yaml: a row a likelihood from 5 down to 1, impact 1 to 5. */
	static final String[][] MATRIX = { { "MEDIUM", "MEDIUM", "HIGH", "HIGH", "HIGH" },
			{ "LOW", "MEDIUM", "MEDIUM", "HIGH", "HIGH" }, { "LOW", "MEDIUM", "MEDIUM", "MEDIUM", "HIGH" },
			{ "LOW", "LOW", "MEDIUM", "MEDIUM", "MEDIUM" }, { "LOW", "LOW", "LOW", "LOW", "MEDIUM" } };

	static final String[] CATEGORIES = { "market", "client", "project", "people", "legal" };

	public static void main(String[] args) throws Exception {
		var options = options(args);
		int projects = Integer.parseInt(options.getOrDefault("projects", "2000"));
		int risks = Integer.parseInt(options.getOrDefault("risks", "20000"));
		int owners = Integer.parseInt(options.getOrDefault("owners", "1000"));
		double due = Double.parseDouble(options.getOrDefault("due", "1.0"));
		int perProject = Integer.parseInt(options.getOrDefault("members-per-project", "5"));
		int askers = Integer.parseInt(options.getOrDefault("askers", "100"));
		int matrixClients = Integer.parseInt(options.getOrDefault("matrix-clients", "10"));
		double rejects = Double.parseDouble(options.getOrDefault("rejects", "0.02"));
		double matrixRejects = Double.parseDouble(options.getOrDefault("matrix-rejects", "0"));
		int lead = Integer.parseInt(options.getOrDefault("lead", "300"));
		boolean compareStart = Boolean.parseBoolean(options.getOrDefault("compare-start", "true"));
		var maxRam = options.getOrDefault("max-ram", "512m");
		var jar = Path.of(options.getOrDefault("jar", "target/steward-0.1.0-SNAPSHOT.jar"));
		if (!Files.isRegularFile(jar)) {
			System.err.println("No " + jar + ": run 'mvn -q -DskipTests package' first.");
			System.exit(2);
		}
		var work = Files.createTempDirectory("steward-risk-bench");
		var firm = new Firm(projects, perProject, risks, owners, due, askers);
		if (firm.owners > firm.candidates().size()) {
			System.err.println("--owners is at most " + firm.candidates().size() + " (the firm's members and managers)");
			System.exit(2);
		}
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
		var env = Map.of("SLACK_BOT_TOKEN", "xoxb-bench-token", "SLACK_SIGNING_SECRET", SECRET,
				"STEWARD_SLACK_API_URL", api.url(), "STEWARD_DATA_DIR", data.toString(), "STEWARD_DIRECTORY",
				work.resolve("directory.yaml").toString(), "STEWARD_CALENDARS", calendars.toString());
		var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		System.out.println("Load average at the start (1, 5, 15 min): " + loadAverage());
		System.out.printf("Firm: %,d projects, %,d people in the directory, %,d open risks owned by %,d people; logs in %s%n",
				projects, firm.people(), risks, owners, work);
		try {
			// the schema and the directory
			long started = System.nanoTime();
			var first = start(jar, maxRam, env, work.resolve("steward-first.log"), null);
			waitFor(work.resolve("steward-first.log"), "Started StewardApplication", first.process());
			first.process().destroy();
			first.process().waitFor();
			System.out.printf("Schema and directory of %,d people made in %.1f s%n", firm.people(),
					(System.nanoTime() - started) / 1e9);

			// the projects, without risks
			started = System.nanoTime();
			firm.writeProjects(jar, work, data);
			System.out.printf("%,d projects with %,d members written in %.1f s%n", projects, projects * perProject,
					(System.nanoTime() - started) / 1e9);

			StartUp without = null;
			if (compareStart) {
				// the first start with the projects plans their progress jobs: not a start like the others
				var planning = startUp(jar, maxRam, env, work.resolve("steward-projects.log"), http, null);
				planning.started().process().destroy();
				planning.started().process().waitFor();
				System.out.printf("First start with the projects (plans their jobs): %.1f s (Spring: %s)%n",
						planning.seconds(), planning.spring());

				// 1. start-up without risks
				without = startUp(jar, maxRam, env, work.resolve("steward-no-risks.log"), http, null);
				without.started().process().destroy();
				without.started().process().waitFor();
				System.out.printf("Start-up without risks: %.1f s (Spring: %s)%n", without.seconds(), without.spring());
			}

			// the register, due at the review minute
			var reviewAt = ZonedDateTime.now(ZONE).plusSeconds(lead).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
			started = System.nanoTime();
			firm.writeRisks(jar, work, data, reviewAt.toLocalDate());
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
				api.beginMatrixPhase(matrixRejects);
				var matrix = matrix(api, http, steward.port(), firm, matrixClients, memory, work.resolve("steward.log"));

				System.out.println();
				System.out.println("Load average at the end (1, 5, 15 min): " + loadAverage());
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
				memory.interrupt();
				steward.process().destroy();
				steward.process().waitFor();
			}
		}
		finally {
			api.stop();
		}
	}

	// --- start-up -------------------------------------------------------------------------------

	record StartUp(Started started, double seconds, String spring, MemoryWatch memory) {
	}

	/** Starts Steward and times it until it answers and its risk planner has planned the daily reviews. */
	static StartUp startUp(Path jar, String maxRam, Map<String, String> env, Path log, HttpClient http, String reviewTime)
			throws Exception {
		long started = System.nanoTime();
		var steward = start(jar, maxRam, env, log, reviewTime);
		var memory = new MemoryWatch(steward.process().pid());
		memory.start();
		waitUntilUp(http, steward.port(), steward.process());
		waitFor(log, "Risk register: daily reviews planned", steward.process());
		double seconds = (System.nanoTime() - started) / 1e9;
		var matcher = Pattern.compile("Started StewardApplication in ([\\d.]+) seconds").matcher(Files.readString(log));
		return new StartUp(steward, seconds, matcher.find() ? matcher.group(1) + " s" : "?", memory);
	}

	// --- the daily reviews ----------------------------------------------------------------------

	static List<String> reviews(FakeSlack api, Firm firm, Instant reviewAt, MemoryWatch memory) throws Exception {
		var expected = firm.expected();
		long idle = memory.current();
		memory.mark();
		// bounded: at most an hour, and two minutes without a new risk delivered once they began
		var deadline = reviewAt.plusSeconds(3600);
		int reported = -1;
		int lastCount = 0;
		var lastProgress = reviewAt.plusSeconds(180);
		while (Instant.now().isBefore(deadline) && Instant.now().isBefore(lastProgress.plusSeconds(120))
				&& !api.delivered().containsAll(expected)) {
			int now = api.delivered().size();
			if (now != lastCount) {
				lastCount = now;
				lastProgress = Instant.now().isAfter(lastProgress) ? Instant.now() : lastProgress;
			}
			if (Instant.now().isAfter(reviewAt) && now / 2000 != reported / 2000) {
				reported = now;
				System.out.printf("  %5.1f s: %,d of %,d due risks delivered%n",
						Duration.between(reviewAt, Instant.now()).toMillis() / 1000.0, now, expected.size());
			}
			Thread.sleep(200); // watching another process's progress
		}
		// a while longer, so a message posted twice has the time to show
		Thread.sleep(5000);
		long peak = memory.peakSinceMark();

		var posts = api.posts();
		var accepted = posts.stream().filter(post -> post.outcome() == Outcome.ACCEPTED && !post.codes().isEmpty()).toList();
		var lost = new HashSet<>(expected);
		lost.removeAll(api.delivered());
		var seen = new HashSet<String>();
		var deliveryIds = new HashSet<String>();
		int duplicatedRisks = 0;
		int duplicatedMessages = 0;
		for (var post : accepted) {
			for (var code : post.codes()) {
				duplicatedRisks += seen.add(post.channel() + " " + code) ? 0 : 1;
			}
			duplicatedMessages += post.deliveryId() != null && !deliveryIds.add(post.deliveryId()) ? 1 : 0;
		}
		long injected = posts.stream().filter(post -> post.outcome() == Outcome.INJECTED_429).count();
		long tooSoon = posts.stream().filter(post -> post.outcome() == Outcome.TOO_SOON).count();

		// the floor: each conversation's calls, a second after each message it took, Retry-After after each 429
		var byChannel = new HashMap<String, List<Post>>();
		posts.forEach(post -> byChannel.computeIfAbsent(post.channel(), key -> new ArrayList<>()).add(post));
		double floor = 0;
		String floorChannel = null;
		for (var entry : byChannel.entrySet()) {
			double seconds = floor(entry.getValue());
			if (seconds > floor) {
				floor = seconds;
				floorChannel = entry.getKey();
			}
		}
		var first = accepted.stream().map(Post::at).min(Instant::compareTo).orElse(reviewAt);
		var last = accepted.stream().map(Post::at).max(Instant::compareTo).orElse(reviewAt);
		double took = Duration.between(reviewAt, last).toMillis() / 1000.0;
		double spread = Duration.between(first, last).toMillis() / 1000.0;

		// when each owner's first message came: the job asks owner after owner, so the last of these
		// is about when it had asked everyone; after it, what remains is each owner's pacing
		var firstByOwner = new HashMap<String, Instant>();
		accepted.forEach(post -> firstByOwner.merge(post.channel(), post.at(), (a, b) -> a.isBefore(b) ? a : b));
		var lastOwnerReached = firstByOwner.values().stream().max(Instant::compareTo).orElse(reviewAt);

		var rows = new ArrayList<String>();
		rows.add(String.format("| owners with reviews due / risks due / messages expected (≤ 5 risks each) | %,d / %,d / %,d |",
				firm.dueOwners(), expected.size(), firm.expectedMessages()));
		rows.add(String.format("| chat.postMessage calls / answered 429 by the fake's choice | %,d / %,d |", posts.size(),
				injected));
		rows.add(String.format("| messages posted with risks on them | %,d |", accepted.size()));
		rows.add(String.format("| first message after the review minute | %.1f s |",
				Duration.between(reviewAt, first).toMillis() / 1000.0));
		rows.add(String.format("| every owner's first message in by | %.1f s |",
				Duration.between(reviewAt, lastOwnerReached).toMillis() / 1000.0));
		rows.add(String.format("| time from the review minute to the last message | %.1f s |", took));
		rows.add(String.format("| messages a second, first to last | %.0f |", spread <= 0 ? Double.NaN : accepted.size() / spread));
		rows.add(String.format("| floor that pacing allows (busiest owner, %s) | %.1f s |", floorChannel, floor));
		rows.add(String.format("| time / floor (target ≤ 1.2) | %.2f |", floor == 0 ? Double.NaN : took / floor));
		rows.add(String.format("| risks lost (target 0) | %,d |", lost.size()));
		rows.add(String.format("| risks duplicated / messages duplicated (target 0) | %,d / %,d |", duplicatedRisks,
				duplicatedMessages));
		rows.add(String.format("| messages refused for coming too soon (target 0) | %,d |", tooSoon));
		rows.add(String.format("| Steward resident memory in the reviews: before / peak / after (target < 400 MB) | %d / %d / %d MB |",
				idle / 1024, peak / 1024, memory.current() / 1024));
		if (!lost.isEmpty()) {
			System.out.println("Some lost: " + lost.stream().limit(5).toList());
		}
		if (floorChannel != null) {
			var timeline = new StringBuilder();
			for (var call : byChannel.get(floorChannel)) {
				timeline.append(String.format(" %.2f%s", Duration.between(reviewAt, call.at()).toMillis() / 1000.0,
						call.outcome() == Outcome.ACCEPTED ? "" : call.outcome() == Outcome.INJECTED_429 ? "(429)" : "(too soon)"));
			}
			System.out.println("Calls to " + floorChannel + ", seconds after the review minute:" + timeline);
		}
		// how the deliveries spread over time: a line every tenth of them
		var times = accepted.stream().map(post -> Duration.between(reviewAt, post.at()).toMillis() / 1000.0).sorted().toList();
		var spreadLine = new StringBuilder("Messages delivered by (s after the review minute):");
		for (int tenth = 1; tenth <= 10 && !times.isEmpty(); tenth++) {
			int index = Math.max(0, (int) Math.ceil(times.size() * tenth / 10.0) - 1);
			spreadLine.append(String.format(" %d%%: %.1f", tenth * 10, times.get(index)));
		}
		System.out.println(spreadLine);
		return rows;
	}

	/** A conversation's floor: a second after each message it took, Retry-After after each 429 the fake chose. */
	static double floor(List<Post> calls) {
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
		return seconds;
	}

	// --- the firm-wide heat map -----------------------------------------------------------------

	/** One /risk matrix as the benchmark saw it: when sent and acknowledged, and what the ack said. */
	record Ask(String user, long sentNanos, long ackNanos, Instant acked, int status, String body) {
	}

	static List<String> matrix(FakeSlack api, HttpClient http, int port, Firm firm, int clients, MemoryWatch memory,
			Path log) throws Exception {
		var url = URI.create("http://127.0.0.1:" + port + "/slack/events");
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
		long injected = api.matrixInjected();
		rows.add(String.format("| `/risk matrix` (firm-wide, %,d open risks) asked / acknowledged / pictures completed at the fake | %d / %d / %d |",
				firm.risks, firm.askers, acks.size() - refused, uploads.size()));
		rows.add(String.format("| acknowledgement p50 / p99 / max (target p99 < 3 s) | %.0f / %.0f / %.0f ms |",
				percentile(acks, 50), percentile(acks, 99), percentile(acks, 100)));
		rows.add(String.format("| acknowledgement → upload completed p50 / p99 / max (target p99 < 1 s) | %.0f / %.0f / %.0f ms |",
				percentile(uploads, 50), percentile(uploads, 99), percentile(uploads, 100)));
		rows.add(String.format("| command sent → upload completed p50 / p99 / max | %.0f / %.0f / %.0f ms |",
				percentile(allDone, 50), percentile(allDone, 99), percentile(allDone, 100)));
		rows.add(String.format("| errors / 429s the fake chose in this phase | %d / %d |", errors.get() + refused, injected));
		rows.add(String.format("| Steward resident memory in the heat maps: before / peak (target < 400 MB) | %d / %d MB |",
				before / 1024, peak / 1024));
		long bytes = api.uploadedBytes().stream().mapToLong(Long::longValue).max().orElse(0);
		System.out.printf("Largest picture uploaded: %,d bytes%n", bytes);
		return rows;
	}

	/** One signed /risk matrix, as Slack posts a slash command. */
	static Ask ask(HttpClient http, URI url, FakeSlack api, String user, String channel) throws Exception {
		var form = new LinkedHashMap<String, String>();
		form.put("token", "bench");
		form.put("team_id", "T01BENCH");
		form.put("team_domain", "bench");
		form.put("channel_id", channel);
		form.put("channel_name", channel.toLowerCase());
		form.put("user_id", user);
		form.put("user_name", user.toLowerCase());
		form.put("command", "/risk");
		form.put("text", "matrix");
		form.put("api_app_id", "A01BENCH");
		form.put("is_enterprise_install", "false");
		form.put("response_url", api.url().replace("/api/", "/response/") + UUID.randomUUID());
		form.put("trigger_id", UUID.randomUUID().toString());
		var body = formBody(form);
		var timestamp = String.valueOf(System.currentTimeMillis() / 1000);
		long sent = System.nanoTime();
		var response = http.send(HttpRequest.newBuilder(url)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Slack-Request-Timestamp", timestamp)
			.header("X-Slack-Signature", sign(timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		long acked = System.nanoTime();
		return new Ask(user, sent, acked, Instant.now(), response.statusCode(), response.body());
	}

	/** Slack's request signature: v0= and the hex HMAC-SHA256 of v0:timestamp:body. */
	static String sign(String timestamp, String body) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "v0=" + HexFormat.of()
				.formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String formBody(Map<String, String> form) {
		var body = new StringBuilder();
		form.forEach((key, value) -> body.append(body.length() == 0 ? "" : "&")
			.append(URLEncoder.encode(key, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return body.toString();
	}

	static double percentile(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1e6;
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
			return String.format("m%06d", project * perProject + seat);
		}

		String manager(int project) {
			return String.format("pm%04d", project % managers);
		}

		String asker(int n) {
			return String.format("mgmt%03d", n);
		}

		static String slackId(String personId) {
			return "U" + personId.toUpperCase().replace(".", "");
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
					list.add(String.format("pm%04d", m));
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
			var yaml = new StringBuilder("departments:\n");
			for (int d = 0; d < departments; d++) {
				yaml.append("  - id: dept").append(d).append("\n    name: Department ").append(d)
					.append("\n    head: head").append(d).append('\n');
			}
			yaml.append("people:\n");
			person(yaml, "boss", "Boss", 0, "[management]", "en");
			for (int d = 0; d < departments; d++) {
				person(yaml, "head" + d, "Head " + d, d, "[department-head]", null);
			}
			for (int m = 0; m < managers; m++) {
				person(yaml, String.format("pm%04d", m), "Manager " + m, m % departments, "[project-manager]", null);
			}
			for (int p = 0; p < projects; p++) {
				for (int s = 0; s < perProject; s++) {
					person(yaml, member(p, s), "Member " + member(p, s), p % departments, "[member]", null);
				}
			}
			// the people who ask for the firm's heat map; in English, so the benchmark can read a refusal
			for (int n = 0; n < askers; n++) {
				person(yaml, asker(n), "Director " + n, n % departments, "[management]", "en");
			}
			Files.writeString(file, yaml);
		}

		private static void person(StringBuilder yaml, String id, String name, int department, String roles,
				String locale) {
			yaml.append("  - id: ").append(id).append("\n    name: ").append(name).append("\n    department: dept")
				.append(department).append("\n    roles: ").append(roles).append("\n    locale: ")
				.append(locale != null ? locale : id.hashCode() % 2 == 0 ? "en" : "zh-CN").append("\n    time-zone: ")
				.append(ZONE.getId()).append("\n    slack: ").append(slackId(id)).append('\n');
		}

		/** What 2,000 approved applications leave in the database (without reporting schedules). */
		void writeProjects(Path jar, Path work, Path data) throws Exception {
			try (var db = h2(jar, work, data)) {
				db.setAutoCommit(false);
				var now = Timestamp.from(Instant.now());
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
								values (?, ?, ?, 'Analysis', ?, ?)""")) {
					for (int p = 0; p < projects; p++) {
						long id = p + 1;
						var manager = manager(p);
						var title = "Engagement " + code(p);
						var channel = String.format("C0BENCH%03d", p % 40);
						application.setLong(1, id);
						application.setString(2, manager);
						application.setString(3, "dept" + (p % departments));
						application.setString(4, manager);
						application.setString(5, title);
						application.setString(6, channel);
						application.setTimestamp(7, now);
						application.addBatch();
						project.setLong(1, id);
						project.setString(2, code(p));
						project.setLong(3, id);
						project.setString(4, title);
						project.setString(5, "dept" + (p % departments));
						project.setString(6, manager);
						project.setString(7, channel);
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
					}
					application.executeBatch();
					project.executeBatch();
					member.executeBatch();
				}
				try (var statement = db.createStatement()) {
					statement.execute("alter table project_application alter column id restart with " + (projects + 1));
					statement.execute("alter table project alter column id restart with " + (projects + 1));
				}
				db.commit();
			}
		}

		/**
		 * The register: each risk of a project, assessed, with its registration in its history; those
		 * due have their next review on the review day, the others in the month after it.
		 */
		void writeRisks(Path jar, Path work, Path data, LocalDate reviewDay) throws Exception {
			try (var db = h2(jar, work, data)) {
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
				try (var statement = db.createStatement()) {
					statement.execute("alter table risk alter column id restart with " + (risks + 1));
				}
				db.commit();
			}
		}

		/** Steward's H2 database, through the driver inside Steward's own jar. */
		private static Connection h2(Path jar, Path work, Path data) throws Exception {
			var lib = Files.createDirectories(work.resolve("lib"));
			Path driverJar = null;
			try (var zip = new ZipFile(jar.toFile())) {
				var entries = zip.entries();
				while (entries.hasMoreElements()) {
					var entry = entries.nextElement();
					var name = Path.of(entry.getName()).getFileName().toString();
					if (entry.getName().startsWith("BOOT-INF/lib/") && name.startsWith("h2-") && name.endsWith(".jar")) {
						driverJar = lib.resolve(name);
						try (var in = zip.getInputStream(entry)) {
							Files.copy(in, driverJar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
						}
					}
				}
			}
			if (driverJar == null) {
				throw new IllegalStateException("No H2 driver in " + jar);
			}
			var loader = new URLClassLoader(new URL[] { driverJar.toUri().toURL() });
			var driver = (Driver) Class.forName("org.h2.Driver", true, loader).getDeclaredConstructor().newInstance();
			var properties = new Properties();
			properties.setProperty("user", "sa");
			properties.setProperty("password", "");
			return driver.connect("jdbc:h2:file:" + data.resolve("steward")
					+ ";DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE", properties);
		}

	}

	// --- the fake Slack Web API ------------------------------------------------------------------

	enum Outcome {

		ACCEPTED, INJECTED_429, TOO_SOON

	}

	/** One chat.postMessage call as the fake saw it, with the risks its message carries. */
	record Post(String channel, Instant at, Outcome outcome, List<String> codes, String deliveryId) {
	}

	/** A message the fake keeps, for conversations.history. */
	record Kept(String ts, String text, String metadata) {
	}

	/** A files.completeUploadExternal call: the files shared in a channel. */
	record Completion(String channel, Instant at, List<String> fileIds) {
	}

	/**
	 * The Web API the Slack door calls: one message a second a channel for chat.postMessage (sooner
	 * gets 429 with Retry-After), and 429 of its own choosing for a share of chat.postMessage and
	 * conversations.open calls. A user id as the channel is that person's direct messages, answered
	 * as their own D-channel, as conversations.open answers too. conversations.history answers the
	 * channel's messages with their metadata, as Slack does. Files: files.getUploadURLExternal gives
	 * an upload URL here, the bytes are taken there, and files.completeUploadExternal shares them.
	 */
	static final class FakeSlack {

		static final int RETRY_AFTER = 1;

		private final HttpServer server;

		private volatile long every;

		private final AtomicLong calls = new AtomicLong();

		private final AtomicLong ts = new AtomicLong(1_700_000_000_000_000L);

		private final AtomicLong files = new AtomicLong();

		private final AtomicLong matrixInjected = new AtomicLong();

		private volatile boolean matrixPhase;

		private final List<Post> posts = new CopyOnWriteArrayList<>();

		private final Set<String> delivered = ConcurrentHashMap.newKeySet();

		private final Map<String, Instant> lastPost = new ConcurrentHashMap<>();

		private final Map<String, List<Kept>> history = new ConcurrentHashMap<>();

		/** The first files shared in each channel, by channel. */
		private final Map<String, Completion> completed = new ConcurrentHashMap<>();

		private final List<Long> uploadedBytes = new CopyOnWriteArrayList<>();

		private FakeSlack(HttpServer server, double rejects) {
			this.server = server;
			rejects(rejects);
		}

		static FakeSlack start(double rejects) throws IOException {
			System.setProperty("sun.net.httpserver.nodelay", "true");
			var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
			var fake = new FakeSlack(server, rejects);
			server.createContext("/api/", fake::api);
			server.createContext("/upload/", fake::upload);
			server.createContext("/response/", fake::response);
			server.setExecutor(Executors.newFixedThreadPool(8, runnable -> {
				var thread = new Thread(runnable, "fake-slack");
				thread.setDaemon(true); // the benchmark ends when its report is out
				return thread;
			}));
			server.start();
			return fake;
		}

		/** Answers this share of calls with 429 of its own. */
		private void rejects(double rejects) {
			this.every = rejects <= 0 ? Long.MAX_VALUE : Math.max(1, Math.round(1 / rejects));
		}

		/** The heat map phase begins, with its own share of 429s (a 429 costs a second nobody can save). */
		void beginMatrixPhase(double rejects) {
			rejects(rejects);
			this.matrixPhase = true;
		}

		String url() {
			return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
		}

		List<Post> posts() {
			return posts;
		}

		Set<String> delivered() {
			return delivered;
		}

		Map<String, Completion> completed() {
			return completed;
		}

		List<Long> uploadedBytes() {
			return uploadedBytes;
		}

		long matrixInjected() {
			return matrixInjected.get();
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
						if (injects()) {
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
					case "files.getUploadURLExternal" -> {
						var id = String.format("F%08d", files.incrementAndGet());
						send(exchange, 200, "{\"ok\":true,\"upload_url\":\"" + url().replace("/api/", "/upload/") + id
								+ "\",\"file_id\":\"" + id + "\"}");
					}
					case "files.completeUploadExternal" -> {
						var ids = FILE_ID.matcher(params.getOrDefault("files", "")).results().map(m -> m.group(1)).toList();
						var channel = params.get("channel_id");
						if (channel != null) {
							completed.putIfAbsent(channel, new Completion(channel, Instant.now(), ids));
						}
						var json = new StringBuilder("{\"ok\":true,\"files\":[");
						for (int i = 0; i < ids.size(); i++) {
							json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(ids.get(i)).append("\"}");
						}
						send(exchange, 200, json.append("]}").toString());
					}
					default -> send(exchange, 200, "{\"ok\":true}");
				}
			}
		}

		private boolean injects() {
			boolean inject = calls.incrementAndGet() % every == 0;
			if (inject && matrixPhase) {
				matrixInjected.incrementAndGet();
			}
			return inject;
		}

		/** An upload URL: takes the bytes, as Slack's answers "OK - <length>". */
		private void upload(HttpExchange exchange) throws IOException {
			try (exchange) {
				var bytes = exchange.getRequestBody().readAllBytes();
				uploadedBytes.add((long) bytes.length);
				var answer = ("OK - " + bytes.length).getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, answer.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(answer);
				}
			}
		}

		/** A response URL: an answer that came after the acknowledgement. */
		private void response(HttpExchange exchange) throws IOException {
			try (exchange) {
				exchange.getRequestBody().readAllBytes();
				send(exchange, 200, "ok");
			}
		}

		private void post(HttpExchange exchange, Map<String, String> params) throws IOException {
			var given = params.get("channel");
			// a user id as the channel posts to the app's direct messages with them, as Slack does
			var channel = given.startsWith("U") || given.startsWith("W") ? "D" + given : given;
			var now = Instant.now();
			var text = params.getOrDefault("text", "");
			var codes = RISK_CODE.matcher(text + " " + params.getOrDefault("blocks", ""))
				.results()
				.map(m -> m.group())
				.distinct()
				.toList();
			var metadata = params.get("metadata");
			var id = metadata == null ? null : DELIVERY.matcher(metadata).results().map(m -> m.group(1)).findFirst().orElse(null);
			Outcome outcome;
			// one call at a time a channel: decide and record atomically
			synchronized (this.history.computeIfAbsent(channel, key -> new CopyOnWriteArrayList<>())) {
				var last = lastPost.get(channel);
				if (last != null && Duration.between(last, now).compareTo(Duration.ofSeconds(1)) < 0) {
					outcome = Outcome.TOO_SOON;
				}
				else if (injects()) {
					outcome = Outcome.INJECTED_429;
				}
				else {
					outcome = Outcome.ACCEPTED;
					lastPost.put(channel, now);
				}
				posts.add(new Post(channel, now, outcome, codes, id));
				if (outcome == Outcome.ACCEPTED) {
					var stamp = ts.incrementAndGet();
					var kept = new Kept((stamp / 1_000_000) + "." + String.format("%06d", stamp % 1_000_000), text,
							metadata);
					history.get(channel).add(kept);
					codes.forEach(code -> delivered.add(channel + " " + code));
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

	static Started start(Path jar, String maxRam, Map<String, String> env, Path log, String reviewTime)
			throws IOException {
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
		if (reviewTime != null) {
			command.add("--steward.risk.review-time=" + reviewTime);
		}
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
			Thread.sleep(100); // polling a process we started: there is no event to wait on
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
			Thread.sleep(100); // watching another process's log
		}
		throw new IllegalStateException("Steward's log did not say \"" + line + "\" within 600 s; see " + log);
	}

	/** Samples a process's resident set size (VmRSS, kB) from /proc; the peak overall and since a mark. */
	static final class MemoryWatch extends Thread {

		private final long pid;

		private volatile long current;

		private volatile long peak;

		private volatile long peakSinceMark;

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
							peakSinceMark = Math.max(peakSinceMark, current);
						}
					}
					Thread.sleep(100);
				}
				catch (InterruptedException | IOException ex) {
					return;
				}
			}
		}

		void mark() {
			peakSinceMark = current;
		}

		long current() {
			return current;
		}

		long peak() {
			return peak;
		}

		long peakSinceMark() {
			return peakSinceMark;
		}

	}

	/** The machine's load average, to read the figures by: the benchmark shares the machine. */
	static String loadAverage() {
		try {
			var fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return fields[0] + ", " + fields[1] + ", " + fields[2];
		}
		catch (IOException | RuntimeException ex) {
			return "?";
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
