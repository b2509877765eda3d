import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.steward.benchkit.Database; // not found? Build the kit: mvn -q -DskipTests package, then java -cp target/test-classes bench/SurveyLoad.java
import dev.steward.benchkit.Figures;
import dev.steward.benchkit.FirmFiles;
import dev.steward.benchkit.MemoryWatch;
import dev.steward.benchkit.Options;
import dev.steward.benchkit.PacedSlack;
import dev.steward.benchkit.Projects;
import dev.steward.benchkit.Steward;

/**
 * Satisfaction surveys at a firm's size: answers on the signed web page, and a survey round of
 * every project at one minute.
 *
 * Builds a firm (by default 2,000 active projects, each with its own client, 200 project managers
 * running 10 projects each, 10 department heads) and writes it into Steward's database with SQL
 * between a first start (the schema and the directory) and the start that is measured, as the
 * other benchmarks do. Steward runs from the packaged jar as in a small container (-XX:MaxRAM), its
 * Slack door pointed at a fake Web API in this process that takes one chat.postMessage a second a
 * conversation (sooner: 429 Retry-After: 1, counted against Steward) and answers a share of calls
 * with 429 of its own.
 *
 * Scenarios (--scenario):
 * - web (default): every project has one open survey whose contacts answer on the web page (by
 *   default 2 a survey, so 4,000 unused links), and its manager's message about it already posted
 *   (an outbox row, so each answer updates it in place, as in production). The benchmark signs each
 *   contact's link with Steward's secret (STEWARD_LINK_SECRET, the same layout as SurveyLinks) and
 *   drives the page open-loop: at a fixed rate (default 1,000 a minute) a contact opens the page
 *   (GET, for the share --get-share of them) and posts the form (d1..d4 and a comment), each to a
 *   link of their own, first for a warm-up, then for the measured time. Reports the submissions'
 *   latency (from the moment each was due to go out, so a slow answer cannot hide the next ones)
 *   p50/p99/max and status codes, the page views' apart, then posts some used links again (410
 *   expected, nothing recorded), and after Steward has stopped reads the database: every answered
 *   submission recorded once with its scores and comment, nothing else, one update of the
 *   manager's message queued an answer. Steward's resident memory idle, at the peak of the load,
 *   after.
 * - round: the projects' clients each have contacts in chat (Slack user ids; --chat-contacts, default
 *   1) and on the web (--web-contacts, default 1), and every project's schedule is due at one
 *   minute (next_at), after a first start that plans the projects' jobs and is not measured. A
 *   minute before (steward.survey.round-lead) Quartz's survey round prepares every survey, whose
 *   messages are kept until the minute and then go out: each chat contact's card to their direct
 *   messages and each project manager's message (the web links to send) to theirs. Reports the
 *   time from the due minute to the last delivery against the floor pacing allows (for each
 *   conversation, a second after each message it took and the Retry-After of each 429 the fake
 *   chose to give it; the busiest conversation's sum: a manager's 10 messages), messages lost and
 *   duplicated (the same project's card or manager message twice in a conversation, an outbox
 *   delivery id twice, a project surveyed twice in the database), and resident memory.
 *
 * With {@code --database postgres} Steward runs on a PostgreSQL database the benchmark makes (and
 * drops at the end, whatever happened) on the server of {@code --postgres} (user {@code postgres}, or
 * {@code --postgres-user}), as WeeklyPromptLoad does; the firm is written there and read back there.
 *
 * Run from the project root (the package builds the benchmarks' kit too, in target/test-classes):
 *   mvn -q -DskipTests package
 *   java -cp target/test-classes bench/SurveyLoad.java [--scenario web|round] [--projects 2000] [--managers 200]
 *       [--members-per-project 1] [--web-contacts 2 (round: 1)] [--chat-contacts 0 (round: 1)]
 *       [--rate 1000] [--seconds 180] [--warmup 30] [--get-share 1] [--rejects 0.02]
 *       [--lead 120] [--max-ram 512m] [--jar PATH]
 *       [--database h2|postgres] [--postgres jdbc:postgresql://127.0.0.1:5432/] [--postgres-user postgres]
 */
public class SurveyLoad {

	static final String SIGNING_SECRET = "bench-signing-secret";

	/** The secret Steward signs and checks survey links with; the benchmark signs with it too. */
	static final String LINK_SECRET = "bench-link-secret-0123456789abcdef";

	static final Pattern CODE = Pattern.compile("BENCH-\\d{5}");

	static final ZoneId ZONE = FirmFiles.ZONE;

	/** How long before the surveys' time Steward's round starts: {@code steward.survey.round-lead}'s default. */
	static final Duration ROUND_LEAD = Duration.ofMinutes(1);

	static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	public static void main(String[] args) throws Exception {
		var options = Options.parse(args);
		var scenario = options.text("scenario", "web");
		if (!scenario.equals("web") && !scenario.equals("round")) {
			Options.exit("--scenario is web or round");
		}
		boolean round = scenario.equals("round");
		int projects = options.integer("projects", 2000);
		int managers = options.integer("managers", Math.max(1, projects / 10));
		int perProject = options.integer("members-per-project", 1);
		int webContacts = options.integer("web-contacts", round ? 1 : 2);
		int chatContacts = options.integer("chat-contacts", round ? 1 : 0);
		double rate = options.decimal("rate", 1000);
		int seconds = options.integer("seconds", 180);
		int warmup = options.integer("warmup", 30);
		double getShare = options.decimal("get-share", 1);
		double rejects = options.decimal("rejects", 0.02);
		int lead = options.integer("lead", 120);
		var maxRam = options.maxRam();
		var jar = options.jar();
		var dimensions = dimensions(Path.of("config/quality.yaml"));
		var firm = new Firm(projects, managers, perProject, chatContacts, webContacts, dimensions);
		if (!round) {
			long needed = (long) Math.ceil(rate * (warmup + seconds) / 60.0) + 1;
			if (needed > (long) projects * webContacts) {
				Options.exit(String.format("%d s at %.0f a minute needs %,d unused links; %,d projects × %d web contacts give %,d:"
						+ " raise --web-contacts or --projects", warmup + seconds, rate, needed, projects, webContacts,
						(long) projects * webContacts));
			}
		}
		else if (chatContacts < 1 && webContacts < 1) {
			Options.exit("A round needs contacts: --chat-contacts or --web-contacts");
		}

		var work = Files.createTempDirectory("steward-survey-bench");
		firm.writeDirectory(work.resolve("directory.yaml"));
		FirmFiles.calendars(work);
		var api = PacedSlack.start(round ? rejects : 0, PacedSlack.Codes.all(CODE));
		var data = work.resolve("data");
		var env = FirmFiles.environment(work, api.url(), SIGNING_SECRET);
		env.put("STEWARD_LINK_SECRET", LINK_SECRET);
		var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		try (var database = Database.of(options, jar, work, data)) {
			env.putAll(database.environment());
			System.out.println("Load average at the start (1, 5, 15 min): " + Figures.loadAverage());
			System.out.printf("Scenario %s: %,d projects (%,d managers), %d chat and %d web contacts a client, %,d people in"
					+ " the directory; Steward on %s; logs in %s%n", scenario, projects, managers, chatContacts, webContacts,
					firm.people(), database.label(), work);
			// the schema and the directory
			long started = System.nanoTime();
			var first = start(jar, maxRam, env, work.resolve("steward-first.log"));
			first.awaitLog("Started StewardApplication");
			first.stop();
			System.out.printf("Schema and directory of %,d people made in %.1f s%n", firm.people(),
					(System.nanoTime() - started) / 1e9);

			started = System.nanoTime();
			var now = Instant.now();
			// the web scenario's surveys are open for three weeks; no round falls in the run
			firm.write(database, now, now.plus(Duration.ofDays(30)), !round);
			database.analyze(); // the statistics autovacuum keeps of a firm's rows (see Database#analyze)
			System.out.printf("%,d projects, clients and schedules%s written in %.1f s%n", projects,
					round ? "" : String.format(" and %,d open surveys with %,d web links", projects, projects * webContacts),
					(System.nanoTime() - started) / 1e9);

			if (round) {
				round(firm, api, http, jar, work, database, maxRam, env, lead);
			}
			else {
				web(firm, api, http, jar, work, database, maxRam, env, rate, seconds, warmup, getShare);
			}
		}
		finally {
			api.stop();
		}
	}

	// --- web answers ----------------------------------------------------------------------------

	/** One request as the benchmark saw it: when it was due, sent and answered, and its status. */
	record Call(int link, long dueNanos, long sentNanos, long doneNanos, int status) {
	}

	static void web(Firm firm, PacedSlack api, HttpClient http, Path jar, Path work, Database database, String maxRam,
			Map<String, String> env, double rate, int seconds, int warmup, double getShare) throws Exception {
		var log = work.resolve("steward.log");
		long startedAt = System.nanoTime();
		var steward = start(jar, maxRam, env, log);
		var memory = MemoryWatch.start(steward.pid());
		List<Call> posts;
		List<Call> gets;
		List<Call> again;
		List<Call> warm;
		var loadTimeline = new CopyOnWriteArrayList<String>();
		long measuredFrom = 0;
		int idleThreads = 0;
		int peakThreads = 0;
		long idle;
		long peak;
		long after;
		int warmupLinks;
		String loadEnd;
		long updatesSeen;
		try {
			steward.awaitSlackEndpoint(http);
			steward.awaitLog("Progress: the weekly prompts of");
			System.out.printf("Steward up in %.1f s (its jobs planned)%n", (System.nanoTime() - startedAt) / 1e9);
			var base = steward.baseUrl();
			idle = memory.current();

			long period = Math.round(60e9 / rate);
			warmupLinks = (int) Math.ceil(warmup * 1e9 / period);
			int measuredLinks = (int) Math.ceil(seconds * 1e9 / period);
			System.out.printf("Warm-up: %,d submissions in %d s; then %,d at %.0f a minute for %d s, each to a link of its own"
					+ " (%.0f%% after a page view)%n", warmupLinks, warmup, measuredLinks, rate, seconds, getShare * 100);
			var driver = new WebDriver(http, base, firm, getShare);
			driver.run(0, warmupLinks, period);
			warm = new ArrayList<>(driver.posts());
			System.out.printf("  warm-up done: %s%n", statuses(warm));
			driver.reset();
			memory.mark();
			idleThreads = memory.threads();
			var loads = Executors.newSingleThreadScheduledExecutor();
			loads.scheduleAtFixedRate(() -> loadTimeline.add(Figures.loadAverage().split(",")[0]), 0, 10, TimeUnit.SECONDS);
			measuredFrom = System.nanoTime();
			driver.run(warmupLinks, measuredLinks, period);
			loads.shutdownNow();
			peak = memory.peakSinceMark();
			peakThreads = memory.peakThreads();
			posts = driver.posts();
			gets = driver.gets();
			loadEnd = Figures.loadAverage();

			// used links again, with another comment: refused (410) and nothing recorded
			again = new ArrayList<>();
			int n = 0;
			for (var call : posts) {
				if (call.status() == 200 && n++ < 50) {
					again.add(driver.post(call.link(), System.nanoTime(), "posted again"));
				}
			}
			// the manager's messages updated in place: until the fake has seen them all, or they stop coming
			long expectedUpdates = driver.answered();
			var quiet = Instant.now();
			long seen = -1;
			while (Duration.between(quiet, Instant.now()).toSeconds() < 15 && api.updates() < expectedUpdates) {
				if (api.updates() != seen) {
					seen = api.updates();
					quiet = Instant.now();
				}
				Thread.sleep(250); // watching another process's progress
			}
			updatesSeen = api.updates();
			after = memory.current();
		}
		finally {
			memory.stop();
			steward.stop();
		}

		// the database, read after Steward stopped
		var check = check(firm, database, warm, posts);

		var latencies = new ArrayList<Long>();
		var service = new ArrayList<Long>();
		long lagMax = 0;
		for (var call : posts) {
			if (call.status() > 0) {
				latencies.add(call.doneNanos() - call.dueNanos());
				service.add(call.doneNanos() - call.sentNanos());
			}
			lagMax = Math.max(lagMax, call.sentNanos() - call.dueNanos());
		}
		Collections.sort(latencies);
		Collections.sort(service);
		var getLatencies = new ArrayList<Long>();
		for (var call : gets) {
			if (call.status() > 0) {
				getLatencies.add(call.doneNanos() - call.sentNanos());
			}
		}
		Collections.sort(getLatencies);
		// the rate Steward kept up: from the first visit due to the last submission answered
		long first = posts.stream().mapToLong(Call::dueNanos).min().orElse(0);
		long last = posts.stream().mapToLong(Call::doneNanos).max().orElse(0);
		double span = (last - first) / 1e9;

		// ten seconds at a time: how latency went with the machine's load (other sessions share it)
		System.out.println("Each 10 s of the measured load: submissions, POST p50 / p99 ms, 1-minute load average at its start");
		var windows = new TreeMap<Integer, List<Long>>();
		for (var call : posts) {
			if (call.status() > 0) {
				windows.computeIfAbsent((int) ((call.dueNanos() - measuredFrom) / 10_000_000_000L), key -> new ArrayList<>())
					.add(call.doneNanos() - call.sentNanos());
			}
		}
		windows.forEach((window, list) -> {
			Collections.sort(list);
			System.out.printf("  %4d s: %4d, %7.1f / %7.1f, load %s%n", window * 10, list.size(), Figures.percentile(list, 50),
					Figures.percentile(list, 99), window < loadTimeline.size() ? loadTimeline.get(window) : "?");
		});
		System.out.println();
		System.out.println("Load average at the end of the load (1, 5, 15 min): " + loadEnd);
		System.out.println("| measure | value |");
		System.out.println("|---|---|");
		System.out.printf("| submissions (POST /s/<token>) sent / answered 200 | %,d / %,d |%n", posts.size(),
				posts.stream().filter(call -> call.status() == 200).count());
		System.out.printf("| submissions a minute (first due to last answered) | %.0f |%n", posts.size() / span * 60);
		System.out.printf("| submission (POST) latency p50 / p99 / max (target p99 < 200 ms) | %.1f / %.1f / %.1f ms |%n",
				Figures.percentile(service, 50), Figures.percentile(service, 99), Figures.percentile(service, 100));
		System.out.printf("| whole visit (page view, if any, and submission) from its due moment p50 / p99 / max | %.1f / %.1f / %.1f ms |%n",
				Figures.percentile(latencies, 50), Figures.percentile(latencies, 99), Figures.percentile(latencies, 100));
		System.out.printf("| submission statuses | %s |%n", statuses(posts));
		System.out.printf("| page views (GET) before them: count, p50 / p99 / max, statuses | %,d, %.1f / %.1f / %.1f ms, %s |%n",
				gets.size(), Figures.percentile(getLatencies, 50), Figures.percentile(getLatencies, 99), Figures.percentile(getLatencies, 100),
				statuses(gets));
		System.out.printf("| generator: latest submission sent after its visit was due (page view included) | %.1f ms |%n",
				lagMax / 1e6);
		System.out.printf("| used links posted again: statuses (expected 410) | %s |%n", statuses(again));
		check.forEach(System.out::println);
		System.out.printf("| manager's messages updated at the fake (chat.update) / answers | %,d / %,d |%n", updatesSeen,
				warm.stream().filter(call -> call.status() == 200).count()
						+ posts.stream().filter(call -> call.status() == 200).count());
		System.out.printf("| Steward resident memory: idle / peak under load / after (target < 400 MB) | %d / %d / %d MB |%n",
				idle / 1024, peak / 1024, after / 1024);
		System.out.printf("| Steward's threads: before the measured load / at most during it | %d / %d |%n", idleThreads,
				peakThreads);
		System.out.println("Load average at the end (1, 5, 15 min): " + Figures.loadAverage());
	}

	/** Drives the web page open-loop: a submission falls due every period, whatever came of the last. */
	static final class WebDriver {

		private final HttpClient http;

		private final String base;

		private final Firm firm;

		private final double getShare;

		private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
			var thread = new Thread(runnable, "survey-client");
			thread.setDaemon(true);
			return thread;
		});

		private final List<Call> posts = new CopyOnWriteArrayList<>();

		private final List<Call> gets = new CopyOnWriteArrayList<>();

		private final AtomicLong answered = new AtomicLong();

		WebDriver(HttpClient http, String base, Firm firm, double getShare) {
			this.http = http;
			this.base = base;
			this.firm = firm;
			this.getShare = getShare;
		}

		List<Call> posts() {
			return posts;
		}

		List<Call> gets() {
			return gets;
		}

		void reset() {
			posts.clear();
			gets.clear();
		}

		/** Submissions answered 200 so far, warm-up included. */
		long answered() {
			return answered.get();
		}

		/** Links from, one due each period from now, then waits for the last answer. */
		void run(int from, int count, long period) throws InterruptedException {
			ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
			var next = new AtomicInteger();
			var pending = new java.util.concurrent.CountDownLatch(count);
			long start = System.nanoTime() + 10_000_000;
			ticks.scheduleAtFixedRate(() -> {
				int n = next.getAndIncrement();
				if (n >= count) {
					return;
				}
				long due = start + n * period;
				int link = from + n;
				workers.execute(() -> {
					try {
						// a share of contacts open the page first (every k-th link, spread evenly)
						if (Math.floor((link + 1) * getShare) > Math.floor(link * getShare)) {
							gets.add(get(link, due));
						}
						// due: when the visit was due (page view and submission), sent: the submission alone
						posts.add(post(link, due, "Bench answer " + link));
					}
					finally {
						pending.countDown();
					}
				});
			}, start - System.nanoTime(), period, TimeUnit.NANOSECONDS);
			pending.await();
			ticks.shutdownNow();
		}

		Call get(int link, long due) {
			long sent = System.nanoTime();
			int status = 0;
			try {
				var response = http.send(HttpRequest.newBuilder(URI.create(base + "/s/" + firm.token(link)))
					.timeout(Duration.ofSeconds(30))
					.header("Accept-Language", link % 2 == 0 ? "en" : "zh-CN")
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString());
				status = response.statusCode();
			}
			catch (IOException | InterruptedException ex) {
				status = 0;
			}
			return new Call(link, due, sent, System.nanoTime(), status);
		}

		Call post(int link, long due, String comment) {
			var scores = firm.scores(link);
			var form = new StringBuilder();
			for (int i = 0; i < scores.length; i++) {
				form.append(i == 0 ? "" : "&").append('d').append(i + 1).append('=').append(scores[i]);
			}
			form.append("&comment=").append(URLEncoder.encode(comment, StandardCharsets.UTF_8));
			long sent = System.nanoTime();
			int status = 0;
			try {
				var response = http.send(HttpRequest.newBuilder(URI.create(base + "/s/" + firm.token(link)))
					.timeout(Duration.ofSeconds(30))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("Accept-Language", link % 2 == 0 ? "en" : "zh-CN")
					.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
					.build(), HttpResponse.BodyHandlers.ofString());
				status = response.statusCode();
				if (status == 200) {
					answered.incrementAndGet();
				}
			}
			catch (IOException | InterruptedException ex) {
				status = 0;
			}
			return new Call(link, due, sent, System.nanoTime(), status);
		}

	}

	/**
	 * Reads the answers Steward recorded: each submission answered 200 once with what was posted (not
	 * what came again), none of the others, and one update of the manager's message an answer.
	 */
	static List<String> check(Firm firm, Database database, List<Call> warm, List<Call> posts)
			throws Exception {
		var answeredLinks = new HashSet<Integer>();
		var otherLinks = new HashSet<Integer>();
		var all = new ArrayList<>(warm);
		all.addAll(posts);
		for (var call : all) {
			(call.status() == 200 ? answeredLinks : otherLinks).add(call.link());
		}
		var recorded = new HashMap<String, String[]>();
		var updates = new HashMap<Long, Integer>();
		try (var db = database.connect(); var statement = db.createStatement()) {
			try (var rows = statement.executeQuery("""
					select survey_id, seq, scores, comment, answered_via from survey_invitation where answered_at is not null""")) {
				while (rows.next()) {
					recorded.put(rows.getLong(1) + ":" + rows.getInt(2),
							new String[] { rows.getString(3), rows.getString(4), rows.getString(5) });
				}
			}
			try (var rows = statement.executeQuery("""
					select message_key, count(*) from outbox_message where kind = 'UPDATE' and message_key like 'survey:%:manager'
					group by message_key""")) {
				while (rows.next()) {
					updates.put(Long.parseLong(rows.getString(1).split(":")[1]), rows.getInt(2));
				}
			}
		}
		int right = 0;
		int missing = 0;
		int wrong = 0;
		for (int link : answeredLinks) {
			var row = recorded.get(firm.surveyId(link) + ":" + firm.contactOf(link));
			if (row == null) {
				missing++;
			}
			else if (firm.scoresText(link).equals(row[0]) && ("Bench answer " + link).equals(row[1]) && "web".equals(row[2])) {
				right++;
			}
			else {
				wrong++;
			}
		}
		int otherRecorded = 0;
		for (int link : otherLinks) {
			otherRecorded += recorded.containsKey(firm.surveyId(link) + ":" + firm.contactOf(link)) ? 1 : 0;
		}
		int unexpected = 0;
		var expectedKeys = new HashSet<String>();
		for (int link : answeredLinks) {
			expectedKeys.add(firm.surveyId(link) + ":" + firm.contactOf(link));
		}
		for (int link : otherLinks) {
			expectedKeys.add(firm.surveyId(link) + ":" + firm.contactOf(link));
		}
		for (var key : recorded.keySet()) {
			unexpected += expectedKeys.contains(key) ? 0 : 1;
		}
		// one update of the manager's message an answer, no more, no fewer
		var answersBySurvey = new HashMap<Long, Integer>();
		for (var key : recorded.keySet()) {
			answersBySurvey.merge(Long.parseLong(key.split(":")[0]), 1, Integer::sum);
		}
		int updateMismatch = 0;
		var surveys = new HashSet<Long>(answersBySurvey.keySet());
		surveys.addAll(updates.keySet());
		for (var survey : surveys) {
			updateMismatch += answersBySurvey.getOrDefault(survey, 0).equals(updates.getOrDefault(survey, 0)) ? 0 : 1;
		}
		var rows = new ArrayList<String>();
		rows.add(String.format("| database: answers answered 200 (warm-up and measured) recorded right / missing / other content (target all / 0 / 0) | %,d / %,d / %,d |",
				right, missing, wrong));
		rows.add(String.format("| database: submissions not answered 200 that were recorded anyway / answers nobody sent | %,d / %,d |",
				otherRecorded, unexpected));
		rows.add(String.format("| database: manager's message updates queued / surveys where they differ from the answers | %,d / %,d |",
				updates.values().stream().mapToInt(Integer::intValue).sum(), updateMismatch));
		return rows;
	}

	static String statuses(List<Call> calls) {
		var counts = new TreeMap<Integer, Integer>();
		calls.forEach(call -> counts.merge(call.status(), 1, Integer::sum));
		var text = new StringBuilder();
		counts.forEach((status, count) -> text.append(text.length() == 0 ? "" : ", ")
			.append(status == 0 ? "no answer" : status.toString())
			.append(": ")
			.append(String.format("%,d", count)));
		return text.length() == 0 ? "none" : text.toString();
	}

	// --- the round ------------------------------------------------------------------------------

	static void round(Firm firm, PacedSlack api, HttpClient http, Path jar, Path work, Database database, String maxRam,
			Map<String, String> env, int lead) throws Exception {
		// the first start with the projects plans their jobs: not a start like the others, and it says
		// how long a start takes on this machine now
		long started = System.nanoTime();
		var planning = start(jar, maxRam, env, work.resolve("steward-planning.log"));
		planning.awaitSlackEndpoint(http);
		planning.awaitLog("Progress: the weekly prompts of");
		double planningSeconds = (System.nanoTime() - started) / 1e9;
		planning.stop();
		System.out.printf("First start with the projects (plans their jobs): %.1f s%n", planningSeconds);

		// every schedule due at one minute, with room for the start before it
		long room = Math.max(lead, Math.round(planningSeconds * 1.5) + 30);
		var dueAt = ZonedDateTime.now(ZONE).plusSeconds(room).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1).toInstant();
		try (var db = database.connect(); var update = db.prepareStatement("update survey_schedule set next_at = ?")) {
			update.setTimestamp(1, Timestamp.from(dueAt));
			update.executeUpdate();
		}
		System.out.printf("Every project's survey due at %s (in %d s)%n", dueAt.atZone(ZONE).toLocalTime(),
				Duration.between(Instant.now(), dueAt).toSeconds());

		var log = work.resolve("steward.log");
		started = System.nanoTime();
		var steward = start(jar, maxRam, env, log);
		var memory = MemoryWatch.start(steward.pid());
		List<String> rows;
		try {
			steward.awaitSlackEndpoint(http);
			steward.awaitLog("Progress: the weekly prompts of");
			System.out.printf("Steward up in %.1f s; %d s before the due minute%n", (System.nanoTime() - started) / 1e9,
					Duration.between(Instant.now(), dueAt).toSeconds());
			if (Instant.now().isAfter(dueAt.minus(ROUND_LEAD))) {
				System.out.println("Steward came up after its round should have started (a minute before the due minute),"
						+ " so the round began at its start: run again with a longer --lead.");
				return;
			}
			rows = deliveries(api, firm, dueAt, memory);
			var matcher = Pattern.compile("Sent (\\d+) satisfaction surveys in (\\d+) ms").matcher(Files.readString(log));
			rows.add(matcher.find() ? String.format("| the round job (log: \"Sent … surveys in …\") | %s surveys in %.1f s |",
					matcher.group(1), Long.parseLong(matcher.group(2)) / 1000.0) : "| the round job | no \"Sent …\" line in the log |");
		}
		finally {
			memory.stop();
			steward.stop();
		}
		// the database: one survey a project, every schedule moved on
		try (var db = database.connect(); var statement = db.createStatement()) {
			int surveys = 0;
			int twice = 0;
			try (var result = statement.executeQuery("select project_id, count(*) from survey group by project_id")) {
				while (result.next()) {
					surveys += result.getInt(2);
					twice += result.getInt(2) > 1 ? 1 : 0;
				}
			}
			int stillDue;
			try (var query = db.prepareStatement("select count(*) from survey_schedule where next_at <= ?")) {
				query.setTimestamp(1, Timestamp.from(dueAt));
				try (var result = query.executeQuery()) {
					result.next();
					stillDue = result.getInt(1);
				}
			}
			rows.add(String.format("| database: surveys / projects surveyed twice / schedules not moved on (target %,d / 0 / 0) | %,d / %,d / %,d |",
					firm.projects, surveys, twice, stillDue));
		}
		System.out.println();
		System.out.println("Load average at the end (1, 5, 15 min): " + Figures.loadAverage());
		System.out.println("| measure | value |");
		System.out.println("|---|---|");
		rows.forEach(System.out::println);
	}

	static List<String> deliveries(PacedSlack api, Firm firm, Instant dueAt, MemoryWatch memory) throws Exception {
		var expected = firm.expected();
		var cards = firm.expectedCards();
		long idle = memory.current();
		memory.mark();
		// Steward's CPU time from a second before the round starts, its lead before the due minute (its
		// start's work done by then)
		var roundStarts = dueAt.minus(ROUND_LEAD);
		var cpuAtMark = new double[] { Double.NaN };
		// bounded: at most an hour, and two minutes without a new delivery once the minute is past
		api.awaitDelivered(expected, dueAt, Duration.ofSeconds(60), 1000, "messages delivered", () -> {
			if (Double.isNaN(cpuAtMark[0]) && !Instant.now().isBefore(roundStarts.minusSeconds(1))) {
				cpuAtMark[0] = memory.cpuSeconds();
			}
		});
		// Steward's own work, whatever else shares the machine: its CPU time until the last message
		double cpu = memory.cpuSeconds() - cpuAtMark[0];
		// a while longer, so a message posted twice has the time to show
		Thread.sleep(5000);
		long peak = memory.peakSinceMark();

		var tally = api.tally(expected, dueAt);
		var posts = tally.posts();
		var accepted = tally.accepted();
		var lost = tally.lost();
		int lostCards = 0;
		for (var key : lost) {
			lostCards += cards.contains(key) ? 1 : 0;
		}
		// the floor: each conversation's calls, a second after each message it took, Retry-After after each 429
		var floor = tally.floor();
		var first = tally.first();
		var last = tally.last();
		double took = Duration.between(dueAt, last).toMillis() / 1000.0;
		double spread = Duration.between(first, last).toMillis() / 1000.0;
		var lastCard = accepted.stream()
			.filter(post -> post.codes().stream().anyMatch(code -> cards.contains(post.channel() + " " + code)))
			.map(PacedSlack.Post::at)
			.max(Instant::compareTo)
			.orElse(dueAt);

		var rows = new ArrayList<String>();
		rows.add(String.format("| surveys due / messages expected (contacts' cards + managers' messages) | %,d / %,d (%,d + %,d) |",
				firm.projects, expected.size(), cards.size(), expected.size() - cards.size()));
		rows.add(String.format("| chat.postMessage calls / answered 429 by the fake's choice | %,d / %,d |", posts.size(),
				tally.injected()));
		rows.add(String.format("| messages delivered before the due minute (target 0) | %,d |",
				accepted.stream().filter(post -> post.at().isBefore(dueAt)).count()));
		rows.add(String.format("| first message after the due minute | %.2f s |", Duration.between(dueAt, first).toMillis() / 1000.0));
		rows.add(String.format("| last contact's card in by | %.1f s |", Duration.between(dueAt, lastCard).toMillis() / 1000.0));
		rows.add(String.format("| time from the due minute to the last message | %.1f s |", took));
		rows.add(String.format("| messages a second, first to last | %.0f |", spread <= 0 ? Double.NaN : accepted.size() / spread));
		rows.add(String.format("| floor that pacing allows (busiest conversation, %s) | %.1f s |", floor.channel(), floor.seconds()));
		rows.add(String.format("| time / floor (target ≤ 1.2) | %.2f |", floor.seconds() == 0 ? Double.NaN : took / floor.seconds()));
		rows.add(String.format("| messages lost: cards / managers' (target 0) | %,d / %,d |", lostCards, lost.size() - lostCards));
		rows.add(String.format("| messages duplicated: same project twice in a conversation / delivery id twice (target 0) | %,d / %,d |",
				tally.duplicatedCodes(), tally.duplicatedIds()));
		rows.add(String.format("| messages refused for coming too soon (target 0) | %,d |", tally.tooSoon()));
		rows.add(String.format("| Steward CPU time from a second before the round (%d s before the due minute) to the last message: in all / a survey | %.1f s / %.1f ms |",
				ROUND_LEAD.toSeconds() + 1,
				cpu, cpu * 1000 / firm.projects));
		rows.add(String.format("| Steward resident memory in the round: before / peak / after (target < 400 MB) | %d / %d / %d MB |",
				idle / 1024, peak / 1024, memory.current() / 1024));
		if (!lost.isEmpty()) {
			System.out.println("Some lost: " + lost.stream().limit(5).toList());
		}
		if (floor.channel() != null) {
			System.out.println("Calls to " + floor.channel() + ", seconds after the due minute:" + floor.timeline(dueAt));
		}
		// the conversation that finished last, when it is not the busiest: what held it up
		accepted.stream().max(java.util.Comparator.comparing(PacedSlack.Post::at))
			.filter(post -> !post.channel().equals(floor.channel()))
			.ifPresent(post -> {
				var calls = posts.stream().filter(call -> call.channel().equals(post.channel())).toList();
				System.out.println("Calls to " + post.channel() + " (the last message's), seconds after the due minute:"
						+ new PacedSlack.Floor(post.channel(), PacedSlack.seconds(calls), calls).timeline(dueAt));
			});
		var times = accepted.stream().map(post -> Duration.between(dueAt, post.at()).toMillis() / 1000.0).sorted().toList();
		System.out.println(Figures.tenths("Messages delivered by (s after the due minute):", times));
		return rows;
	}

	// --- the firm -------------------------------------------------------------------------------

	/** The generated firm: departments, managers, members, the projects' clients and their surveys. */
	static final class Firm {

		final int projects;

		final int managers;

		final int perProject;

		final int chatContacts;

		final int webContacts;

		final List<String> dimensions;

		final int departments = 10;

		/** When the web scenario's surveys close: their links' expiry. */
		private long closesAt;

		Firm(int projects, int managers, int perProject, int chatContacts, int webContacts, List<String> dimensions) {
			this.projects = projects;
			this.managers = Math.max(1, managers);
			this.perProject = perProject;
			this.chatContacts = chatContacts;
			this.webContacts = webContacts;
			this.dimensions = dimensions;
		}

		int people() {
			return 1 + departments + managers + projects * perProject;
		}

		String member(int project, int seat) {
			return FirmFiles.member(project, seat, perProject);
		}

		String manager(int project) {
			return FirmFiles.manager(project % managers);
		}

		static String slackId(String personId) {
			return FirmFiles.slackId(personId);
		}


		static String code(int project) {
			return String.format("BENCH-%05d", project + 1);
		}

		/** A client contact's Slack user id: outside the directory, as a client's people are. */
		static String contactSlackId(int project, int contact) {
			return String.format("UCL%05d%02d", project + 1, contact);
		}

		int contacts() {
			return chatContacts + webContacts;
		}

		// the web links: link n is survey n % projects, its (n / projects)-th web contact, so
		// consecutive submissions go to different surveys

		long surveyId(int link) {
			return link % projects + 1;
		}

		/** The contact's place in the survey: chat contacts first, then those on the web. */
		int contactOf(int link) {
			return chatContacts + link / projects;
		}

		String token(int link) {
			var payload = "1:" + surveyId(link) + ":" + contactOf(link) + ":" + closesAt;
			var encoded = BASE64URL.encodeToString(payload.getBytes(StandardCharsets.US_ASCII));
			try {
				var mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(LINK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
				return encoded + "." + BASE64URL.encodeToString(mac.doFinal(encoded.getBytes(StandardCharsets.US_ASCII)));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		/** The scores link n answers, 1 to 5 each, so the database check knows what to find. */
		int[] scores(int link) {
			var scores = new int[dimensions.size()];
			for (int i = 0; i < scores.length; i++) {
				scores[i] = 1 + (link + i) % 5;
			}
			return scores;
		}

		String scoresText(int link) {
			var text = new StringBuilder();
			for (int score : scores(link)) {
				text.append(text.length() == 0 ? "" : ",").append(score);
			}
			return text.toString();
		}

		/** What the round delivers: "D<user id> BENCH-00001", each contact's card and each manager's message. */
		Set<String> expected() {
			var expected = new HashSet<>(expectedCards());
			for (int p = 0; p < projects; p++) {
				expected.add("D" + slackId(manager(p)) + " " + code(p));
			}
			return expected;
		}

		Set<String> expectedCards() {
			var expected = new HashSet<String>();
			for (int p = 0; p < projects; p++) {
				for (int c = 0; c < chatContacts; c++) {
					expected.add("D" + contactSlackId(p, c) + " " + code(p));
				}
			}
			return expected;
		}

		void writeDirectory(Path file) throws IOException {
			var yaml = FirmFiles.directory(departments, managers, projects, perProject, null);
			Files.writeString(file, yaml);
		}

		/**
		 * What approved applications and client profiles leave in the database: the projects, their
		 * teams, a client each with its contacts, each project's survey schedule (next at nextAt); with
		 * surveys, one open survey a project, sent a day ago and closing in three weeks, and its
		 * manager's message already posted (so each answer updates it in place).
		 */
		void write(Database database, Instant now, Instant nextAt, boolean surveys) throws Exception {
			var sentAt = now.minus(Duration.ofDays(1));
			var remindAt = now.plus(Duration.ofDays(10));
			var closes = now.plus(Duration.ofDays(21)).truncatedTo(ChronoUnit.SECONDS);
			closesAt = closes.getEpochSecond();
			try (var db = database.connect()) {
				db.setAutoCommit(false);
				var at = Timestamp.from(now);
				try (var client = db.prepareStatement("""
						insert into client (id, version, name, name_key, industry, company_size, scope, preferences,
						  created_by, created_at) values (?, 0, ?, ?, 'Manufacturing', '500-1000', 'Strategy', null, ?, ?)""");
						var contact = db.prepareStatement("""
								insert into client_contact (client_id, seq, name, role, email, door, chat_id)
								values (?, ?, ?, 'Sponsor', ?, ?, ?)""");
						var written = new Projects(db);
						var schedule = db.prepareStatement("""
								insert into survey_schedule (project_id, version, cadence, next_at, set_by, set_at)
								values (?, 0, 'monthly', ?, null, ?)""");
						var survey = db.prepareStatement("""
								insert into survey (id, version, project_id, project_code, client_id, dimensions, sent_at, remind_at,
								  reminded, closes_at, closed_at, requested_by) values (?, 0, ?, ?, ?, ?, ?, ?, false, ?, null, null)""");
						var invitation = db.prepareStatement("""
								insert into survey_invitation (survey_id, seq, name, email, door, chat_id)
								values (?, ?, ?, ?, ?, ?)""");
						var posted = db.prepareStatement("""
								insert into outbox_message (door, address, direct, message_key, kind, target_id, body, status,
								  attempts, next_attempt_at, platform_message_id, created_at, sent_at, tried_at, files)
								values ('slack', ?, true, ?, 'POST', null, '{}', 'SENT', 1, ?, ?, ?, ?, ?, 0)""")) {
					for (int p = 0; p < projects; p++) {
						long id = p + 1;
						var manager = manager(p);
						var title = "Engagement " + code(p);
						var clientName = String.format("Client %05d", p + 1);
						var channel = String.format("C0BENCH%03d", p % 40);
						client.setLong(1, id);
						client.setString(2, clientName);
						client.setString(3, clientName.toLowerCase());
						client.setString(4, manager);
						client.setTimestamp(5, at);
						client.addBatch();
						for (int c = 0; c < contacts(); c++) {
							boolean chat = c < chatContacts;
							contact.setLong(1, id);
							contact.setInt(2, c);
							contact.setString(3, contactName(p, c));
							contact.setString(4, contactEmail(p, c));
							contact.setString(5, chat ? "slack" : null);
							contact.setString(6, chat ? contactSlackId(p, c) : null);
							contact.addBatch();
						}
						var team = new ArrayList<String>();
						for (int s = 0; s < perProject; s++) {
							team.add(member(p, s));
						}
						written.add(new Projects.Project(id, code(p), title, clientName, id, "dept" + (p % departments), manager,
								channel, team), at);
						schedule.setLong(1, id);
						schedule.setTimestamp(2, Timestamp.from(nextAt));
						schedule.setTimestamp(3, at);
						schedule.addBatch();
						if (surveys) {
							survey.setLong(1, id);
							survey.setLong(2, id);
							survey.setString(3, code(p));
							survey.setLong(4, id);
							survey.setString(5, String.join(",", dimensions));
							survey.setTimestamp(6, Timestamp.from(sentAt));
							survey.setTimestamp(7, Timestamp.from(remindAt));
							survey.setTimestamp(8, Timestamp.from(closes));
							survey.addBatch();
							for (int c = 0; c < contacts(); c++) {
								boolean chat = c < chatContacts;
								invitation.setLong(1, id);
								invitation.setInt(2, c);
								invitation.setString(3, contactName(p, c));
								invitation.setString(4, contactEmail(p, c));
								invitation.setString(5, chat ? "slack" : null);
								invitation.setString(6, chat ? contactSlackId(p, c) : null);
								invitation.addBatch();
							}
							var managerSlack = slackId(manager);
							posted.setString(1, managerSlack);
							posted.setString(2, "survey:" + id + ":manager");
							posted.setTimestamp(3, Timestamp.from(sentAt));
							posted.setString(4, "D" + managerSlack + ":" + seededTs(id));
							posted.setTimestamp(5, Timestamp.from(sentAt));
							posted.setTimestamp(6, Timestamp.from(sentAt));
							posted.setTimestamp(7, Timestamp.from(sentAt));
							posted.addBatch();
						}
						if (p % 500 == 499 || p == projects - 1) {
							client.executeBatch();
							contact.executeBatch();
							written.flush();
							schedule.executeBatch();
							if (surveys) {
								survey.executeBatch();
								invitation.executeBatch();
								posted.executeBatch();
							}
						}
					}
				}
				Projects.restartId(db, "client", projects + 1);
				Projects.restartId(db, "project_application", projects + 1);
				Projects.restartId(db, "project", projects + 1);
				Projects.restartId(db, "survey", projects + 1);
				db.commit();
			}
		}

		static String contactName(int project, int contact) {
			return String.format("Contact %d of client %05d", contact + 1, project + 1);
		}

		static String contactEmail(int project, int contact) {
			return String.format("contact%d@client%05d.example.com", contact + 1, project + 1);
		}

	}

	/** The dimensions a survey asks, from the quality policy Steward reads (config/quality.yaml). */
	static List<String> dimensions(Path policy) throws IOException {
		if (Files.isRegularFile(policy)) {
			var matcher = Pattern.compile("(?m)^dimensions:\\s*\\[([^\\]]*)\\]").matcher(Files.readString(policy));
			if (matcher.find()) {
				return List.of(matcher.group(1).trim().split("\\s*,\\s*"));
			}
		}
		return List.of("service-quality", "results", "attitude", "communication");
	}

	/** The timestamp the seeded manager's message of a survey has (the fake's own count from 1800000000). */
	static String seededTs(long surveyId) {
		return String.format("1700000000.%06d", surveyId);
	}

	/** Steward on a free port, with its public URL there (the links it makes point to it). */
	static Steward start(Path jar, String maxRam, Map<String, String> env, Path log) {
		int port = Steward.freePort();
		var args = new ArrayList<>(Steward.LOGS);
		args.add("--steward.scheduling.default-calendar=bench");
		args.add("--steward.public-url=http://127.0.0.1:" + port);
		return Steward.start(jar, maxRam, env, log, port, args);
	}

	/** The kit this benchmark runs with; without it, Java's compiler stops here (and at the imports) and prints this line. */
	static final Class<?> KIT = Options.class; // not found? Build the kit: mvn -q -DskipTests package, then java -cp target/test-classes bench/SurveyLoad.java

}
