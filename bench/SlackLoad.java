import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import javax.tools.ToolProvider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.steward.benchkit.Figures; // not found? Build the kit: mvn -q -DskipTests package, then java -cp target/test-classes bench/SlackLoad.java
import dev.steward.benchkit.MemoryWatch;
import dev.steward.benchkit.Options;
import dev.steward.benchkit.PacedSlack;
import dev.steward.benchkit.SlackRequests;
import dev.steward.benchkit.Steward;

/**
 * Acknowledgement latency and throughput of Steward's Slack door, beside the floor of its stack.
 *
 * Starts a fake Slack Web API in this process, then two applications from Steward's packaged
 * jar, each as in a small container (-XX:MaxRAM): Steward with its Slack door on, and a bare
 * Bolt app in Spring Boot that only verifies and acknowledges (bench/slack-floor, compiled here
 * against Steward's own libraries). It sends signed slash commands and button clicks to each
 * one's POST /slack/events at a chosen concurrency and prints p50/p99 acknowledgement latency
 * and throughput, how many replies Steward completed after acknowledging (ephemeral answers and
 * opened modals, seen by the fake Web API), and Steward's resident memory.
 *
 * Run from the project root (the package builds the benchmarks' kit too, in target/test-classes):
 *   mvn -q -DskipTests package
 *   java -cp target/test-classes bench/SlackLoad.java [--clients 100] [--form-clients 10] [--seconds 15] [--warmup 5]
 *       [--max-ram 512m] [--jar PATH]
 */
public class SlackLoad {

	static final String SECRET = "bench-signing-secret";

	static final String[] PEOPLE = { "U01ZHANGWEI", "U01EMMAWILSON", "U01SUNLI", "U01CHENJIE", "U01LINA" };

	public static void main(String[] args) throws Exception {
		var options = Options.parse(args);
		int clients = options.integer("clients", 100);
		int formClients = options.integer("form-clients", 10);
		int seconds = options.integer("seconds", 15);
		int warmup = options.integer("warmup", 5);
		var maxRam = options.maxRam();
		var jar = options.jar();
		var work = Files.createTempDirectory("steward-slack-bench");
		var api = FakeApi.start();
		var floorClasses = buildFloor(jar, work);
		var env = Map.of("SLACK_BOT_TOKEN", "xoxb-bench-token", "SLACK_SIGNING_SECRET", SECRET,
				"STEWARD_SLACK_API_URL", api.url(), "STEWARD_DATA_DIR", work.resolve("data").toString());

		var steward = Steward.start(jar, maxRam, env, work.resolve("steward.log"), List.of("--logging.level.root=warn"));
		// the floor as in the same container: the same JVM options, Steward's libraries
		int floorPort = Steward.freePort();
		var floorCommand = Steward.jvm(maxRam);
		floorCommand.addAll(List.of("-cp", floorClasses + java.io.File.pathSeparator + work.resolve("lib") + "/*",
				"floor.BareBoltApp", "--server.port=" + floorPort, "--logging.level.root=warn", "--spring.flyway.enabled=false",
				"--spring.main.banner-mode=off"));
		var floorLog = work.resolve("floor.log");
		var floor = Steward.launch(floorCommand, env, floorLog);
		var memory = MemoryWatch.start(steward.pid());
		var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		try {
			var stewardUrl = URI.create(steward.baseUrl() + "/slack/events");
			var floorUrl = URI.create("http://127.0.0.1:" + floorPort + "/slack/events");
			steward.awaitSlackEndpoint(http);
			Steward.awaitSlackEndpoint(http, floorUrl, floor, floorLog);
			long idle = memory.current();
			System.out.printf("Steward and the bare Bolt floor up (-XX:MaxRAM=%s); %d s a phase; logs in %s%n%n", maxRam,
					seconds, work);
			System.out.println("| phase | app | clients | acks | acks/s | p50 ms | p99 ms | max ms | errors | answered |");
			System.out.println("|---|---|---|---|---|---|---|---|---|---|");

			// warm both up on every kind of request, so the JIT and the caches do not count against a phase
			for (var target : List.of(floorUrl, stewardUrl)) {
				var fake = target == stewardUrl ? api : null;
				run(http, target, "warm-up", "", clients, warmup, n -> command("/steward", "whoami", n, api), fake);
				run(http, target, "warm-up", "", formClients, warmup, n -> command("/project", "apply", n, api), fake);
				run(http, target, "warm-up", "", clients, warmup, n -> click(n, api), fake);
			}

			var floorWhoami = run(http, floorUrl, "`/steward whoami`", "floor", clients, seconds,
					n -> command("/steward", "whoami", n, api), null);
			var whoami = run(http, stewardUrl, "`/steward whoami`", "Steward", clients, seconds,
					n -> command("/steward", "whoami", n, api), api);

			run(http, floorUrl, "`/project apply` (opens a form)", "floor", formClients, seconds,
					n -> command("/project", "apply", n, api), null);
			var forms = run(http, stewardUrl, "`/project apply` (opens a form)", "Steward", formClients, seconds,
					n -> command("/project", "apply", n, api), api);

			run(http, floorUrl, "button click", "floor", clients, seconds, n -> click(n, api), null);
			run(http, stewardUrl, "button click", "Steward", clients, seconds, n -> click(n, api), api);

			System.out.printf("%nSteward's `/steward whoami` throughput at %d clients: %.0f%% of the floor's%n", clients,
					100.0 * whoami.perSecond() / floorWhoami.perSecond());
			System.out.printf("Forms: %d commands acknowledged, %d modals opened (views.open with their trigger ids)%n",
					forms.acks(), forms.completed());
			System.out.printf("Steward resident memory: idle %d MB, peak under load %d MB, after load %d MB%n",
					idle / 1024, memory.peak() / 1024, memory.current() / 1024);
		}
		finally {
			memory.stop();
			floor.destroy();
			steward.stop();
			floor.waitFor();
			api.stop();
		}
	}

	/** A signed request: what to post and, for Steward's phases, the reply it should bring about. */
	record Signed(String body, String expect) {
	}

	/** A slash command as Slack posts it (form data). */
	static Signed command(String command, String text, int n, FakeApi api) {
		var trigger = UUID.randomUUID().toString();
		var responseId = UUID.randomUUID().toString();
		var form = SlackRequests.slashCommand("C01BENCH" + (n % 8), "bench", PEOPLE[n % PEOPLE.length], "bench", command,
				text, api.url().replace("/api/", "/response/") + responseId, trigger);
		return new Signed(SlackRequests.formBody(form), text.equals("apply") ? "trigger:" + trigger : "response:" + responseId);
	}

	/** A click on an approval card's button, as Slack posts it (payload= JSON). */
	static Signed click(int n, FakeApi api) {
		var responseId = UUID.randomUUID().toString();
		var user = PEOPLE[n % PEOPLE.length];
		var payload = """
				{"type":"block_actions","user":{"id":"%s","username":"bench","name":"bench","team_id":"T01BENCH"},\
				"api_app_id":"A01BENCH","token":"bench","container":{"type":"message","message_ts":"1700000000.000100",\
				"channel_id":"C01BENCH","is_ephemeral":false},"trigger_id":"%s","team":{"id":"T01BENCH","domain":"bench"},\
				"enterprise":null,"is_enterprise_install":false,"channel":{"id":"C01BENCH","name":"bench"},\
				"response_url":"%s","actions":[{"action_id":"approval:%d:1.0:approve","block_id":"b1",\
				"text":{"type":"plain_text","text":"Approve","emoji":true},"type":"button","action_ts":"1700000000.000200"}]}"""
			.formatted(user, UUID.randomUUID(), api.url().replace("/api/", "/response/") + responseId, 1_000_000 + n);
		return new Signed(SlackRequests.formBody(Map.of("payload", payload)), "response:" + responseId);
	}

	interface Request {

		Signed make(int n);

	}

	record Result(long acks, double perSecond, long completed) {
	}

	static Result run(HttpClient http, URI url, String name, String app, int clients, int seconds, Request request,
			FakeApi api) throws Exception {
		var latencies = new ConcurrentLinkedQueue<Long>();
		var expected = ConcurrentHashMap.<String>newKeySet();
		var errors = new AtomicInteger();
		var counter = new AtomicInteger();
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		var done = new CountDownLatch(clients);
		long started = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			new Thread(() -> {
				try {
					while (System.nanoTime() < deadline) {
						int n = counter.incrementAndGet();
						var signed = request.make(n);
						long t0 = System.nanoTime();
						try {
							var response = SlackRequests.post(http, url, SECRET, signed.body());
							latencies.add(System.nanoTime() - t0);
							if (response.statusCode() == 200) {
								expected.add(signed.expect());
								if (api != null && response.body().contains("\"blocks\"")) {
									// a command's ephemeral answer, carried in the acknowledgement itself
									api.seen.add(signed.expect());
								}
							}
							else {
								errors.incrementAndGet();
							}
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
		double elapsed = (System.nanoTime() - started) / 1e9;
		long completed = 0;
		if (api != null) {
			// Steward works after the ack: wait for that work to finish before the next phase
			api.awaitAll(expected, Duration.ofSeconds(60));
			completed = expected.stream().filter(api::seen).count();
		}
		var sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		if (!name.equals("warm-up")) {
			System.out.printf("| %s | %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %d | %s |%n", name, app, clients,
					sorted.size(), sorted.size() / elapsed, Figures.percentile(sorted, 50), Figures.percentile(sorted, 99),
					sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6, errors.get(),
					api == null ? "–" : completed + " of " + expected.size());
		}
		return new Result(sorted.size(), sorted.size() / elapsed, completed);
	}

	/** Unpacks Steward's libraries from its jar and compiles the floor app against them. */
	static Path buildFloor(Path jar, Path work) throws IOException {
		var lib = work.resolve("lib");
		Steward.unpackLibraries(jar, lib, name -> true);
		var classes = Files.createDirectories(work.resolve("floor-classes"));
		var javac = ToolProvider.getSystemJavaCompiler();
		// the compiler API does not expand classpath wildcards as the launcher does
		String classpath;
		try (var jars = Files.list(lib)) {
			classpath = jars.map(Path::toString).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
		}
		int status = javac.run(null, null, null, "-d", classes.toString(), "-cp", classpath,
				Path.of("bench/slack-floor/BareBoltApp.java").toString());
		if (status != 0) {
			throw new IllegalStateException("Could not compile the floor app");
		}
		return classes;
	}

	/**
	 * The fake Slack Web API both applications call: answers every method the Slack door uses, and
	 * notes which response URLs were answered and which trigger ids opened a modal.
	 */
	static final class FakeApi {

		private final HttpServer server;

		private final Set<String> seen = ConcurrentHashMap.newKeySet();

		private final AtomicInteger ts = new AtomicInteger();

		private FakeApi(HttpServer server) {
			this.server = server;
		}

		static FakeApi start() throws IOException {
			var server = PacedSlack.newServer(16);
			var fake = new FakeApi(server);
			server.createContext("/api/", fake::api);
			server.createContext("/response/", fake::response);
			server.start();
			return fake;
		}

		String url() {
			return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
		}

		boolean seen(String key) {
			return seen.contains(key);
		}

		void awaitAll(Set<String> expected, Duration atMost) throws InterruptedException {
			long deadline = System.nanoTime() + atMost.toNanos();
			while (System.nanoTime() < deadline && !seen.containsAll(expected)) {
				Thread.sleep(100); // polling another process's progress
			}
		}

		void stop() {
			server.stop(0);
		}

		private void api(HttpExchange exchange) throws IOException {
			try (exchange) {
				var method = exchange.getRequestURI().getPath().substring("/api/".length());
				var params = SlackRequests.form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				var answer = switch (method) {
					case "auth.test" -> "{\"ok\":true,\"url\":\"https://bench.slack.test/\",\"team\":\"Bench\",\"user\":\"steward\","
							+ "\"team_id\":\"T01BENCH\",\"user_id\":\"U01BOT\",\"bot_id\":\"B01BOT\"}";
					case "users.info" -> "{\"ok\":true,\"user\":{\"id\":\"" + params.get("user")
							+ "\",\"locale\":\"en-US\",\"tz\":\"Europe/London\"}}";
					case "views.open" -> {
						seen.add("trigger:" + params.get("trigger_id"));
						yield "{\"ok\":true,\"view\":{\"id\":\"V1\"}}";
					}
					case "conversations.open" -> "{\"ok\":true,\"channel\":{\"id\":\"D" + params.get("users") + "\"}}";
					case "conversations.history" -> "{\"ok\":true,\"messages\":[]}";
					case "chat.postMessage", "chat.update" -> "{\"ok\":true,\"channel\":\"" + params.get("channel")
							+ "\",\"ts\":\"1700000000." + String.format("%06d", ts.incrementAndGet()) + "\"}";
					default -> "{\"ok\":true}";
				};
				PacedSlack.answer(exchange, 200, answer);
			}
		}

		private void response(HttpExchange exchange) throws IOException {
			try (exchange) {
				exchange.getRequestBody().readAllBytes();
				seen.add("response:" + exchange.getRequestURI().getPath().substring("/response/".length()));
				PacedSlack.answer(exchange, 200, "ok");
			}
		}

	}

	/** The kit this benchmark runs with; without it, Java's compiler stops here (and at the imports) and prints this line. */
	static final Class<?> KIT = Options.class; // not found? Build the kit: mvn -q -DskipTests package, then java -cp target/test-classes bench/SlackLoad.java

}
