import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * Load on a running Steward through the playground door, with its resident memory watched.
 *
 * Starts the packaged jar (as in a small container: -XX:MaxRAM), then runs two phases at a
 * chosen concurrency: "/steward whoami" (directory lookup and routing) and whole project
 * applications (a command and three form pages each: form engine, approval engine, outbox).
 * Prints throughput, p50/p99 latency and the peak resident memory of the Steward process.
 *
 * Run from the project root:
 *   mvn -q -DskipTests package
 *   java bench/PlaygroundLoad.java [--clients 20] [--seconds 20] [--max-ram 512m]
 */
public class PlaygroundLoad {

	static final String[] APPLICANTS = { "zhang.wei", "emma.wilson", "sun.li", "chen.jie" };

	static final Pattern SESSION = Pattern.compile("data-session=\"([^\"]+)\"");

	static final Pattern PAGE = Pattern.compile("data-page=\"(\\d+)\"");

	static final Pattern KEY = Pattern.compile("data-input-key=\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		var options = options(args);
		int clients = Integer.parseInt(options.getOrDefault("clients", "20"));
		int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
		var maxRam = options.getOrDefault("max-ram", "512m");
		var jar = Path.of(options.getOrDefault("jar", "target/steward-0.1.0-SNAPSHOT.jar"));
		if (!Files.isRegularFile(jar)) {
			System.err.println("No " + jar + ": run 'mvn -q -DskipTests package' first.");
			System.exit(2);
		}
		int port;
		try (var socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		var data = Files.createTempDirectory("steward-bench");
		// as in a container of that size: -XX:MaxRAM sizes the heap, but the JVM picks its collector
		// from the host's memory, and in a container under 1,792 MB it picks the Serial collector
		var process = new ProcessBuilder("java", "-XX:MaxRAM=" + maxRam, "-XX:+UseSerialGC", "-jar", jar.toString(),
				"--server.port=" + port, "--management.server.port=0", "--logging.level.root=warn")
			.redirectErrorStream(true)
			.redirectOutput(data.resolve("steward.log").toFile())
			.directory(Path.of("").toAbsolutePath().toFile());
		process.environment().put("STEWARD_DATA_DIR", data.toString());
		// two C heap arenas, as the user guide runs Steward in a container, unless this shell says otherwise
		process.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
		var steward = process.start();
		var memory = new MemoryWatch(steward.pid());
		memory.start();
		try {
			var base = "http://127.0.0.1:" + port;
			var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			long started = System.nanoTime();
			waitUntilUp(http, base, steward);
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
			memory.interrupt();
			steward.destroy();
			steward.waitFor();
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
				percentile(sorted, 50), percentile(sorted, 99), errors.get());
	}

	static double percentile(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1e6;
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

	static void waitUntilUp(HttpClient http, String base, Process steward) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (System.nanoTime() < deadline) {
			if (!steward.isAlive()) {
				throw new IllegalStateException("Steward stopped while starting; see its log in the temp folder");
			}
			try {
				var response = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(200); // polling a process we started: there is no event to wait on
		}
		throw new IllegalStateException("Steward did not answer within 90 s");
	}

	/** Samples the process's resident set size (VmRSS, kB) from /proc. */
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
