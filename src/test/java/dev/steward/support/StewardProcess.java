package dev.steward.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

import dev.steward.benchkit.Steward;

/**
 * Steward as a real process: the packaged jar ({@code mvn package} makes it; integration tests run
 * after it), started with {@code java -jar} on a free port with a small heap, its output in a log
 * file. Stopped as an operator stops it (SIGTERM, a graceful shutdown) or killed as a crash kills it
 * ({@code kill -9}).
 */
public final class StewardProcess {

	private final Process process;

	private final int port;

	private final Path log;

	private StewardProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** The packaged jar under {@code target/}, or the one {@code -Dsteward.jar=PATH} names (e.g. an older build to compare). */
	public static Path jar() {
		var named = System.getProperty("steward.jar");
		if (named != null && !named.isBlank()) {
			return Path.of(named);
		}
		try (var files = Files.list(Path.of("target"))) {
			return files
				.filter(file -> file.getFileName().toString().matches("steward-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No packaged jar under target/: run mvn package (or verify)"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts the jar with these environment variables and arguments (added to a free
	 * {@code --server.port}, no management port, and a small heap); the environment's own database
	 * and platform settings are not passed on.
	 */
	public static StewardProcess start(Map<String, String> env, List<String> args, Path log) {
		int port = Steward.freePort();
		var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar().toString(),
				"--server.port=" + port, "--management.server.port=-1"));
		command.addAll(args);
		var builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("SLACK_")
				|| name.startsWith("DISCORD_") || name.startsWith("STEWARD_"));
		builder.environment().putAll(env);
		try {
			return new StewardProcess(builder.start(), port, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return port;
	}

	public long pid() {
		return process.pid();
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	/** Waits until the log says this (Steward logs what it has done at start). */
	public void awaitLog(String line, Duration atMost) {
		Awaitility.await("Steward's log saying \"" + line + "\"; see " + log)
			.atMost(atMost)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException("Steward stopped while starting:\n" + tail());
				}
				return Files.readString(log, StandardCharsets.UTF_8).contains(line);
			});
	}

	/** Waits until Steward answers at {@code /slack/events} (an unsigned request is refused: it listens and checks). */
	public void awaitSlackEndpoint(Duration atMost) {
		var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		var url = URI.create("http://127.0.0.1:" + port + "/slack/events");
		Awaitility.await("Steward answering on port " + port + "; see " + log)
			.atMost(atMost)
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptionsInstanceOf(IOException.class)
			.until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException("Steward stopped while starting:\n" + tail());
				}
				return Steward.refusesUnsigned(http, url);
			});
	}

	/** {@code kill -9}: no shutdown hook, no graceful shutdown, nothing flushed. */
	public void kill() {
		process.destroyForcibly();
		waitForExit();
	}

	/** SIGTERM: Steward's graceful shutdown. */
	public void stop() {
		process.destroy();
		waitForExit();
	}

	private void waitForExit() {
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

	/** The end of the log, for a failure's message. */
	public String tail() {
		try {
			var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex + ")";
		}
	}

}
