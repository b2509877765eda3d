package dev.steward.benchkit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake Slack Web API that paces as Slack does: one chat.postMessage a second a channel (one that
 * comes sooner is answered 429 with Retry-After: 1 and counted against Steward), and 429 of its own
 * choosing for a share of chat.postMessage and conversations.open calls. A user id as the channel is
 * that person's direct messages, answered as their own D-channel, as conversations.open answers
 * too. conversations.history answers the channel's messages with their metadata, as Slack does, so
 * Steward's never-twice check reads what it wrote; chat.update is counted. Files:
 * files.getUploadURLExternal gives an upload URL here, the bytes are taken there, and
 * files.completeUploadExternal shares them. Each message is known by the codes its benchmark puts
 * in it (a project's, a risk's), which {@link #delivered()} lists by conversation.
 */
public final class PacedSlack {

	public static final int RETRY_AFTER = 1;

	static final Pattern DELIVERY = Pattern.compile("\"delivery_id\"\\s*:\\s*\"?(\\d+)");

	static final Pattern FILE_ID = Pattern.compile("\"id\"\\s*:\\s*\"(F\\d+)\"");

	/** How a call to chat.postMessage was answered. */
	public enum Outcome {

		ACCEPTED, INJECTED_429, TOO_SOON

	}

	/** One chat.postMessage call as the fake saw it, with the codes its message carries. */
	public record Post(String channel, Instant at, Outcome outcome, List<String> codes, String deliveryId) {
	}

	/** A files.completeUploadExternal call: the files shared in a channel. */
	public record Completion(String channel, Instant at, List<String> fileIds) {
	}

	/** Which codes a message carries, from its text and its blocks (JSON). */
	public interface Codes {

		List<String> of(String text, String blocks);

		/** Every code in the text and the blocks, once each. */
		static Codes all(Pattern code) {
			return (text, blocks) -> code.matcher(text + " " + blocks).results().map(m -> m.group()).distinct().toList();
		}

		/** The first code in the text, or "?" for a message without one. */
		static Codes firstInText(Pattern code) {
			return (text, blocks) -> {
				var matcher = code.matcher(text);
				return List.of(matcher.find() ? matcher.group() : "?");
			};
		}

	}

	/** A message the fake keeps, for conversations.history. */
	private record Kept(String ts, String text, String metadata) {
	}

	private final HttpServer server;

	private final Codes codes;

	private volatile long every;

	private final AtomicLong calls = new AtomicLong();

	private final AtomicLong injected = new AtomicLong();

	private final AtomicLong ts = new AtomicLong(1_800_000_000_000_000L);

	private final AtomicLong files = new AtomicLong();

	private final AtomicLong updates = new AtomicLong();

	private final List<Post> posts = new CopyOnWriteArrayList<>();

	private final Set<String> delivered = ConcurrentHashMap.newKeySet();

	/** Notified at each delivery, so a wait for them wakes at once. */
	private final Object deliveries = new Object();

	private final Map<String, Instant> lastPost = new ConcurrentHashMap<>();

	private final Map<String, List<Kept>> history = new ConcurrentHashMap<>();

	private final Map<String, Completion> completed = new ConcurrentHashMap<>();

	private final List<Long> uploadedBytes = new CopyOnWriteArrayList<>();

	private PacedSlack(HttpServer server, double rejects, Codes codes) {
		this.server = server;
		this.codes = codes;
		rejects(rejects);
	}

	/** Starts the fake on a free port, answering this share of calls with 429 of its own. */
	public static PacedSlack start(double rejects, Codes codes) throws IOException {
		var server = newServer(8);
		var fake = new PacedSlack(server, rejects, codes);
		server.createContext("/api/", fake::api);
		server.createContext("/upload/", fake::upload);
		server.createContext("/response/", fake::response);
		server.start();
		return fake;
	}

	/** An HTTP server on a free local port with daemon threads, answering small requests without delay. */
	public static HttpServer newServer(int threads) throws IOException {
		// the JDK server otherwise leaves Nagle on, and every small answer waits for a delayed ACK
		System.setProperty("sun.net.httpserver.nodelay", "true");
		var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
		server.setExecutor(Executors.newFixedThreadPool(threads, runnable -> {
			var thread = new Thread(runnable, "fake-slack");
			thread.setDaemon(true); // the benchmark ends when its report is out
			return thread;
		}));
		return server;
	}

	/** From now on answers this share of calls with 429 of its own. */
	public void rejects(double rejects) {
		this.every = rejects <= 0 ? Long.MAX_VALUE : Math.max(1, Math.round(1 / rejects));
	}

	/** The Web API's base URL, for {@code STEWARD_SLACK_API_URL}. */
	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
	}

	/** A response URL of this fake (taken and forgotten). */
	public String responseUrl(String id) {
		return url().replace("/api/", "/response/") + id;
	}

	public List<Post> posts() {
		return posts;
	}

	/** "&lt;conversation&gt; &lt;code&gt;" of every code in an accepted message. */
	public Set<String> delivered() {
		return delivered;
	}

	/** The first files shared in each channel, by channel. */
	public Map<String, Completion> completed() {
		return completed;
	}

	public List<Long> uploadedBytes() {
		return uploadedBytes;
	}

	/** 429s of the fake's own choosing so far, chat.postMessage and conversations.open. */
	public long injected() {
		return injected.get();
	}

	/** chat.update calls so far. */
	public long updates() {
		return updates.get();
	}

	public void stop() {
		server.stop(0);
	}

	private void api(HttpExchange exchange) throws IOException {
		try (exchange) {
			var method = exchange.getRequestURI().getPath().substring("/api/".length());
			var params = SlackRequests.form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			switch (method) {
				case "auth.test" -> answer(exchange, 200, "{\"ok\":true,\"url\":\"https://bench.slack.test/\","
						+ "\"team\":\"Bench\",\"user\":\"steward\",\"team_id\":\"T01BENCH\",\"user_id\":\"U01BOT\",\"bot_id\":\"B01BOT\"}");
				case "users.info" -> answer(exchange, 200, "{\"ok\":true,\"user\":{\"id\":\"" + params.get("user")
						+ "\",\"locale\":\"en-US\",\"tz\":\"Asia/Shanghai\"}}");
				case "conversations.open" -> {
					if (injects()) {
						rateLimited(exchange);
					}
					else {
						answer(exchange, 200, "{\"ok\":true,\"channel\":{\"id\":\"D" + params.get("users") + "\"}}");
					}
				}
				case "conversations.history" -> answer(exchange, 200, history(params.get("channel"),
						Integer.parseInt(params.getOrDefault("limit", "100"))));
				case "chat.postMessage" -> post(exchange, params);
				case "chat.update" -> {
					updates.incrementAndGet();
					answer(exchange, 200, "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\""
							+ params.get("ts") + "\"}");
				}
				case "files.getUploadURLExternal" -> {
					var id = String.format("F%08d", files.incrementAndGet());
					answer(exchange, 200, "{\"ok\":true,\"upload_url\":\"" + url().replace("/api/", "/upload/") + id
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
					answer(exchange, 200, json.append("]}").toString());
				}
				default -> answer(exchange, 200, "{\"ok\":true}");
			}
		}
	}

	private boolean injects() {
		boolean inject = calls.incrementAndGet() % every == 0;
		if (inject) {
			injected.incrementAndGet();
		}
		return inject;
	}

	/** An upload URL: takes the bytes, as Slack's answers "OK - &lt;length&gt;". */
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
			answer(exchange, 200, "ok");
		}
	}

	private void post(HttpExchange exchange, Map<String, String> params) throws IOException {
		var given = params.get("channel");
		// a user id as the channel posts to the app's direct messages with them, as Slack does
		var channel = given.startsWith("U") || given.startsWith("W") ? "D" + given : given;
		var now = Instant.now();
		var text = params.getOrDefault("text", "");
		var carried = codes.of(text, params.getOrDefault("blocks", ""));
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
			posts.add(new Post(channel, now, outcome, carried, id));
			if (outcome == Outcome.ACCEPTED) {
				var stamp = ts.incrementAndGet();
				var kept = new Kept((stamp / 1_000_000) + "." + String.format("%06d", stamp % 1_000_000), text, metadata);
				history.get(channel).add(kept);
				carried.forEach(code -> delivered.add(channel + " " + code));
				synchronized (deliveries) {
					deliveries.notifyAll();
				}
				answer(exchange, 200, "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + kept.ts() + "\"}");
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
		answer(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
	}

	/** Answers a request with JSON. */
	public static void answer(HttpExchange exchange, int status, String body) throws IOException {
		var bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
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

	// --- what came of a burst of messages ---------------------------------------------------------

	/**
	 * Waits, watching the fake, until every expected "&lt;conversation&gt; &lt;code&gt;" has been delivered:
	 * at most an hour after the moment, and no more than two minutes without a new delivery once
	 * the patience after the moment is over. Prints how many are in every so many, and calls
	 * {@code tick} each time it looks (at each delivery, and at least every fifth of a second).
	 */
	public void awaitDelivered(Set<String> expected, Instant from, Duration patience, int every, String what,
			Runnable tick) throws InterruptedException {
		var deadline = from.plusSeconds(3600);
		int reported = -1;
		int lastCount = 0;
		var lastProgress = from.plus(patience);
		while (Instant.now().isBefore(deadline) && Instant.now().isBefore(lastProgress.plusSeconds(120))
				&& !delivered.containsAll(expected)) {
			int now = delivered.size();
			tick.run();
			if (now != lastCount) {
				lastCount = now;
				lastProgress = Instant.now().isAfter(lastProgress) ? Instant.now() : lastProgress;
			}
			if (Instant.now().isAfter(from) && now / every != reported / every) {
				reported = now;
				System.out.printf("  %5.1f s: %,d of %,d %s%n", Duration.between(from, Instant.now()).toMillis() / 1000.0,
						now, expected.size(), what);
			}
			synchronized (deliveries) {
				deliveries.wait(200); // the next delivery, or the next look's tick
			}
		}
	}

	/**
	 * What the fake saw of the expected deliveries: the calls, the accepted messages with codes on
	 * them, what was lost, codes twice in a conversation and delivery ids twice, the 429s it chose
	 * and those for coming too soon, the floor, and the first and last message (the moment, if none).
	 */
	public record Tally(List<Post> posts, List<Post> accepted, Set<String> lost, int duplicatedCodes, int duplicatedIds,
			long injected, long tooSoon, Floor floor, Instant first, Instant last) {
	}

	public Tally tally(Set<String> expected, Instant from) {
		var all = List.copyOf(posts);
		var accepted = all.stream().filter(post -> post.outcome() == Outcome.ACCEPTED && !post.codes().isEmpty()).toList();
		var lost = new HashSet<>(expected);
		lost.removeAll(delivered);
		var seen = new HashSet<String>();
		var deliveryIds = new HashSet<String>();
		int duplicatedCodes = 0;
		int duplicatedIds = 0;
		for (var post : accepted) {
			for (var code : post.codes()) {
				duplicatedCodes += seen.add(post.channel() + " " + code) ? 0 : 1;
			}
			duplicatedIds += post.deliveryId() != null && !deliveryIds.add(post.deliveryId()) ? 1 : 0;
		}
		long injected = all.stream().filter(post -> post.outcome() == Outcome.INJECTED_429).count();
		long tooSoon = all.stream().filter(post -> post.outcome() == Outcome.TOO_SOON).count();
		var first = accepted.stream().map(Post::at).min(Instant::compareTo).orElse(from);
		var last = accepted.stream().map(Post::at).max(Instant::compareTo).orElse(from);
		return new Tally(all, accepted, lost, duplicatedCodes, duplicatedIds, injected, tooSoon, floor(all), first, last);
	}

	// --- what pacing allows -----------------------------------------------------------------------

	/** The busiest conversation: the one whose pacing allows the least, its calls and that floor. */
	public record Floor(String channel, double seconds, List<Post> calls) {

		/** Each call to the conversation, seconds after a moment, with "(429)" or "(too soon)" after those refused. */
		public String timeline(Instant from) {
			var timeline = new StringBuilder();
			for (var call : calls) {
				timeline.append(String.format(" %.2f%s", Duration.between(from, call.at()).toMillis() / 1000.0,
						call.outcome() == Outcome.ACCEPTED ? "" : call.outcome() == Outcome.INJECTED_429 ? "(429)" : "(too soon)"));
			}
			return timeline.toString();
		}

	}

	/**
	 * The floor pacing allows these calls: for each conversation, a second after each message it took
	 * and Retry-After after each 429 the fake chose, up to its last message; the largest sum. A
	 * conversation of none when there were no calls.
	 */
	public static Floor floor(List<Post> posts) {
		var byChannel = new HashMap<String, List<Post>>();
		posts.forEach(post -> byChannel.computeIfAbsent(post.channel(), key -> new ArrayList<>()).add(post));
		var busiest = new Floor(null, 0, List.of());
		for (var entry : byChannel.entrySet()) {
			double seconds = seconds(entry.getValue());
			if (seconds > busiest.seconds()) {
				busiest = new Floor(entry.getKey(), seconds, entry.getValue());
			}
		}
		return busiest;
	}

	/** A conversation's floor: a second after each message it took, Retry-After after each 429 the fake chose. */
	public static double seconds(List<Post> calls) {
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
				case INJECTED_429 -> RETRY_AFTER;
				case TOO_SOON -> 0.0; // Steward's fault, not the floor's
			};
		}
		return seconds;
	}

}
