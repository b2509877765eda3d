package dev.steward.slack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.steward.support.ScriptedFaults;
import dev.steward.support.ScriptedFaults.Fault;

/**
 * A local stand-in for Slack's Web API, the way Slack's own SDK tests itself: it answers the
 * methods the door calls as Slack documents them, keeps the messages it was sent (applying
 * {@code chat.update} in place), records every call, and checks each against Slack's documented
 * limits; what breaks a limit is kept in {@link #violations()}. Response URLs are served too. A
 * method can be made to fail next with a status (429 with Retry-After, or 500), and a test can
 * script {@linkplain ScriptedFaults faults} for a method in one channel: an HTTP status, a slow
 * answer, no answer at all, a connection broken before or after Slack acted.
 * <p>
 * Files arrive as Slack takes them today: {@code files.getUploadURLExternal} (a name and a length)
 * answers a file id and an upload URL, the bytes are POSTed to that URL, and
 * {@code files.completeUploadExternal} shares the uploaded files in a channel as one message. It
 * refuses what Slack refuses: an unknown or already shared file id, bytes of another length than
 * announced, and a file method without the {@code files:write} scope (the app's scopes are the
 * manifest's, {@link SlackManifestTests#SCOPES}, less what a test revokes). A share without a channel
 * is refused too: Slack would keep the files private, where nobody sees them.
 */
final class FakeSlackApi implements AutoCloseable {

	/** One shared server for every Slack test's application context. */
	static final FakeSlackApi SHARED = start();

	/** One recorded call: the Web API method (or {@code response} for a response URL) and its parameters. */
	record Call(String method, Map<String, String> params, JsonObject json, Instant at) {
	}

	/** A message as it now stands in a channel. */
	static final class Posted {

		final String channel;

		final String ts;

		volatile String text;

		volatile JsonArray blocks;

		final JsonObject metadata;

		/** The files shared as this message, in order; empty for a message posted with chat.postMessage. */
		final List<SharedFile> files;

		Posted(String channel, String ts, String text, JsonArray blocks, JsonObject metadata) {
			this(channel, ts, text, blocks, metadata, List.of());
		}

		Posted(String channel, String ts, String text, JsonArray blocks, JsonObject metadata, List<SharedFile> files) {
			this.channel = channel;
			this.ts = ts;
			this.text = text;
			this.blocks = blocks;
			this.metadata = metadata;
			this.files = List.copyOf(files);
		}

		String text() {
			return SlackWorkspace.text(text, blocks);
		}

		/** The message as a person's Slack client shows it now: later updates do not change it. */
		Posted snapshot() {
			return new Posted(channel, ts, text, blocks.deepCopy(), metadata, files);
		}

		boolean hasActions() {
			for (var block : blocks) {
				if ("actions".equals(block.getAsJsonObject().get("type").getAsString())) {
					return true;
				}
			}
			return false;
		}

	}

	/** A file as shared in a channel: what was announced, and the bytes that were uploaded. */
	record SharedFile(String id, String name, String title, String altText, byte[] bytes) {
	}

	/** A file announced with files.getUploadURLExternal, until it is shared. */
	private static final class Upload {

		final String id;

		final String name;

		final int length;

		final String altText;

		volatile byte[] bytes;

		volatile boolean shared;

		Upload(String id, String name, int length, String altText) {
			this.id = id;
			this.name = name;
			this.length = length;
			this.altText = altText;
		}

	}

	private final ScriptedFaults faults = new ScriptedFaults();

	private final HttpServer server;

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final List<String> violations = new CopyOnWriteArrayList<>();

	private final Map<String, List<Posted>> channels = new ConcurrentHashMap<>();

	private final Map<String, java.util.concurrent.CountDownLatch> holds = new ConcurrentHashMap<>();

	private final Map<String, String> locales = new ConcurrentHashMap<>();

	private final Map<String, String> zones = new ConcurrentHashMap<>();

	private final Map<String, Instant> lastPost = new ConcurrentHashMap<>();

	/** A workspace member as users.list, users.info and users.lookupByEmail show them. */
	record Member(String id, String realName, String email, boolean bot, boolean listed) {
	}

	/** The workspace's members, in the order users.list pages through them. */
	private final Map<String, Member> members = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());

	/** The least time between two calls of a method, as its rate-limit tier allows; checked when set. */
	private final Map<String, Duration> tiers = new ConcurrentHashMap<>();

	private final Map<String, Instant> lastCallOf = new ConcurrentHashMap<>();

	private final Map<String, Upload> uploads = new ConcurrentHashMap<>();

	private final Queue<String> lost = new ConcurrentLinkedQueue<>();

	/** How many times bytes were POSTed to an upload URL. */
	private final AtomicLong uploadPosts = new AtomicLong();

	private final java.util.Set<String> scopes = ConcurrentHashMap.newKeySet();

	/** The scope each method needs, where a test may take it away. */
	private static final Map<String, String> NEEDS = Map.of("files.getUploadURLExternal", "files:write",
			"files.completeUploadExternal", "files:write", "chat.postMessage", "chat:write", "users.list", "users:read",
			"users.lookupByEmail", "users:read.email");

	private final AtomicLong clock = new AtomicLong(1_700_000_000_000_000L);

	private volatile Duration pacing = Duration.ZERO;

	/** Told of each message chat.postMessage stored, before Slack's answer goes back (a crash test kills there). */
	private volatile java.util.function.Consumer<Posted> onPost = posted -> {
	};

	private final Gson gson = new Gson();

	private FakeSlackApi(HttpServer server) {
		this.server = server;
		scopes.addAll(SlackManifestTests.SCOPES);
	}

	static FakeSlackApi start() {
		// the JDK server otherwise leaves Nagle on, and every small answer waits for a delayed ACK
		System.setProperty("sun.net.httpserver.nodelay", "true");
		try {
			var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			var fake = new FakeSlackApi(server);
			server.createContext("/api/", fake::api);
			server.createContext("/response/", fake::response);
			server.createContext("/upload/", fake::upload);
			server.setExecutor(Executors.newFixedThreadPool(8, runnable -> {
				var thread = new Thread(runnable, "fake-slack");
				thread.setDaemon(true);
				return thread;
			}));
			server.start();
			return fake;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String apiUrl() {
		return base() + "/api/";
	}

	String base() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** A new response URL, as Slack gives one with each command and click. */
	String responseUrl() {
		return base() + "/response/" + java.util.UUID.randomUUID();
	}

	/** What Slack says of a user in {@code users.info}. */
	void user(String userId, String locale, String zone) {
		locales.put(userId, locale);
		zones.put(userId, zone);
	}

	/**
	 * A member of the workspace: users.info answers their name and profile e-mail (the e-mail only
	 * while the app holds {@code users:read.email}, as Slack does), users.lookupByEmail finds them, and
	 * users.list lists them.
	 */
	void member(String id, String realName, String email) {
		members.put(id, new Member(id, realName, email, false, true));
	}

	/** A bot user of the workspace. */
	void bot(String id, String name) {
		members.put(id, new Member(id, name, null, true, true));
	}

	/** Takes a member out of the workspace (and its users.list). */
	void leave(String id) {
		members.remove(id);
	}

	/**
	 * Checks that two calls of a method are at least this far apart (its rate-limit tier, e.g. users.list's
	 * Tier 2); closer calls are violations.
	 */
	void expectTier(String method, Duration least) {
		tiers.put(method, least);
		lastCallOf.remove(method);
	}

	/** Checks that messages to one channel are at least this far apart. */
	void expectPacing(Duration pacing) {
		this.pacing = pacing;
	}

	/** The next call of this method answers this HTTP status (with Retry-After, if given). */
	void failNext(String method, int status, Integer retryAfterSeconds) {
		fault(method, null, Fault.status(status, retryAfterSeconds), 1);
	}

	/**
	 * The next call of this method is carried out, but its answer is lost (a 500 comes back instead),
	 * as when a connection breaks after Slack acted.
	 */
	void loseNextAnswer(String method) {
		lost.add(method);
	}

	/**
	 * Holds every answer to a method until {@link #release}: a Web API as slow as the test wants,
	 * so a test can show Steward answered Slack without waiting for it.
	 */
	void hold(String method) {
		holds.put(method, new java.util.concurrent.CountDownLatch(1));
	}

	/** Lets the held answers to a method go. */
	void release(String method) {
		var held = holds.remove(method);
		if (held != null) {
			held.countDown();
		}
	}

	/**
	 * The next {@code times} calls of a method in a channel ({@code null}: any call of it) meet this
	 * fault; {@link ScriptedFaults#ALWAYS} is until {@link #clearFaults}.
	 */
	void fault(String method, String channel, Fault fault, int times) {
		faults.add(method, target -> channel == null || channel.equals(target), fault, times);
	}

	/** Takes every scripted fault away, and lets hung calls end. */
	void clearFaults() {
		faults.clear();
	}

	/** Slack's answer to a call a fault refuses: its status, with Retry-After when scripted. */
	private void refuse(HttpExchange exchange, Fault fault) throws IOException {
		if (fault.retryAfter() != null) {
			exchange.getResponseHeaders().add("Retry-After", String.valueOf(fault.retryAfter()));
		}
		send(exchange, fault.status(), "{\"ok\":false,\"error\":\"" + (fault.status() == 429 ? "ratelimited"
				: "internal_error") + "\"}");
	}

	/** Takes a scope from the app, as if it had been installed without it; {@link #grant} gives it back. */
	void revoke(String scope) {
		scopes.remove(scope);
	}

	void grant(String scope) {
		scopes.add(scope);
	}

	/** How many times file bytes were POSTed to an upload URL. */
	long uploadPosts() {
		return uploadPosts.get();
	}

	List<Call> calls() {
		return List.copyOf(calls);
	}

	List<Call> calls(String method) {
		return calls.stream().filter(call -> call.method().equals(method)).toList();
	}

	List<Call> calls(String method, Predicate<Call> which) {
		return calls(method).stream().filter(which).toList();
	}

	List<String> violations() {
		return List.copyOf(violations);
	}

	/** Forgets a violation a test provoked on purpose. */
	void forgive(String violation) {
		violations.remove(violation);
	}

	/** The messages of a channel as they now stand, oldest first. */
	List<Posted> messages(String channel) {
		return channels.getOrDefault(channel, List.of()).stream().map(Posted::snapshot).toList();
	}

	/**
	 * Runs this for each message chat.postMessage stores, on the server's thread, before the answer
	 * is sent: what it does (e.g. kill Steward) happens with the message on Slack and its answer not
	 * yet back.
	 */
	void onPost(java.util.function.Consumer<Posted> listener) {
		this.onPost = listener;
	}

	/** Every message as it now stands, in every channel. */
	List<Posted> allMessages() {
		return channels.values().stream().flatMap(List::stream).map(Posted::snapshot).toList();
	}

	/** Puts a message into a channel as if Steward had posted it before a crash. */
	Posted seed(String channel, String text, JsonObject metadata) {
		return store(channel, text, new JsonArray(), metadata);
	}

	private void api(HttpExchange exchange) throws IOException {
		try (exchange) {
			var method = exchange.getRequestURI().getPath().substring("/api/".length());
			var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			var params = form(body);
			calls.add(new Call(method, params, null, Instant.now()));
			var tier = tiers.get(method);
			if (tier != null) {
				var now = Instant.now();
				var last = lastCallOf.put(method, now);
				if (last != null && Duration.between(last, now).plusMillis(5).compareTo(tier) < 0) {
					violations.add(method + " called again after " + Duration.between(last, now).toMillis()
							+ " ms (its tier allows one every " + tier.toMillis() + " ms)");
				}
			}
			var auth = exchange.getRequestHeaders().getFirst("Authorization");
			if (auth == null || !auth.startsWith("Bearer xoxb-")) {
				violations.add(method + ": no bot token");
			}
			var held = holds.get(method);
			if (held != null) {
				try {
					// bounded, so a failing test cannot hang the server
					held.await(30, java.util.concurrent.TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			var fault = faults.take(method, params.getOrDefault("channel", params.get("channel_id")));
			if (fault != null
					&& faults.carryOut(fault, () -> refuse(exchange, fault), () -> answer(method, params))) {
				return;
			}
			var needed = NEEDS.get(method);
			if (needed != null && !scopes.contains(needed)) {
				send(exchange, 200, gson.toJson(Map.of("ok", false, "error", "missing_scope", "needed", needed,
						"provided", String.join(",", scopes))));
				return;
			}
			var answer = gson.toJson(answer(method, params));
			if (lost.remove(method)) {
				send(exchange, 500, "{\"ok\":false,\"error\":\"internal_error\"}");
				return;
			}
			send(exchange, 200, answer);
		}
	}

	/** An upload URL: takes the bytes of one announced file, as a raw body. */
	private void upload(HttpExchange exchange) throws IOException {
		try (exchange) {
			var id = exchange.getRequestURI().getPath().substring("/upload/".length());
			var bytes = exchange.getRequestBody().readAllBytes();
			calls.add(new Call("upload", Map.of("file", id, "length", String.valueOf(bytes.length)), null,
					Instant.now()));
			var upload = uploads.get(id);
			if (!"POST".equals(exchange.getRequestMethod()) || upload == null || upload.shared) {
				sendText(exchange, 404, "Not Found");
				return;
			}
			uploadPosts.incrementAndGet();
			upload.bytes = bytes;
			sendText(exchange, 200, "OK - " + bytes.length);
		}
	}

	private void response(HttpExchange exchange) throws IOException {
		try (exchange) {
			var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			var json = JsonParser.parseString(body).getAsJsonObject();
			calls.add(new Call("response", Map.of("url", base() + exchange.getRequestURI().getPath()), json,
					Instant.now()));
			if (json.has("blocks")) {
				checkMessage("response", json.getAsJsonArray("blocks"), json.has("text") ? json.get("text").getAsString() : "");
			}
			send(exchange, 200, "ok");
		}
	}

	private Map<String, Object> answer(String method, Map<String, String> params) {
		var ok = new LinkedHashMap<String, Object>();
		ok.put("ok", true);
		switch (method) {
			case "auth.test" -> {
				ok.put("url", base() + "/");
				ok.put("team", "Steward Test");
				ok.put("user", "steward");
				ok.put("team_id", "T01TEST");
				ok.put("user_id", "U01BOT");
				ok.put("bot_id", "B01BOT");
			}
			case "users.info" -> {
				var id = params.get("user");
				var member = members.get(id);
				if (member != null) {
					ok.put("user", user(member));
				}
				else {
					ok.put("user", Map.of("id", id, "name", id.toLowerCase(), "locale", locales.getOrDefault(id, "en-US"),
							"tz", zones.getOrDefault(id, "Europe/London")));
				}
			}
			case "users.list" -> {
				// Slack pages with a cursor: next_cursor is empty on the last page (https://api.slack.com/apis/pagination)
				int limit = Integer.parseInt(params.getOrDefault("limit", "0"));
				if (limit <= 0 || limit > 1000) {
					violations.add("users.list limit " + limit + " (Slack takes at most 1000, suggests 200)");
					limit = 1000;
				}
				var listed = new ArrayList<Member>();
				synchronized (members) {
					members.values().stream().filter(Member::listed).forEach(listed::add);
				}
				int from = params.containsKey("cursor") && !params.get("cursor").isBlank()
						? Integer.parseInt(new String(java.util.Base64.getDecoder().decode(params.get("cursor")),
								StandardCharsets.UTF_8).substring("user:".length()))
						: 0;
				int to = Math.min(listed.size(), from + limit);
				ok.put("members", listed.subList(from, to).stream().map(this::user).toList());
				ok.put("response_metadata", Map.of("next_cursor", to < listed.size() ? java.util.Base64.getEncoder()
					.encodeToString(("user:" + to).getBytes(StandardCharsets.UTF_8)) : ""));
			}
			case "users.lookupByEmail" -> {
				var email = params.getOrDefault("email", "");
				var found = members.values().stream().filter(m -> m.email() != null && m.email().equalsIgnoreCase(email))
					.findFirst();
				if (found.isEmpty()) {
					return Map.of("ok", false, "error", "users_not_found");
				}
				ok.put("user", user(found.get()));
			}
			case "conversations.open" -> ok.put("channel", Map.of("id", "D" + params.get("users")));
			case "conversations.history" -> {
				var messages = new ArrayList<Map<String, Object>>();
				var all = new ArrayList<>(messages(params.get("channel")));
				Collections.reverse(all);
				var oldest = params.get("oldest");
				boolean inclusive = List.of("true", "1").contains(params.get("inclusive"));
				for (var posted : all) {
					if (oldest != null) {
						int order = new java.math.BigDecimal(posted.ts).compareTo(new java.math.BigDecimal(oldest));
						if (order < 0 || (order == 0 && !inclusive)) {
							continue;
						}
					}
					var message = new LinkedHashMap<String, Object>();
					message.put("type", "message");
					message.put("ts", posted.ts);
					message.put("text", posted.text);
					if (!posted.files.isEmpty()) {
						message.put("files", posted.files.stream()
							.map(file -> Map.of("id", file.id(), "name", file.name(), "title", file.title(), "size",
									file.bytes().length))
							.toList());
					}
					if (posted.metadata != null && List.of("true", "1").contains(params.get("include_all_metadata"))) {
						message.put("metadata", posted.metadata);
					}
					messages.add(message);
				}
				ok.put("messages", messages);
			}
			case "chat.postMessage" -> {
				var channel = params.get("channel");
				// a user id as the channel posts to the app's direct messages with them
				if (channel != null && (channel.startsWith("U") || channel.startsWith("W"))) {
					channel = "D" + channel;
				}
				var blocks = array(params.get("blocks"));
				checkMessage(method, blocks, params.getOrDefault("text", ""));
				// Slack: "posting messages: 1 per second" per channel (https://api.slack.com/apis/rate-limits)
				checkPacing(channel);
				var metadata = params.containsKey("metadata") ? JsonParser.parseString(params.get("metadata"))
					.getAsJsonObject() : null;
				var posted = store(channel, params.get("text"), blocks, metadata);
				onPost.accept(posted);
				ok.put("channel", channel);
				ok.put("ts", posted.ts);
			}
			case "chat.update" -> {
				var channel = params.get("channel");
				var blocks = array(params.get("blocks"));
				checkMessage(method, blocks, params.getOrDefault("text", ""));
				// an edit posts nothing: chat.update is a Tier 3 method, limited per workspace, not per channel
				var posted = channels.getOrDefault(channel, List.of())
					.stream()
					.filter(m -> m.ts.equals(params.get("ts")))
					.findFirst();
				if (posted.isEmpty()) {
					return Map.of("ok", false, "error", "message_not_found");
				}
				posted.get().text = params.get("text");
				posted.get().blocks = blocks;
				ok.put("channel", channel);
				ok.put("ts", params.get("ts"));
			}
			case "chat.postEphemeral" -> {
				checkMessage(method, array(params.get("blocks")), params.getOrDefault("text", ""));
				ok.put("message_ts", nextTs());
			}
			case "files.getUploadURLExternal" -> {
				var name = params.get("filename");
				int length;
				try {
					length = Integer.parseInt(params.getOrDefault("length", ""));
				}
				catch (NumberFormatException ex) {
					length = 0;
				}
				if (name == null || name.isBlank() || length <= 0) {
					return Map.of("ok", false, "error", "invalid_arguments");
				}
				var id = "F" + nextTs().replace(".", "");
				uploads.put(id, new Upload(id, name, length, params.get("alt_txt")));
				ok.put("upload_url", base() + "/upload/" + id);
				ok.put("file_id", id);
			}
			case "files.completeUploadExternal" -> {
				var channel = params.get("channel_id");
				if (channel == null || channel.isBlank()) {
					violations.add(method + " without channel_id: the files stay private, nobody sees them");
					return Map.of("ok", false, "error", "invalid_arguments");
				}
				var listed = params.containsKey("files") ? array(params.get("files")) : new JsonArray();
				if (listed.isEmpty()) {
					return Map.of("ok", false, "error", "invalid_arguments");
				}
				var shared = new ArrayList<SharedFile>();
				for (var element : listed) {
					var detail = element.getAsJsonObject();
					var upload = uploads.get(string(detail, "id"));
					if (upload == null || upload.shared || upload.bytes == null) {
						return Map.of("ok", false, "error", "file_not_found");
					}
					if (upload.bytes.length != upload.length) {
						return Map.of("ok", false, "error", "file_upload_size_mismatch");
					}
					var title = detail.has("title") ? string(detail, "title") : upload.name;
					shared.add(new SharedFile(upload.id, upload.name, title, upload.altText, upload.bytes));
				}
				shared.forEach(file -> uploads.get(file.id()).shared = true);
				var posted = new Posted(channel, nextTs(), params.getOrDefault("initial_comment", ""), new JsonArray(),
						null, shared);
				channels.computeIfAbsent(channel, key -> new CopyOnWriteArrayList<>()).add(posted);
				ok.put("files", shared.stream().map(file -> Map.of("id", file.id(), "title", file.title())).toList());
			}
			case "views.open" -> {
				if (params.get("trigger_id") == null) {
					violations.add("views.open without trigger_id");
				}
				checkView(JsonParser.parseString(params.get("view")).getAsJsonObject());
				ok.put("view", Map.of("id", "V" + nextTs().replace(".", "")));
			}
			default -> {
				violations.add("unexpected method " + method);
				return Map.of("ok", false, "error", "unknown_method");
			}
		}
		return ok;
	}

	/** A member as Slack's user object shows them; the profile's e-mail only with users:read.email. */
	private Map<String, Object> user(Member member) {
		var profile = new LinkedHashMap<String, Object>();
		profile.put("real_name", member.realName());
		if (member.email() != null && scopes.contains("users:read.email")) {
			profile.put("email", member.email());
		}
		var user = new LinkedHashMap<String, Object>();
		user.put("id", member.id());
		user.put("name", member.realName().toLowerCase(java.util.Locale.ROOT).replace(' ', '.'));
		user.put("real_name", member.realName());
		user.put("is_bot", member.bot());
		user.put("deleted", false);
		user.put("locale", locales.getOrDefault(member.id(), "en-US"));
		user.put("tz", zones.getOrDefault(member.id(), "Europe/London"));
		user.put("profile", profile);
		return user;
	}

	private Posted store(String channel, String text, JsonArray blocks, JsonObject metadata) {
		var posted = new Posted(channel, nextTs(), text, blocks, metadata);
		channels.computeIfAbsent(channel, key -> new CopyOnWriteArrayList<>()).add(posted);
		return posted;
	}

	private String nextTs() {
		long micros = clock.incrementAndGet();
		return (micros / 1_000_000) + "." + String.format("%06d", micros % 1_000_000);
	}

	private void checkPacing(String channel) {
		var now = Instant.now();
		var last = lastPost.put(channel, now);
		// a little slack for scheduling jitter on a busy machine
		if (last != null && Duration.between(last, now).plusMillis(5).compareTo(pacing) < 0) {
			violations.add("messages to " + channel + " only " + Duration.between(last, now).toMillis() + " ms apart");
		}
	}

	/** Slack's limits for a message's blocks (https://api.slack.com/reference/block-kit/blocks). */
	void checkMessage(String method, JsonArray blocks, String text) {
		if (blocks.size() > 50) {
			violations.add(method + ": " + blocks.size() + " blocks");
		}
		if (text.length() > 40_000) {
			violations.add(method + ": text of " + text.length());
		}
		checkBlocks(method, blocks, false);
	}

	/** Slack's limits for a modal (https://api.slack.com/reference/surfaces/views). */
	void checkView(JsonObject view) {
		var blocks = view.getAsJsonArray("blocks");
		require("views.open", "type modal", "modal".equals(string(view, "type")));
		limit("views.open title", textOf(view.getAsJsonObject("title")), 24);
		if (view.has("submit")) {
			limit("views.open submit", textOf(view.getAsJsonObject("submit")), 24);
		}
		if (view.has("close")) {
			limit("views.open close", textOf(view.getAsJsonObject("close")), 24);
		}
		limit("views.open private_metadata", string(view, "private_metadata"), 3000);
		limit("views.open callback_id", string(view, "callback_id"), 255);
		require("views.open", "at most 100 blocks", blocks.size() <= 100);
		checkBlocks("views.open", blocks, true);
	}

	private void checkBlocks(String method, JsonArray blocks, boolean modal) {
		var blockIds = new HashSet<String>();
		var actionIds = new HashSet<String>();
		for (var element : blocks) {
			var block = element.getAsJsonObject();
			var type = string(block, "type");
			if (block.has("block_id")) {
				limit(method + " block_id", string(block, "block_id"), 255);
				require(method, "unique block_id", blockIds.add(string(block, "block_id")));
			}
			switch (type) {
				case "header" -> {
					require(method, "header is plain_text", "plain_text".equals(string(block.getAsJsonObject("text"), "type")));
					limit(method + " header", textOf(block.getAsJsonObject("text")), 150);
				}
				case "section" -> {
					if (block.has("text")) {
						limit(method + " section", textOf(block.getAsJsonObject("text")), 3000);
					}
					if (block.has("fields")) {
						require(method, "at most 10 fields", block.getAsJsonArray("fields").size() <= 10);
						block.getAsJsonArray("fields").forEach(field -> limit(method + " field",
								textOf(field.getAsJsonObject()), 2000));
					}
					require(method, "section has text or fields", block.has("text") || block.has("fields"));
				}
				case "actions" -> {
					var elements = block.getAsJsonArray("elements");
					require(method, "1-25 elements per actions block", elements.size() >= 1 && elements.size() <= 25);
					for (var e : elements) {
						var button = e.getAsJsonObject();
						limit(method + " button", textOf(button.getAsJsonObject("text")), 75);
						limit(method + " action_id", string(button, "action_id"), 255);
						require(method, "unique action_id", actionIds.add(string(button, "action_id")));
					}
				}
				case "context" -> {
					var elements = block.getAsJsonArray("elements");
					require(method, "1-10 context elements", elements.size() >= 1 && elements.size() <= 10);
					elements.forEach(e -> limit(method + " context", textOf(e.getAsJsonObject()), 3000));
				}
				case "divider" -> {
				}
				case "image" -> {
					limit(method + " image_url", string(block, "image_url"), 3000);
					limit(method + " alt_text", string(block, "alt_text"), 2000);
				}
				case "input" -> {
					require(method, "input only in a modal", modal);
					limit(method + " label", textOf(block.getAsJsonObject("label")), 2000);
					var input = block.getAsJsonObject("element");
					var kind = string(input, "type");
					if ("plain_text_input".equals(kind)) {
						int max = input.has("max_length") ? input.get("max_length").getAsInt() : 3000;
						require(method, "max_length 1..3000", max >= 1 && max <= 3000);
						if (input.has("initial_value")) {
							limit(method + " initial_value", string(input, "initial_value"), max);
						}
					}
					else if ("static_select".equals(kind)) {
						var options = input.getAsJsonArray("options");
						require(method, "1-100 options", options.size() >= 1 && options.size() <= 100);
						for (var o : options) {
							limit(method + " option text", textOf(o.getAsJsonObject().getAsJsonObject("text")), 75);
							limit(method + " option value", string(o.getAsJsonObject(), "value"), 150);
						}
					}
					else if ("users_select".equals(kind)) {
						if (input.has("initial_user")) {
							require(method, "initial_user is a user id", string(input, "initial_user").matches("[UW][A-Z0-9]+"));
						}
					}
					else if ("datepicker".equals(kind)) {
						if (input.has("initial_date")) {
							require(method, "initial_date is YYYY-MM-DD",
									string(input, "initial_date").matches("\\d{4}-\\d{2}-\\d{2}"));
						}
					}
					else if ("external_select".equals(kind)) {
						if (input.has("min_query_length")) {
							require(method, "min_query_length >= 0", input.get("min_query_length").getAsInt() >= 0);
						}
						require(method, "an external select lists no options of its own", !input.has("options"));
						if (input.has("initial_option")) {
							checkOptions(method, List.of(input.getAsJsonObject("initial_option")));
						}
					}
					else {
						violations.add(method + ": unexpected input element " + kind);
					}
					if (input.has("placeholder")) {
						limit(method + " placeholder", textOf(input.getAsJsonObject("placeholder")), 150);
					}
				}
				default -> violations.add(method + ": unknown block type " + type);
			}
		}
	}

	/** Slack's limits for options: in a select, or answering a block_suggestion (at most 100). */
	void checkOptions(String method, List<JsonObject> options) {
		require(method, "at most 100 options", options.size() <= 100);
		for (var option : options) {
			require(method, "option text is plain_text",
					"plain_text".equals(string(option.getAsJsonObject("text"), "type")));
			limit(method + " option text", textOf(option.getAsJsonObject("text")), 75);
			limit(method + " option value", string(option, "value"), 150);
		}
	}

	private void require(String method, String rule, boolean kept) {
		if (!kept) {
			violations.add(method + ": " + rule);
		}
	}

	private void limit(String what, String text, int max) {
		if (text == null || text.isEmpty()) {
			violations.add(what + " is empty");
		}
		else if (text.length() > max) {
			violations.add(what + " is " + text.length() + " characters (limit " + max + ")");
		}
	}

	private static String textOf(JsonObject text) {
		return text == null ? null : string(text, "text");
	}

	private static String string(JsonObject object, String name) {
		var value = object == null ? null : object.get(name);
		return value == null || value.isJsonNull() ? null : value.getAsString();
	}

	private static JsonArray array(String json) {
		if (json == null) {
			return new JsonArray();
		}
		JsonElement parsed = JsonParser.parseString(json);
		return parsed.getAsJsonArray();
	}

	private static Map<String, String> form(String body) {
		var params = new LinkedHashMap<String, String>();
		for (var pair : body.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			var key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			var value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			params.put(key, value);
		}
		return params;
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		var bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	private static void sendText(HttpExchange exchange, int status, String body) throws IOException {
		var bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	@Override
	public void close() {
		faults.releaseHung();
		server.stop(0);
	}

}
