import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipFile;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.tools.ToolProvider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

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
 * Run from the project root:
 *   mvn -q -DskipTests package
 *   java bench/SlackLoad.java [--clients 100] [--form-clients 10] [--seconds 15] [--warmup 5] [--max-ram 512m]
 */
public class SlackLoad {

	static final String SECRET = "bench-signing-secret";

	static final String[] PEOPLE = { "U01ZHANGWEI", "U01EMMAWILSON", "U01SUNLI", "U01CHENJIE", "U01LINA" };

	public static void main(String[] args) throws Exception {
		var options = options(args);
		int clients = Integer.parseInt(options.getOrDefault("clients", "100"));
		int formClients = Integer.parseInt(options.getOrDefault("form-clients", "10"));
		int seconds = Integer.parseInt(options.getOrDefault("seconds", "15"));
		int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
		var maxRam = options.getOrDefault("max-ram", "512m");
		var jar = Path.of(options.getOrDefault("jar", "target/steward-0.1.0-SNAPSHOT.jar"));
		if (!Files.isRegularFile(jar)) {
			System.err.println("No " + jar + ": run 'mvn -q -DskipTests package' first.");
			System.exit(2);
		}
		var work = Files.createTempDirectory("steward-slack-bench");
		var api = FakeApi.start();
		var floorClasses = buildFloor(jar, work);
		var env = Map.of("SLACK_BOT_TOKEN", "xoxb-bench-token", "SLACK_SIGNING_SECRET", SECRET,
				"STEWARD_SLACK_API_URL", api.url(), "STEWARD_DATA_DIR", work.resolve("data").toString());

		int stewardPort = freePort();
		// as in a container of that size: -XX:MaxRAM sizes the heap, but the JVM picks its collector
		// from the host's memory, and in a container under 1,792 MB it picks the Serial collector
		var steward = start(List.of("java", "-XX:MaxRAM=" + maxRam, "-XX:+UseSerialGC", "-jar", jar.toString(), "--server.port=" + stewardPort, "--management.server.port=0",
				"--logging.level.root=warn"), env, work.resolve("steward.log"));
		int floorPort = freePort();
		var floor = start(List.of("java", "-XX:MaxRAM=" + maxRam, "-XX:+UseSerialGC", "-cp",
				floorClasses + java.io.File.pathSeparator + work.resolve("lib") + "/*", "floor.BareBoltApp",
				"--server.port=" + floorPort, "--logging.level.root=warn", "--spring.flyway.enabled=false",
				"--spring.main.banner-mode=off"), env, work.resolve("floor.log"));
		var memory = new MemoryWatch(steward.pid());
		memory.start();
		var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		try {
			var stewardUrl = URI.create("http://127.0.0.1:" + stewardPort + "/slack/events");
			var floorUrl = URI.create("http://127.0.0.1:" + floorPort + "/slack/events");
			waitUntilUp(http, stewardUrl, steward);
			waitUntilUp(http, floorUrl, floor);
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
			memory.interrupt();
			steward.destroy();
			floor.destroy();
			steward.waitFor();
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
		var form = new java.util.LinkedHashMap<String, String>();
		form.put("token", "bench");
		form.put("team_id", "T01BENCH");
		form.put("team_domain", "bench");
		form.put("channel_id", "C01BENCH" + (n % 8));
		form.put("channel_name", "bench");
		form.put("user_id", PEOPLE[n % PEOPLE.length]);
		form.put("user_name", "bench");
		form.put("command", command);
		form.put("text", text);
		form.put("api_app_id", "A01BENCH");
		form.put("is_enterprise_install", "false");
		form.put("response_url", api.url().replace("/api/", "/response/") + responseId);
		form.put("trigger_id", trigger);
		return new Signed(formBody(form), text.equals("apply") ? "trigger:" + trigger : "response:" + responseId);
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
		return new Signed(formBody(Map.of("payload", payload)), "response:" + responseId);
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
							var response = post(http, url, signed.body());
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
					sorted.size(), sorted.size() / elapsed, percentile(sorted, 50), percentile(sorted, 99),
					sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6, errors.get(),
					api == null ? "–" : completed + " of " + expected.size());
		}
		return new Result(sorted.size(), sorted.size() / elapsed, completed);
	}

	static HttpResponse<String> post(HttpClient http, URI url, String body) throws IOException, InterruptedException {
		var timestamp = String.valueOf(System.currentTimeMillis() / 1000);
		var response = http.send(HttpRequest.newBuilder(url)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Slack-Request-Timestamp", timestamp)
			.header("X-Slack-Signature", sign(timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		return response;
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
			return 0;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1e6;
	}

	/** Unpacks Steward's libraries from its jar and compiles the floor app against them. */
	static Path buildFloor(Path jar, Path work) throws IOException {
		var lib = Files.createDirectories(work.resolve("lib"));
		try (var zip = new ZipFile(jar.toFile())) {
			var entries = zip.entries();
			while (entries.hasMoreElements()) {
				var entry = entries.nextElement();
				if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
					try (var in = zip.getInputStream(entry)) {
						Files.copy(in, lib.resolve(Path.of(entry.getName()).getFileName().toString()),
								StandardCopyOption.REPLACE_EXISTING);
					}
				}
			}
		}
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

	static Process start(List<String> command, Map<String, String> env, Path log) throws IOException {
		var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(env);
		// two C heap arenas, as the user guide runs Steward in a container, unless this shell says otherwise
		builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
		return builder.start();
	}

	static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Up when an unsigned request is refused: the app listens and checks signatures. */
	static void waitUntilUp(HttpClient http, URI url, Process process) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("An application stopped while starting; see its log");
			}
			try {
				var response = http.send(HttpRequest.newBuilder(url)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("command=%2Fsteward&text=help&user_id=U0"))
					.build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 401) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(200); // polling a process we started: there is no event to wait on
		}
		throw new IllegalStateException("No answer at " + url + " within 120 s");
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
			// the JDK server otherwise leaves Nagle on, and every small answer waits for a delayed ACK
			System.setProperty("sun.net.httpserver.nodelay", "true");
			var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
			var fake = new FakeApi(server);
			server.createContext("/api/", fake::api);
			server.createContext("/response/", fake::response);
			server.setExecutor(Executors.newFixedThreadPool(16, runnable -> {
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
				var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				var params = new java.util.HashMap<String, String>();
				for (var pair : body.split("&")) {
					int eq = pair.indexOf('=');
					if (eq > 0) {
						params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
								URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
					}
				}
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
				send(exchange, answer);
			}
		}

		private void response(HttpExchange exchange) throws IOException {
			try (exchange) {
				exchange.getRequestBody().readAllBytes();
				seen.add("response:" + exchange.getRequestURI().getPath().substring("/response/".length()));
				send(exchange, "ok");
			}
		}

		private static void send(HttpExchange exchange, String body) throws IOException {
			var bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}

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
				catch (InterruptedException ex) {
					return;
				}
				catch (IOException gone) {
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
		var options = new java.util.HashMap<String, String>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		return options;
	}

}
