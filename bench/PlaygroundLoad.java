import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import dev.steward.benchkit.Figures; // not found? Build the kit: mvn -q -DskipTests package, then java -cp target/test-classes bench/PlaygroundLoad.java
import dev.steward.benchkit.MemoryWatch;
import dev.steward.benchkit.Options;
import dev.steward.benchkit.Steward;

/**
 * Load on a running Steward through the playground door, with its resident memory watched.
 *
 * Starts the packaged jar (as in a small container: -XX:MaxRAM), then runs two phases at a
 * chosen concurrency: "/steward whoami" (directory lookup and routing) and whole project
 * applications (a command and three form pages each: form engine, approval engine, outbox).
 * Prints throughput, p50/p99 latency and the peak resident memory of the Steward process.
 *
 * Run from the project root (the package builds the benchmarks' kit too, in target/test-classes):
 *   mvn -q -DskipTests package
 *   java -cp target/test-classes bench/PlaygroundLoad.java [--clients 20] [--seconds 20] [--max-ram 512m] [--jar PATH]
 */
public class PlaygroundLoad {

	static final String[] APPLICANTS = { "zhang.wei", "emma.wilson", "sun.li", "chen.jie" };

	static final Pattern SESSION = Pattern.compile("data-session=\"([^\"]+)\"");

	static final Pattern PAGE = Pattern.compile("data-page=\"(\\d+)\"");

	static final Pattern KEY = Pattern.compile("data-input-key=\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		var options = Options.parse(args);
		int clients = options.integer("clients", 20);
		int seconds = options.integer("seconds", 20);
		var maxRam = options.maxRam();
		var jar = options.jar();
		var data = Files.createTempDirectory("steward-bench");
		var steward = Steward.start(jar, maxRam, Map.of("STEWARD_DATA_DIR", data.toString()), data.resolve("steward.log"),
				List.of("--logging.level.root=warn"));
		var memory = MemoryWatch.start(steward.pid());
		try {
			var base = steward.baseUrl();
			var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			long started = System.nanoTime();
			steward.awaitHome(http);
			var startup = Duration.ofNanos(System.nanoTime() - started);
			long idle = memory.current();

			System.out.printf("Steward up in %.1f s at %s (-XX:MaxRAM=%s), %d clients, %d s a phase%n%n",
					startup.toMillis() / 1000.0, base, maxRam, clients, seconds);
			System.out.println("| phase | operations | per second | p50 ms | p99 ms | errors |");
			System.out.println("|---|---|---|---|---|---|");
			run("`/steward whoami`", clients, seconds, n -> {
				var person = APPLICANTS[n % APPLICANTS.length];
				var html = post(http, base + "/playground/command",
						"{\"as\":\"" + person + "\",\"c\":\"channel:general\",\"text\":\"/steward whoami\"}");
				return html.contains("data-reply");
			});
			run("project application (4 requests)", clients, seconds, n -> apply(http, base, n));
			System.out.printf("%nResident memory: idle %d MB, peak under load %d MB, after load %d MB%n",
					idle / 1024, memory.peak() / 1024, memory.current() / 1024);
		}
		finally {
			memory.stop();
			steward.stop();
		}
	}

	/** One whole application: the command, then each page of its form with valid values. */
	static boolean apply(HttpClient http, String base, int n) throws Exception {
		var person = APPLICANTS[n % APPLICANTS.length];
		var html = post(http, base + "/playground/command",
				"{\"as\":\"" + person + "\",\"c\":\"channel:general\",\"text\":\"/project apply\"}");
		for (int guard = 0; guard < 4; guard++) {
			var session = SESSION.matcher(html);
			if (!session.find()) {
				// done: the confirmation only the applicant sees, naming the department head
				return html.contains("data-reply=\"ephemeral\"") && (html.contains("Li Na") || html.contains("Chen Jie"));
			}
			var page = PAGE.matcher(html);
			page.find();
			var values = new StringBuilder();
			var keys = KEY.matcher(html);
			while (keys.find()) {
				var key = keys.group(1);
				if (values.length() > 0) {
					values.append(',');
				}
				values.append('"').append(key).append("\":\"").append(value(key, n)).append('"');
			}
			html = post(http, base + "/playground/submit", "{\"as\":\"" + person
					+ "\",\"c\":\"channel:general\",\"session\":\"" + session.group(1) + "\",\"page\":" + page.group(1)
					+ ",\"values\":{" + values + "}}");
		}
		return false;
	}

	static String value(String key, int n) {
		return switch (key) {
			case "title" -> "Bench project " + n;
			case "departmentId" -> n % 2 == 0 ? "strategy" : "digital";
			case "managerId" -> "";
			case "expectedRevenue" -> String.valueOf(100000 + n);
			default -> "Benchmark text for " + key + ", number " + n + ".";
		};
	}

	interface Operation {

		boolean run(int n) throws Exception;

	}

	static void run(String name, int clients, int seconds, Operation operation) throws InterruptedException {
		var latencies = new ConcurrentLinkedQueue<Long>();
		var errors = new AtomicInteger();
		var counter = new AtomicInteger();
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		var done = new CountDownLatch(clients);
		var wall = new AtomicLong(System.nanoTime());
		for (int c = 0; c < clients; c++) {
			new Thread(() -> {
				try {
					while (System.nanoTime() < deadline) {
						int n = counter.incrementAndGet();
						long t0 = System.nanoTime();
						boolean ok;
						try {
							ok = operation.run(n);
						}
						catch (Exception ex) {
							ok = false;
						}
						latencies.add(System.nanoTime() - t0);
						if (!ok) {
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
		double elapsed = (System.nanoTime() - wall.get()) / 1e9;
		var sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		System.out.printf("| %s | %d | %.0f | %.1f | %.1f | %d |%n", name, sorted.size(), sorted.size() / elapsed,
				Figures.percentile(sorted, 50), Figures.percentile(sorted, 99), errors.get());
	}

	static String post(HttpClient http, String url, String json) throws IOException, InterruptedException {
		var response = http.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("X-Steward-Playground", "1")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("HTTP " + response.statusCode() + " from " + url);
		}
		return response.body();
	}

	/** The kit this benchmark runs with; without it, Java's compiler stops here (and at the imports) and prints this line. */
	static final Class<?> KIT = Options.class; // not found? Build the kit: mvn -q -DskipTests package, then java -cp target/test-classes bench/PlaygroundLoad.java

}
