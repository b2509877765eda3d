package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.steward.benchkit.Database;
import dev.steward.benchkit.Projects;
import dev.steward.support.SampleApplication;
import dev.steward.support.StewardProcess;

/**
 * Crash safety of the embedded default (H2 in a file): the packaged jar run as a real process,
 * killed with {@code kill -9} at seeded points, and started again on the same data, its Slack
 * door pointed at a fake Web API in this JVM that is the judge of what was delivered.
 * <ul>
 * <li>A fan-out: every project's weekly prompt run at once (an admin's "Run now" on each prompt
 * job), a few hundred messages over many channels (each member's direct messages and the
 * projects' home channels). Killed at seeded counts of messages on Slack, either just before
 * Slack's answer to a post goes back or a seeded moment after it; in the end every expected
 * message is on Slack exactly once.</li>
 * <li>A decision: an approver's click on an approval card, killed right after the acknowledgement;
 * after the restart the approver clicks again (seeing nothing is a reason to): one decision is
 * recorded, and the next step's cards go out once. If the acknowledgement came after the decision
 * was made, the decision survives the crash.</li>
 * </ul>
 * The seed and the kill points are printed; {@code -Dcrash.seed=N} runs the same points again,
 * {@code -Dcrash.kills=N} kills the fan-out more (or less) often, and {@code -Dsteward.jar=PATH}
 * runs another build (e.g. one without {@code WRITE_DELAY=0}, to see this test fail).
 */
class CrashSafetyIT {

	/** Projects whose prompts are fanned out, with this many members each. */
	static final int PROJECTS = 60;

	static final int MEMBERS = 4;

	/** The projects' home channels, shared as a firm's department channels are. */
	static final int CHANNELS = 20;

	static final Duration START = Duration.ofMinutes(4);

	static final Pattern CODE = Pattern.compile("CRASH-\\d{3}");

	/** Steward answers a click within this (the door's budget for the work), or acknowledges and answers later. */
	static final Duration ACK_BUDGET = Duration.ofMillis(2500);

	@TempDir
	Path work;

	FakeSlackApi api;

	SlackWorkspace slack;

	StewardProcess steward;

	/** Every process this test started, so none outlives it whatever fails. */
	final List<StewardProcess> started = new ArrayList<>();

	final ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();

	long seed;

	Random random;

	int starts;

	@BeforeEach
	void firm() throws Exception {
		seed = Long.getLong("crash.seed", System.nanoTime());
		random = new Random(seed);
		say("seed " + seed + " (run again with -Dcrash.seed=" + seed + ")");
		api = FakeSlackApi.start();
		Files.writeString(work.resolve("directory.yaml"), directory());
		var calendars = Files.createDirectories(work.resolve("calendars"));
		Files.writeString(calendars.resolve("crash.yaml"), """
				# Every day a working day, so the test runs on any day of the year.
				id: crash
				name: Crash test (no rest days)
				weekly-rest-days: []
				holidays: {}
				""");
		// the schema and the directory, then the projects written as the weekly benchmark writes them
		start();
		steward.awaitLog("Started StewardApplication", START);
		steward.stop();
		writeProjects();
	}

	@AfterEach
	void stop() {
		killer.shutdownNow();
		started.stream().filter(StewardProcess::isAlive).forEach(StewardProcess::kill);
		api.close();
	}

	@Test
	void killedMidFanOutAndRightAfterADecisionNothingIsLostAndNothingIsSentTwice() throws Exception {
		start();
		steward.awaitLog("weekly prompts of " + PROJECTS + " projects are planned", START);
		steward.awaitSlackEndpoint(START);
		slack = new SlackWorkspace(steward.port(), api);

		// the fan-out: the admin runs every project's prompt job now; Slack holds the posts until every
		// job is asked for, so the kills fall anywhere in the fan-out, not only in its tail
		api.hold("chat.postMessage");
		var admin = "U01ADMIN";
		for (int p = 1; p <= PROJECTS; p++) {
			var response = slack.blockAction(admin, "D" + admin, "1700000000.000001",
					"job-run:progress:prompt-" + p + "-Asia.Shanghai", "Run now", api.responseUrl(),
					UUID.randomUUID().toString());
			assertThat(response.statusCode()).isEqualTo(200);
		}
		var expected = expected();
		int kills = Integer.getInteger("crash.kills", 2);
		for (int k = 0; k < kills; k++) {
			int posted = prompts();
			int at = posted + 1 + random.nextInt(Math.max(1, (expected.size() - posted) * 2 / 3));
			boolean beforeAnswer = random.nextInt(3) == 0;
			int after = beforeAnswer ? 0 : random.nextInt(400);
			say("fan-out kill " + (k + 1) + ": at prompt " + at + " of " + expected.size() + " on Slack, "
					+ (beforeAnswer ? "before Slack's answer goes back" : after + " ms after Slack's answer"));
			var killed = killAt(at, after);
			if (k == 0) {
				api.release("chat.postMessage");
			}
			else {
				start();
			}
			awaitKill(killed, at);
		}
		api.release("chat.postMessage");
		if (!steward.isAlive()) {
			restart();
		}
		await("every prompt on Slack").atMost(Duration.ofMinutes(3)).until(() -> delivered().keySet().containsAll(expected));
		// a while longer, so a message sent twice has the time to show
		var seen = new AtomicInteger();
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
			.until(() -> {
				int now = prompts();
				return now == seen.getAndSet(now);
			});
		var delivered = delivered();
		assertThat(delivered.keySet()).as("prompts on Slack").containsExactlyInAnyOrderElementsOf(expected);
		assertThat(twice(delivered)).as("prompts on Slack more than once").isEmpty();

		// a decision: Li Na approves the first step and Steward is killed right after acknowledging it
		var zhang = new SlackChat(slack, "U01ZHANGWEI", "C01CONSULTING");
		var title = "Crash-safe engagement " + seed;
		assertThat(zhang.fill(zhang.command("/project apply"), SampleApplication.values(title)).text()).contains(title);
		var card = new SlackChat(slack, "U01LINA", "C01CONSULTING").awaitDirect(title);
		int pause = random.nextInt(3) == 0 ? 0 : random.nextInt(300);
		long clicked = System.nanoTime();
		var ack = slack.blockAction("U01LINA", card.channel, card.ts, SlackWorkspace.actionId(card.blocks, "批准"), "批准",
				api.responseUrl(), UUID.randomUUID().toString());
		var took = Duration.ofNanos(System.nanoTime() - clicked);
		assertThat(ack.statusCode()).isEqualTo(200);
		var clickedOn = steward;
		killer.schedule(clickedOn::kill, pause, TimeUnit.MILLISECONDS).get();
		say("decision kill: " + pause + " ms after the acknowledgement, which took " + took.toMillis() + " ms");
		var decidedBeforeAck = took.compareTo(ACK_BUDGET.minusMillis(200)) < 0;
		restart();

		// the approver, unsure, clicks again: the decision made before the acknowledgement is there
		var liNa = new SlackChat(slack, "U01LINA", "C01CONSULTING");
		var wangFang = new SlackChat(slack, "U01WANGFANG", "C01GENERAL");
		var david = new SlackChat(slack, "U01DAVIDMILLER", "C01GENERAL");
		var again = liNa.click(card, "批准").text();
		if (decidedBeforeAck) {
			assertThat(again).as("the decision acknowledged before the crash").contains("已审批").contains("Li Na 已批准");
		}
		else {
			assertThat(again).containsAnyOf("你已批准", "已审批");
		}
		wangFang.awaitDirect(title);
		david.awaitDirect(title);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
			.until(() -> withTitle(wangFang, title) == 1 && withTitle(david, title) == 1);
		await().atMost(Duration.ofSeconds(20)).until(() -> !liNa.lastDirect(title).hasActions());

		// nothing on Slack twice: no delivery posted twice, no message repeated in a conversation
		var deliveries = new HashMap<String, Integer>();
		var texts = new HashMap<String, Integer>();
		for (var message : api.allMessages()) {
			if (message.metadata != null) {
				deliveries.merge(message.metadata.getAsJsonObject("event_payload").get(SlackDoor.DELIVERY_ID).getAsString(),
						1, Integer::sum);
			}
			texts.merge(message.channel + " " + message.text, 1, Integer::sum);
		}
		assertThat(twice(deliveries)).as("deliveries posted more than once").isEmpty();
		assertThat(twice(texts)).as("messages repeated in a conversation").isEmpty();
		assertThat(api.violations()).isEmpty();

		// and in the database, once stopped: one decision, every message settled
		steward.stop();
		try (var db = database()) {
			assertThat(count(db, "select count(*) from approval_entry where actor_id = 'li.na' and action = 'APPROVED'"))
				.as("Li Na's decisions").isEqualTo(1);
			assertThat(count(db, "select count(*) from outbox_message where status <> 'SENT'")).as("messages not sent")
				.isZero();
		}
	}

	/**
	 * Kills Steward (the one running then, or started next) when the fake has taken this many
	 * prompts: at once, before the fake's answer goes back, or this long after.
	 */
	private java.util.concurrent.CompletableFuture<Void> killAt(int at, int afterMillis) {
		var count = new AtomicInteger(prompts());
		var killed = new java.util.concurrent.CompletableFuture<Void>();
		api.onPost(posted -> {
			if (CODE.matcher(posted.text()).find() && count.incrementAndGet() == at) {
				var target = steward;
				if (afterMillis == 0) {
					target.kill();
					killed.complete(null);
				}
				else {
					killer.schedule(() -> {
						target.kill();
						killed.complete(null);
					}, afterMillis, TimeUnit.MILLISECONDS);
				}
			}
		});
		return killed;
	}

	private void awaitKill(java.util.concurrent.CompletableFuture<Void> killed, int at) {
		try {
			killed.get(3, TimeUnit.MINUTES);
		}
		catch (Exception ex) {
			throw new AssertionError("Steward was not killed at prompt " + at + " (" + prompts() + " on Slack):\n"
					+ steward.tail(), ex);
		}
		finally {
			api.onPost(posted -> {
			});
		}
		say("  killed with " + prompts() + " prompts on Slack");
	}

	private void restart() {
		start();
		steward.awaitSlackEndpoint(START);
		slack = new SlackWorkspace(steward.port(), api);
	}

	private void start() {
		assertThat(started).as("Steward still running on the data").noneMatch(StewardProcess::isAlive);
		starts++;
		var env = Map.of("SLACK_BOT_TOKEN", "xoxb-crash-token", "SLACK_SIGNING_SECRET", SlackWorkspace.SECRET,
				"STEWARD_SLACK_API_URL", api.apiUrl(), "STEWARD_DATA_DIR", work.resolve("data").toString(),
				"STEWARD_DIRECTORY", work.resolve("directory.yaml").toString(), "STEWARD_CALENDARS",
				work.resolve("calendars").toString());
		steward = StewardProcess.start(env, List.of("--steward.scheduling.default-calendar=crash",
				"--steward.slack.ack-budget=" + ACK_BUDGET.toMillis() + "ms", "--logging.level.root=warn",
				"--logging.level.dev.steward=info"), work.resolve("steward.log"));
		started.add(steward);
		say("start " + starts + ": pid " + steward.pid() + ", port " + steward.port());
	}

	/** Each prompt by conversation and project code, with how many times it is on Slack. */
	private Map<String, Integer> delivered() {
		var delivered = new HashMap<String, Integer>();
		for (var message : api.allMessages()) {
			var code = CODE.matcher(message.text());
			if (code.find()) {
				delivered.merge(message.channel + " " + code.group(), 1, Integer::sum);
			}
		}
		return delivered;
	}

	/** What is there more than once, and how many times. */
	private static Map<String, Integer> twice(Map<String, Integer> counted) {
		var twice = new java.util.TreeMap<String, Integer>();
		counted.forEach((key, n) -> {
			if (n > 1) {
				twice.put(key, n);
			}
		});
		return twice;
	}

	private int prompts() {
		return delivered().values().stream().mapToInt(Integer::intValue).sum();
	}

	private static long withTitle(SlackChat chat, String title) {
		return chat.directs().stream().filter(posted -> posted.text().contains(title) && posted.hasActions()).count();
	}

	/** Each member's prompt in their direct messages and each project's line in its channel. */
	static List<String> expected() {
		var expected = new ArrayList<String>();
		for (int p = 0; p < PROJECTS; p++) {
			expected.add(channel(p) + " " + code(p));
			for (int s = 0; s < MEMBERS; s++) {
				expected.add("D" + slackId(p, s) + " " + code(p));
			}
		}
		return expected;
	}

	static String code(int project) {
		return String.format("CRASH-%03d", project + 1);
	}

	static String channel(int project) {
		return String.format("C0CRASH%02d", project % CHANNELS);
	}

	static String member(int project, int seat) {
		return String.format("crash.m%03d", project * MEMBERS + seat);
	}

	static String slackId(int project, int seat) {
		return String.format("U0CRASH%03d", project * MEMBERS + seat);
	}

	/** The demo firm's directory (its approvers and admin), and the fan-out's members. */
	private static String directory() throws Exception {
		var yaml = new StringBuilder(Files.readString(Path.of("config/directory.yaml"), StandardCharsets.UTF_8));
		if (yaml.charAt(yaml.length() - 1) != '\n') {
			yaml.append('\n');
		}
		for (int p = 0; p < PROJECTS; p++) {
			for (int s = 0; s < MEMBERS; s++) {
				var id = member(p, s);
				yaml.append("  - id: ").append(id).append("\n    name: Member ").append(id).append("\n    email: ")
					.append(id).append("@example.com\n    department: strategy\n    roles: [member]\n    locale: en\n")
					.append("    time-zone: Asia/Shanghai\n    slack: ").append(slackId(p, s)).append('\n');
			}
		}
		return yaml.toString();
	}

	/** What approved applications leave behind (written as the benchmarks write them): active projects with their teams and weekly schedules. */
	private void writeProjects() throws SQLException {
		try (var db = database()) {
			db.setAutoCommit(false);
			var now = Timestamp.from(Instant.now());
			try (var written = new Projects(db);
					// every week, three days from now: the test runs the prompts now instead
					var schedule = db.prepareStatement("""
							insert into progress_schedule (project_id, report_day, report_time, deadline_day, deadline_time,
							  time_zone, calendar_id, shift) values (?, ?, '09:00', ?, '18:00', 'Asia/Shanghai', 'crash', 'PREVIOUS')""")) {
				var day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(3).getDayOfWeek();
				for (int p = 0; p < PROJECTS; p++) {
					long id = p + 1;
					var team = new ArrayList<String>();
					for (int s = 0; s < MEMBERS; s++) {
						team.add(member(p, s));
					}
					written.add(new Projects.Project(id, code(p), "Engagement " + code(p), "Client", null, "strategy",
							"zhang.wei", channel(p), team), now);
					schedule.setLong(1, id);
					schedule.setString(2, day.name());
					schedule.setString(3, day.plus(2).name());
					schedule.addBatch();
				}
				written.flush();
				schedule.executeBatch();
				written.restartIds(PROJECTS);
			}
			db.commit();
		}
	}

	private Connection database() throws SQLException {
		return DriverManager.getConnection(Database.h2Url(work.resolve("data")), "sa", "");
	}

	private static long count(Connection db, String sql) throws SQLException {
		try (var statement = db.createStatement(); var rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private void say(String line) {
		System.out.println("CrashSafetyIT " + Instant.now() + " " + line);
	}

}
