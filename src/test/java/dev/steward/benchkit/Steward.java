package dev.steward.benchkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.ZipFile;

/**
 * Steward started from its packaged jar as in a small container, on a free port, its output in a
 * log file. "As in a small container": {@code -XX:MaxRAM} sizes the heap, and the Serial collector,
 * which the JVM picks itself in a container under 1,792 MB but not on a larger host, and the
 * client compiler alone ({@code -XX:TieredStopAtLevel=1}), as the user guide runs Steward; options
 * in {@code STEWARD_BENCH_JVM_ARGS} follow, one that names a collector replaces it, and one that
 * names {@code TieredStopAtLevel} or {@code TieredCompilation} replaces the compiler's. The process
 * gets {@code MALLOC_ARENA_MAX=2}, as the user guide runs Steward in a container, unless the
 * benchmark's own environment sets it.
 */
public final class Steward {

	/** Steward's own lines at info, everything else's at warn: what the benchmarks read in the log. */
	public static final List<String> LOGS = List.of("--logging.level.root=warn", "--logging.level.dev.steward=info");

	private static final Duration STARTING = Duration.ofSeconds(600);

	/** How often a wait looks again: it polls another process, there is no event to wait on. */
	private static final long POLL_MILLIS = 100;

	private final Process process;

	private final int port;

	private final Path log;

	private Steward(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** Starts the jar on a free port with these environment variables and arguments (after the ports). */
	public static Steward start(Path jar, String maxRam, Map<String, String> env, Path log, List<String> args) {
		return start(jar, maxRam, env, log, freePort(), args);
	}

	/** Starts the jar on this port (for arguments that name it, such as Steward's public URL). */
	public static Steward start(Path jar, String maxRam, Map<String, String> env, Path log, int port, List<String> args) {
		var command = jvm(maxRam);
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--management.server.port=0"));
		command.addAll(args);
		return new Steward(launch(command, env, log), port, log);
	}

	/** {@code java} with the small container's options: -XX:MaxRAM, the collector, the compiler, STEWARD_BENCH_JVM_ARGS. */
	public static List<String> jvm(String maxRam) {
		var command = new ArrayList<>(List.of("java", "-XX:MaxRAM=" + maxRam));
		var extra = System.getenv("STEWARD_BENCH_JVM_ARGS");
		if (extra == null || !extra.contains("GC")) {
			command.add("-XX:+UseSerialGC"); // unless the extra options name a collector
		}
		if (extra == null || !extra.contains("Tiered")) {
			command.add("-XX:TieredStopAtLevel=1"); // unless the extra options name the compilers
		}
		if (extra != null && !extra.isBlank()) {
			command.addAll(List.of(extra.trim().split("\\s+")));
		}
		return command;
	}

	/** Runs a command with these variables added to this process's environment, its output in the log. */
	public static Process launch(List<String> command, Map<String, String> env, Path log) {
		var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(env);
		// two C heap arenas, as the user guide runs Steward in a container, unless this shell says otherwise
		builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
		try {
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether a Slack endpoint is up: it refuses an unsigned request (401), so it listens and checks
	 * signatures. Throws while nothing listens yet.
	 */
	public static boolean refusesUnsigned(HttpClient http, URI url) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(url)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("command=%2Fsteward&text=help&user_id=U0"))
			.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 401;
	}

	/** Waits until an application answers on its Slack endpoint ({@link #refusesUnsigned}). */
	public static void awaitSlackEndpoint(HttpClient http, URI url, Process process, Path log) throws InterruptedException {
		await("an answer at " + url, process, log, () -> {
			try {
				return refusesUnsigned(http, url);
			}
			catch (IOException notYet) {
				return false; // still starting
			}
		});
	}

	/** Waits until the process's log says this line (Steward logs what it has done, at start). */
	public static void awaitLog(Path log, String line, Process process) throws InterruptedException {
		await("the log to say \"" + line + "\"", process, log, () -> {
			try {
				return Files.exists(log) && Files.readString(log).contains(line);
			}
			catch (IOException notYet) {
				return false;
			}
		});
	}

	/** Waits until Steward answers on {@code /slack/events}. */
	public void awaitSlackEndpoint(HttpClient http) throws InterruptedException {
		awaitSlackEndpoint(http, URI.create(baseUrl() + "/slack/events"), process, log);
	}

	/** Waits until Steward's home page answers 200 (a Steward without a Slack door). */
	public void awaitHome(HttpClient http) throws InterruptedException {
		var url = URI.create(baseUrl() + "/");
		await("an answer at " + url, process, log, () -> {
			try {
				return http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200;
			}
			catch (IOException notYet) {
				return false;
			}
		});
	}

	/** Waits until Steward's log says this line. */
	public void awaitLog(String line) throws InterruptedException {
		awaitLog(log, line, process);
	}

	/**
	 * Waits until the condition holds, looking every {@code POLL_MILLIS} (another process gives no
	 * event to wait on), or fails when the process stops or {@code STARTING} runs out.
	 */
	private static void await(String what, Process process, Path log, Condition condition) throws InterruptedException {
		var met = new java.util.concurrent.CompletableFuture<Void>();
		var looks = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
			var thread = new Thread(runnable, "await-" + process.pid());
			thread.setDaemon(true);
			return thread;
		});
		looks.scheduleWithFixedDelay(() -> {
			try {
				if (!process.isAlive()) {
					met.completeExceptionally(new IllegalStateException("The process stopped while starting; see " + log));
				}
				else if (condition.holds()) {
					met.complete(null);
				}
			}
			catch (InterruptedException | RuntimeException ex) {
				met.completeExceptionally(ex);
			}
		}, 0, POLL_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
		try {
			met.get(STARTING.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.TimeoutException ex) {
			throw new IllegalStateException("Waited " + STARTING.toSeconds() + " s for " + what + "; see " + log);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(ex.getCause());
		}
		finally {
			looks.shutdownNow();
		}
	}

	private interface Condition {

		boolean holds() throws InterruptedException;

	}

	/** SIGTERM, then waits for the process to end (Steward's graceful shutdown). */
	public void stop() throws InterruptedException {
		process.destroy();
		process.waitFor();
	}

	/** {@code kill -9}: no shutdown hook, nothing flushed. */
	public void kill() {
		process.destroyForcibly();
	}

	public Process process() {
		return process;
	}

	public long pid() {
		return process.pid();
	}

	public int port() {
		return port;
	}

	public Path log() {
		return log;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	/** Copies the libraries inside Steward's jar whose file names pass the filter into a folder; answers the copies. */
	public static List<Path> unpackLibraries(Path jar, Path folder, Predicate<String> name) throws IOException {
		Files.createDirectories(folder);
		var copies = new ArrayList<Path>();
		try (var zip = new ZipFile(jar.toFile())) {
			var entries = zip.entries();
			while (entries.hasMoreElements()) {
				var entry = entries.nextElement();
				var file = Path.of(entry.getName()).getFileName().toString();
				if (entry.getName().startsWith("BOOT-INF/lib/") && file.endsWith(".jar") && name.test(file)) {
					var copy = folder.resolve(file);
					try (var in = zip.getInputStream(entry)) {
						Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
					}
					copies.add(copy);
				}
			}
		}
		return copies;
	}

}
