package dev.steward.discord;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.steward.support.ScriptedFaults;
import dev.steward.support.ScriptedFaults.Fault;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * A local Discord for tests: the REST API (the routes Steward uses, recorded) and the gateway
 * (HELLO, IDENTIFY → READY and GUILD_CREATE, heartbeats, RESUME, and interactions it is told to
 * send, zlib-stream compressed when asked), both speaking Discord's JSON, so real JDA runs against
 * it unchanged. It keeps messages as Discord would:
 * a post with a nonce it has seen in that channel answers the message already posted, an edit
 * replaces the message, and a route told to be rate limited answers 429 with {@code Retry-After}.
 * <p>
 * A message with files arrives as Discord takes it: {@code multipart/form-data} with the message in
 * the {@code payload_json} part and each file in a {@code files[n]} part, matched by the payload's
 * {@code attachments[].id}. Each file becomes an attachment with the content type Discord infers from
 * its name; a file over {@link DiscordLimits#FILE_BYTES} is refused with Discord's 413 (code 40005),
 * and an edit keeps the attachments unless it lists the ones to keep.
 * <p>
 * A test can script {@linkplain ScriptedFaults faults} for a route (5xx, 429 with Retry-After, slow
 * and hung answers, connections broken before or after Discord acted) and break the gateway: drop
 * its connections (close code 4000, resumable), reset them without a close (1006), or invalidate
 * the session so the bot must identify again.
 */
public final class FakeDiscord implements AutoCloseable {

	public static final String BOT_ID = "900000000000000001";

	public static final String GUILD_ID = "800000000000000001";

	/** How long a REST call may take in tests before JDA gives up on it. */
	public static final String API_TIMEOUT = "4s";

	/** The guild's text channels by name: {@code general}, {@code consulting}, {@code delivery}. */
	/** The guild's roles beside {@code @everyone}, by name: {@code Management}, {@code HR}. */
	public static final Map<String, String> ROLES = Map.of("Management", "600000000000000001", "HR",
			"600000000000000002");

	public static final Map<String, String> CHANNELS = Map.of("general", "700000000000000001", "consulting",
			"700000000000000002", "delivery", "700000000000000003");

	private static final String PERMISSIONS = "2248473465835073";

	private final HttpServer rest;

	private final Gateway gateway;

	private final AtomicLong snowflakes = new AtomicLong();

	private final AtomicInteger sequence = new AtomicInteger();

	private final AtomicInteger componentIds = new AtomicInteger(1000);

	private final AtomicInteger resumes = new AtomicInteger();

	private final AtomicInteger identifies = new AtomicInteger();

	/** The connections that have identified and are still open: sessions receiving interactions. */
	private final java.util.Set<WebSocket> sessions = ConcurrentHashMap.newKeySet();

	private final AtomicInteger mostSessions = new AtomicInteger();

	private final ScriptedFaults faults = new ScriptedFaults();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final Map<String, DataObject> messages = new ConcurrentHashMap<>();

	private final Map<String, String> nonces = new ConcurrentHashMap<>();

	/** The files each message was created with, by message id. */
	private final Map<String, List<Part>> files = new ConcurrentHashMap<>();

	private final Map<String, String> dmChannels = new ConcurrentHashMap<>();

	private final Map<String, Interaction> interactions = new ConcurrentHashMap<>();

	private final Map<String, Integer> rateLimited = new ConcurrentHashMap<>();

	private final Map<String, Integer> failures = new ConcurrentHashMap<>();

	private final Map<String, Integer> emptyBuckets = new ConcurrentHashMap<>();

	private volatile DataArray guildCommands = DataArray.empty();

	private volatile DataArray globalCommands = DataArray.empty();

	private final java.util.Set<String> closedDms = ConcurrentHashMap.newKeySet();

	private final CompletableFuture<DataObject> identified = new CompletableFuture<>();

	/** One REST call as it arrived; for a multipart one, the body is its {@code payload_json}. */
	public record Call(Instant at, String method, String path, String body, List<Part> files) {

		public Call(Instant at, String method, String path, String body) {
			this(at, method, path, body, List.of());
		}

		public DataObject json() {
			return DataObject.fromJson(body);
		}

	}

	/** One file part of a multipart request: its form field ({@code files[n]}), name, declared type and bytes. */
	public record Part(String field, String filename, String contentType, byte[] bytes) {
	}

	/**
	 * What the bot answered an interaction: the callback, and for a deferral what followed it.
	 *
	 * @param origin the message whose component was used, or {@code null}
	 */
	public record Answer(int type, DataObject data, DataObject origin) {

		public Answer(int type, DataObject data) {
			this(type, data, null);
		}

		/** The same answer, remembering the message it came from. */
		public Answer from(DataObject message) {
			return new Answer(type, data, message);
		}

		public static final int MESSAGE = 4;

		public static final int DEFERRED_MESSAGE = 5;

		public static final int DEFERRED_UPDATE = 6;

		public static final int UPDATE_MESSAGE = 7;

		public static final int MODAL = 9;

		public boolean modal() {
			return type == MODAL;
		}

		/** Whether only the actor sees it: an ephemeral reply, or an edit of an ephemeral message. */
		public boolean ephemeral() {
			return data != null && ((data.getInt("flags", 0) & 64) != 0
					|| type == UPDATE_MESSAGE && origin != null && (origin.getInt("flags", 0) & 64) != 0);
		}

	}

	private static final class Interaction {

		final CompletableFuture<Answer> answer = new CompletableFuture<>();

		volatile int callbackType;

	}

	public FakeDiscord() {
		try {
			rest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			rest.setExecutor(Executors.newFixedThreadPool(4));
			rest.createContext("/", this::serve);
			rest.start();
			gateway = new Gateway();
			gateway.setReuseAddr(true);
			gateway.start();
			gateway.started.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Fake Discord did not start", ex);
		}
	}

	/**
	 * Points an application under test at this Discord: turns the Discord door on (which turns the
	 * playground off) and registers the commands in the fake guild. Use from a
	 * {@code @DynamicPropertySource} method.
	 */
	public void configure(org.springframework.test.context.DynamicPropertyRegistry registry) {
		registry.add("DISCORD_BOT_TOKEN", () -> "fake-bot-token");
		registry.add("steward.discord.api-url", this::apiUrl);
		registry.add("steward.discord.gateway-url", this::gatewayUrl);
		registry.add("steward.discord.guild-id", () -> GUILD_ID);
		// a hung call ends soon in tests; long enough for any answer this fake gives on time
		registry.add("steward.discord.api-timeout", () -> API_TIMEOUT);
	}

	public String apiUrl() {
		return "http://127.0.0.1:" + rest.getAddress().getPort() + "/api/v10/";
	}

	public String gatewayUrl() {
		return "ws://127.0.0.1:" + gateway.getPort();
	}

	/** The guild text channel id of a channel name. */
	public static String channel(String name) {
		var id = CHANNELS.get(name);
		if (id == null) {
			throw new IllegalArgumentException("No channel " + name);
		}
		return id;
	}

	/** The DM channel Steward opened with a user, if it did. */
	public String dmChannel(String userId) {
		return dmChannels.get(userId);
	}

	public List<Call> calls() {
		return List.copyOf(calls);
	}

	public List<Call> calls(String method, String pathPattern) {
		var pattern = Pattern.compile(pathPattern);
		return calls.stream()
			.filter(call -> call.method().equals(method) && pattern.matcher(call.path()).matches())
			.toList();
	}

	/** The commands as Discord keeps them: the guild's, or the global ones when the guild has none. */
	public DataArray commands() {
		return guildCommands.isEmpty() ? globalCommands : guildCommands;
	}

	public DataArray globalCommands() {
		return globalCommands;
	}

	/** The next {@code count} calls to a route answer 500, as Discord does when it has trouble. */
	public synchronized void failWithServerError(String method, String pathPattern, int count) {
		failures.put(method + " " + pathPattern, count);
	}

	/**
	 * The next {@code times} REST calls of a method to a path matching the pattern (e.g.
	 * {@code /channels/\\d+/messages}) meet this fault; {@link ScriptedFaults#ALWAYS} is until
	 * {@link #clearFaults}.
	 */
	public void fault(String method, String pathPattern, Fault fault, int times) {
		faults.add(method, Pattern.compile(pathPattern).asMatchPredicate(), fault, times);
	}

	/** Takes every scripted fault away, and lets hung calls end. */
	public void clearFaults() {
		faults.clear();
	}

	/** From now on, the user accepts no DMs from the bot (Discord answers 403, code 50007). */
	public void closeDirectMessages(String userId) {
		closedDms.add(userId);
	}

	/** Messages in a channel as they now stand, oldest first. */
	public List<DataObject> messagesIn(String channelId) {
		return messages.values()
			.stream()
			.filter(message -> message.getString("channel_id").equals(channelId))
			.sorted(java.util.Comparator.comparingLong(message -> message.getLong("id")))
			.toList();
	}

	public DataObject message(String messageId) {
		return messages.get(messageId);
	}

	/** The files a message was created with, as they arrived. */
	public List<Part> files(String messageId) {
		return files.getOrDefault(messageId, List.of());
	}

	/** The next {@code count} calls to a route answer 429, asking to retry after a second. */
	public synchronized void rateLimit(String method, String pathPattern, int count) {
		rateLimited.put(method + " " + pathPattern, count);
	}

	/**
	 * The next {@code count} answers on a route say its bucket is now empty until a second from
	 * now ({@code X-RateLimit-Remaining: 0}, {@code X-RateLimit-Reset-After: 1}), as Discord does
	 * on a channel's fifth message within five seconds; the fake does not refuse the next request.
	 */
	public synchronized void emptyBucket(String method, String pathPattern, int count) {
		emptyBuckets.put(method + " " + pathPattern, count);
	}

	/** Whether a bot has identified on the gateway. */
	public boolean identified() {
		return identified.isDone();
	}

	/** How many gateway sessions have identified, over all connections so far. */
	public int identifications() {
		return identifies.get();
	}

	/** How many gateway connections are open now. */
	public int connections() {
		return gateway.getConnections().size();
	}

	/** The most identified sessions that were open at once, each receiving every interaction. */
	public int mostSessionsAtOnce() {
		return mostSessions.get();
	}

	/** What the bot sent with IDENTIFY (token, intents, properties), once it has. */
	public DataObject identify() {
		return identified.getNow(null);
	}

	// --- interactions ---------------------------------------------------------------------------

	/** Sends an interaction over the gateway; the answer completes once the bot has responded. */
	public CompletableFuture<Answer> interact(DataObject interaction) {
		var id = next();
		interaction.put("id", id)
			.put("application_id", BOT_ID)
			.put("token", "token-" + id)
			.put("version", 1)
			.put("entitlements", DataArray.empty())
			.put("app_permissions", PERMISSIONS)
			.put("attachment_size_limit", 10485760);
		var pending = new Interaction();
		interactions.put(id, pending);
		dispatch("INTERACTION_CREATE", interaction);
		return pending.answer;
	}

	/** The parts of an interaction that say who and where: a guild channel, or the user's DM. */
	public DataObject context(String userId, String username, String channelName, String locale) {
		return context(userId, username, channelName, locale, List.of());
	}

	/** The same, for a member holding the given guild roles. */
	public DataObject context(String userId, String username, String channelName, String locale,
			List<String> roles) {
		var user = user(userId, username);
		var interaction = DataObject.empty().put("locale", locale);
		if (channelName == null) {
			var channel = dmChannels.computeIfAbsent(userId, id -> next());
			interaction.put("user", user)
				.put("channel_id", channel)
				.put("channel", DataObject.empty().put("id", channel).put("type", 1).put("flags", 0)
					.put("recipients", DataArray.empty().add(user)))
				.put("context", 1)
				.put("authorizing_integration_owners", DataObject.empty().put("0", GUILD_ID));
		}
		else {
			var channel = channel(channelName);
			interaction.put("guild_id", GUILD_ID)
				.put("guild", DataObject.empty().put("id", GUILD_ID).put("locale", "en-US")
					.put("features", DataArray.empty()))
				.put("guild_locale", "en-US")
				.put("channel_id", channel)
				.put("channel", textChannel(channelName, channel))
				.put("member", member(user).put("roles", DataArray.fromCollection(roles)))
				.put("context", 0)
				.put("authorizing_integration_owners", DataObject.empty().put("0", GUILD_ID));
		}
		return interaction;
	}

	static DataObject user(String id, String username) {
		return DataObject.empty()
			.put("id", id)
			.put("username", username)
			.put("discriminator", "0")
			.put("global_name", username)
			.put("avatar", null)
			.put("public_flags", 0);
	}

	static DataObject member(DataObject user) {
		return DataObject.empty()
			.put("user", user)
			.put("roles", DataArray.empty())
			.put("joined_at", "2026-01-05T09:00:00.000000+00:00")
			.put("deaf", false)
			.put("mute", false)
			.put("flags", 0)
			.put("pending", false)
			.put("nick", null)
			.put("avatar", null)
			.put("permissions", PERMISSIONS);
	}

	// --- REST -----------------------------------------------------------------------------------

	private static final Pattern API = Pattern.compile("/api/v\\d+(/.*)");

	private void serve(HttpExchange exchange) throws IOException {
		try (exchange) {
			var method = exchange.getRequestMethod();
			var matcher = API.matcher(exchange.getRequestURI().getPath());
			var path = matcher.matches() ? matcher.group(1) : exchange.getRequestURI().getPath();
			var raw = exchange.getRequestBody().readAllBytes();
			var type = exchange.getRequestHeaders().getFirst("Content-Type");
			var body = new String(raw, StandardCharsets.UTF_8);
			List<Part> parts = List.of();
			if (type != null && type.startsWith("multipart/form-data")) {
				var all = multipart(raw, type.substring(type.indexOf("boundary=") + "boundary=".length()).replace("\"", ""));
				body = all.stream().filter(part -> part.field().equals("payload_json")).findFirst()
					.map(part -> new String(part.bytes(), StandardCharsets.UTF_8)).orElse("");
				parts = all.stream().filter(part -> part.field().startsWith("files[")).toList();
			}
			calls.add(new Call(Instant.now(), method, path, body, parts));
			var fault = faults.take(method, path);
			var text = body;
			var files = parts;
			if (fault != null
					&& faults.carryOut(fault, () -> refuse(exchange, fault), () -> route(method, path, text, files))) {
				return;
			}
			var tooBig = parts.stream().filter(part -> part.bytes().length > DiscordLimits.FILE_BYTES).findFirst();
			if (tooBig.isPresent()) {
				send(exchange, 413, DataObject.empty().put("message", "Request entity too large").put("code", 40005));
				return;
			}
			if (failing(method, path)) {
				send(exchange, 500, DataObject.empty().put("message", "500: Internal Server Error").put("code", 0));
				return;
			}
			if (limited(method, path)) {
				exchange.getResponseHeaders().add("Retry-After", "1");
				exchange.getResponseHeaders().add("X-RateLimit-Scope", "user");
				send(exchange, 429, DataObject.empty().put("message", "You are being rate limited.")
					.put("retry_after", 1.0).put("global", false));
				return;
			}
			var answer = route(method, path, body, parts);
			if (emptied(method, path)) {
				exchange.getResponseHeaders().add("X-RateLimit-Limit", "5");
				exchange.getResponseHeaders().add("X-RateLimit-Remaining", "0");
				exchange.getResponseHeaders().add("X-RateLimit-Reset-After", "1.000");
			}
			send(exchange, answer.status(), answer.body());
		}
		catch (RuntimeException ex) {
			ex.printStackTrace();
			send(exchange, 500, DataObject.empty().put("message", String.valueOf(ex)).put("code", 0));
		}
	}

	/** Discord's answer to a call a fault refuses: a 429 as Discord words it, or a server error. */
	private void refuse(HttpExchange exchange, Fault fault) throws IOException {
		if (fault.status() == 429) {
			int after = fault.retryAfter() == null ? 1 : fault.retryAfter();
			exchange.getResponseHeaders().add("Retry-After", String.valueOf(after));
			exchange.getResponseHeaders().add("X-RateLimit-Scope", "user");
			send(exchange, 429, DataObject.empty().put("message", "You are being rate limited.")
				.put("retry_after", (double) after).put("global", false));
		}
		else {
			send(exchange, fault.status(), DataObject.empty().put("message", fault.status() + ": Server Error")
				.put("code", 0));
		}
	}

	private synchronized boolean failing(String method, String path) {
		return take(failures, method, path);
	}

	private synchronized boolean limited(String method, String path) {
		return take(rateLimited, method, path);
	}

	private synchronized boolean emptied(String method, String path) {
		return take(emptyBuckets, method, path);
	}

	private static boolean take(Map<String, Integer> counts, String method, String path) {
		for (var key : counts.keySet()) {
			int space = key.indexOf(' ');
			int left = counts.get(key);
			if (left > 0 && key.substring(0, space).equals(method) && path.matches(key.substring(space + 1))) {
				counts.put(key, left - 1);
				return true;
			}
		}
		return false;
	}

	private record Response(int status, Object body) {
	}

	private Response route(String method, String path, String raw, List<Part> parts) {
		var body = raw.isEmpty() || raw.startsWith("[") ? null : DataObject.fromJson(raw);
		Matcher m;
		if (method.equals("GET") && path.equals("/users/@me")) {
			return ok(user(BOT_ID, "Steward").put("bot", true).put("verified", true).put("flags", 0)
				.put("mfa_enabled", false));
		}
		if (method.equals("GET") && path.startsWith("/gateway")) {
			return ok(DataObject.empty().put("url", gatewayUrl()).put("shards", 1));
		}
		if (method.equals("GET") && path.equals("/applications/@me")) {
			return ok(DataObject.empty().put("id", BOT_ID).put("name", "Steward").put("flags", 0));
		}
		if (method.equals("PUT") && path.matches("/applications/\\d+(/guilds/\\d+)?/commands")) {
			var array = DataArray.fromJson(raw);
			var registered = DataArray.empty();
			for (int i = 0; i < array.length(); i++) {
				registered.add(array.getObject(i).put("id", next()).put("application_id", BOT_ID).put("version", next()));
			}
			if (path.contains("/guilds/")) {
				guildCommands = registered;
			}
			else {
				globalCommands = registered;
			}
			return ok(registered);
		}
		if ((m = match("/interactions/(\\d+)/([^/]+)/callback", path)) != null && method.equals("POST")) {
			var pending = interactions.get(m.group(1));
			if (pending == null) {
				return new Response(404, DataObject.empty().put("message", "Unknown interaction").put("code", 10062));
			}
			int type = body.getInt("type");
			if (pending.callbackType != 0) {
				return new Response(400,
						DataObject.empty().put("message", "Interaction has already been acknowledged.").put("code", 40060));
			}
			pending.callbackType = type;
			var data = body.optObject("data").orElse(null);
			if (type != Answer.DEFERRED_MESSAGE) {
				pending.answer.complete(new Answer(type, data));
			}
			return new Response(204, null);
		}
		if ((m = match("/webhooks/(\\d+)/token-(\\d+)/messages/@original", path)) != null) {
			var pending = interactions.get(m.group(2));
			var message = stored(next(), "0", body);
			if (pending != null) {
				pending.answer.complete(new Answer(Answer.DEFERRED_MESSAGE, body));
			}
			return ok(message);
		}
		if ((m = match("/webhooks/(\\d+)/token-(\\d+)", path)) != null && method.equals("POST")) {
			var pending = interactions.get(m.group(2));
			if (pending != null) {
				pending.answer.complete(new Answer(Answer.MESSAGE, body));
			}
			return ok(stored(next(), "0", body));
		}
		if (method.equals("POST") && path.equals("/users/@me/channels")) {
			var recipient = body.getString("recipient_id");
			var channel = dmChannels.computeIfAbsent(recipient, id -> next());
			return ok(DataObject.empty().put("id", channel).put("type", 1).put("flags", 0).put("last_message_id", null)
				.put("recipients", DataArray.empty().add(user(recipient, "user" + recipient))));
		}
		if ((m = match("/channels/(\\d+)/messages", path)) != null && method.equals("POST")) {
			var channel = m.group(1);
			if (!CHANNELS.containsValue(channel) && !dmChannels.containsValue(channel)) {
				return new Response(404, DataObject.empty().put("message", "Unknown Channel").put("code", 10003));
			}
			var closed = dmChannels.entrySet().stream()
				.anyMatch(dm -> dm.getValue().equals(channel) && closedDms.contains(dm.getKey()));
			if (closed) {
				return new Response(403,
						DataObject.empty().put("message", "Cannot send messages to this user").put("code", 50007));
			}
			var nonce = body.getString("nonce", null);
			if (nonce != null && body.getBoolean("enforce_nonce")) {
				var earlier = nonces.get(channel + "/" + nonce);
				if (earlier != null) {
					return ok(messages.get(earlier));
				}
			}
			var message = stored(next(), channel, body);
			var problems = DiscordLimits.files(parts.stream().map(part -> part.bytes().length).toList());
			if (!problems.isEmpty()) {
				return new Response(400, DataObject.empty().put("message", "Invalid Form Body: " + problems)
					.put("code", 50035));
			}
			message.put("attachments", attachments(body, parts));
			files.put(message.getString("id"), parts);
			messages.put(message.getString("id"), message);
			if (nonce != null) {
				nonces.put(channel + "/" + nonce, message.getString("id"));
			}
			return ok(message);
		}
		if ((m = match("/channels/(\\d+)/messages/(\\d+)", path)) != null && method.equals("PATCH")) {
			var old = messages.get(m.group(2));
			if (old == null || !old.getString("channel_id").equals(m.group(1))) {
				return new Response(404, DataObject.empty().put("message", "Unknown Message").put("code", 10008));
			}
			var message = stored(m.group(2), m.group(1), body).put("edited_timestamp", Instant.now().toString());
			message.put("attachments", kept(old.getArray("attachments"), body));
			messages.put(m.group(2), message);
			return ok(message);
		}
		return new Response(404, DataObject.empty().put("message", "404: Not Found").put("code", 0));
	}

	/** A new message's attachments as Discord returns them: one for each file part the payload lists. */
	private DataArray attachments(DataObject body, List<Part> parts) {
		var listed = body == null ? DataArray.empty() : body.optArray("attachments").orElseGet(DataArray::empty);
		var attachments = DataArray.empty();
		for (int i = 0; i < listed.length(); i++) {
			var wanted = listed.getObject(i);
			var field = "files[" + wanted.getString("id") + "]";
			var part = parts.stream().filter(p -> p.field().equals(field)).findFirst().orElse(null);
			if (part == null) {
				continue;
			}
			var id = next();
			var name = wanted.getString("filename", part.filename());
			var attachment = DataObject.empty()
				.put("id", id)
				.put("filename", name)
				.put("size", part.bytes().length)
				.put("content_type", contentType(name))
				.put("url", "https://cdn.discordapp.com/attachments/0/" + id + "/" + name)
				.put("proxy_url", "https://media.discordapp.net/attachments/0/" + id + "/" + name);
			wanted.opt("description").ifPresent(description -> attachment.put("description", description));
			attachments.add(attachment);
		}
		return attachments;
	}

	/** An edit keeps every attachment, unless it lists the ones to keep. */
	private static DataArray kept(DataArray old, DataObject body) {
		if (body == null || !body.hasKey("attachments")) {
			return old;
		}
		var keep = new java.util.HashSet<String>();
		var listed = body.getArray("attachments");
		for (int i = 0; i < listed.length(); i++) {
			keep.add(listed.getObject(i).getString("id"));
		}
		var kept = DataArray.empty();
		for (int i = 0; i < old.length(); i++) {
			if (keep.contains(old.getObject(i).getString("id"))) {
				kept.add(old.getObject(i));
			}
		}
		return kept;
	}

	/** The content type Discord gives an attachment, from its name. */
	private static String contentType(String name) {
		var lower = name.toLowerCase(java.util.Locale.ROOT);
		if (lower.endsWith(".png")) {
			return "image/png";
		}
		if (lower.endsWith(".csv")) {
			return "text/csv; charset=utf-8";
		}
		if (lower.endsWith(".md")) {
			return "text/markdown; charset=utf-8";
		}
		if (lower.endsWith(".zip")) {
			return "application/zip";
		}
		return "application/octet-stream";
	}

	/** The parts of a {@code multipart/form-data} body. */
	private static List<Part> multipart(byte[] body, String boundary) {
		var delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		var parts = new java.util.ArrayList<Part>();
		int at = indexOf(body, delimiter, 0);
		while (at >= 0) {
			int start = at + delimiter.length;
			if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
				break;
			}
			start += 2; // CRLF after the delimiter
			int next = indexOf(body, delimiter, start);
			if (next < 0) {
				break;
			}
			int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
			var headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
			var content = java.util.Arrays.copyOfRange(body, headersEnd + 4, next - 2);
			String field = null;
			String filename = null;
			String type = null;
			for (var line : headers.split("\r\n")) {
				var lower = line.toLowerCase(java.util.Locale.ROOT);
				if (lower.startsWith("content-disposition:")) {
					field = parameter(line, "name");
					filename = parameter(line, "filename");
				}
				else if (lower.startsWith("content-type:")) {
					type = line.substring(line.indexOf(':') + 1).strip();
				}
			}
			parts.add(new Part(field, filename, type, content));
			at = next;
		}
		return parts;
	}

	private static String parameter(String header, String name) {
		var m = Pattern.compile("(?:^|;)\\s*" + name + "=\"([^\"]*)\"").matcher(header.substring(header.indexOf(':') + 1));
		return m.find() ? m.group(1) : null;
	}

	private static int indexOf(byte[] haystack, byte[] needle, int from) {
		outer: for (int i = from; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static Matcher match(String regex, String path) {
		var m = Pattern.compile(regex).matcher(path);
		return m.matches() ? m : null;
	}

	/** An ephemeral answer as the message it became, so its buttons can be clicked. */
	public DataObject ephemeral(DataObject sent) {
		return stored(next(), "0", sent).put("flags", 64);
	}

	/** A message as Discord returns it: what was sent, with ids, author and timestamps. */
	private DataObject stored(String id, String channel, DataObject sent) {
		var message = DataObject.empty()
			.put("id", id)
			.put("channel_id", channel)
			.put("type", 0)
			.put("author", user(BOT_ID, "Steward").put("bot", true))
			.put("content", sent == null ? "" : sent.getString("content", ""))
			.put("timestamp", Instant.now().toString())
			.put("edited_timestamp", null)
			.put("tts", false)
			.put("mention_everyone", false)
			.put("mentions", DataArray.empty())
			.put("mention_roles", DataArray.empty())
			.put("attachments", DataArray.empty())
			.put("embeds", embeds(sent))
			.put("components", withIds(sent == null ? DataArray.empty()
					: sent.optArray("components").orElseGet(DataArray::empty)))
			.put("pinned", false)
			.put("flags", sent == null ? 0 : sent.getInt("flags", 0));
		if (sent != null && sent.hasKey("nonce")) {
			message.put("nonce", sent.getString("nonce"));
		}
		return message;
	}

	/** Embeds as Discord returns them: each with its type. */
	private static DataArray embeds(DataObject sent) {
		var embeds = sent == null ? DataArray.empty() : sent.optArray("embeds").orElseGet(DataArray::empty);
		for (int i = 0; i < embeds.length(); i++) {
			embeds.getObject(i).put("type", "rich");
		}
		return embeds;
	}

	/** Discord numbers every component; JDA 6 reads those numbers back. */
	private DataArray withIds(DataArray components) {
		for (int i = 0; i < components.length(); i++) {
			var component = components.getObject(i);
			if (!component.hasKey("id")) {
				component.put("id", componentIds.incrementAndGet());
			}
			component.optArray("components").ifPresent(this::withIds);
		}
		return components;
	}

	private static Response ok(Object body) {
		return new Response(200, body);
	}

	private static void send(HttpExchange exchange, int status, Object body) throws IOException {
		exchange.getResponseHeaders().add("via", "1.1 google");
		if (body == null) {
			exchange.sendResponseHeaders(status, -1);
			return;
		}
		var bytes = body.toString().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	/** A fresh snowflake: its time part is now, as JDA reads an interaction's age from its id. */
	String next() {
		long time = System.currentTimeMillis() - 1420070400000L;
		return String.valueOf(snowflakes.updateAndGet(last -> Math.max(last + 1, time << 22)));
	}

	// --- gateway --------------------------------------------------------------------------------

	private void dispatch(String type, DataObject data) {
		var frame = DataObject.empty().put("op", 0).put("t", type).put("s", sequence.incrementAndGet()).put("d", data);
		gateway.getConnections().forEach(socket -> send(socket, frame.toString()));
	}

	/**
	 * Sends one gateway payload: as a text frame, or, when the bot asked for {@code zlib-stream}
	 * (JDA's default), through the connection's one deflater, each payload ending in a sync flush,
	 * as Discord does.
	 */
	private static void send(WebSocket socket, String payload) {
		java.util.zip.Deflater deflater = socket.getAttachment();
		if (deflater == null) {
			socket.send(payload);
			return;
		}
		synchronized (deflater) {
			deflater.setInput(payload.getBytes(StandardCharsets.UTF_8));
			var out = new java.io.ByteArrayOutputStream();
			var buffer = new byte[8192];
			int length;
			do {
				length = deflater.deflate(buffer, 0, buffer.length, java.util.zip.Deflater.SYNC_FLUSH);
				out.write(buffer, 0, length);
			}
			while (length == buffer.length);
			socket.send(out.toByteArray());
		}
	}

	/** Drops every gateway connection as Discord does when it restarts a node (close code 4000). */
	public void dropConnections() {
		gateway.getConnections().forEach(socket -> socket.close(4000, "Unknown error"));
	}

	/**
	 * Breaks every gateway connection without a closing handshake, as a network failure does: the
	 * bot sees the connection gone (1006) and must connect again and resume.
	 */
	public void resetConnections() {
		gateway.getConnections().forEach(socket -> ((org.java_websocket.WebSocketImpl) socket)
			.closeConnection(org.java_websocket.framing.CloseFrame.ABNORMAL_CLOSE, "connection reset"));
	}

	/**
	 * Tells every connected bot its session is no longer valid and cannot be resumed (opcode 9, as
	 * Discord sends after a long outage): the bot must identify anew.
	 */
	public void invalidateSessions() {
		gateway.getConnections().forEach(socket -> send(socket, DataObject.empty().put("op", 9).put("d", false)
			.toString()));
	}

	/** How many times a bot identified (started a new session) on the gateway. */
	public int identifies() {
		return identifies.get();
	}

	/** How often a bot resumed its session after a dropped connection. */
	public int resumes() {
		return resumes.get();
	}

	/** Whether the bot's gateway connections use zlib-stream compression. */
	public boolean compressed() {
		return !gateway.getConnections().isEmpty()
				&& gateway.getConnections().stream().allMatch(socket -> socket.getAttachment() != null);
	}

	private DataObject ready() {
		return DataObject.empty()
			.put("v", 10)
			.put("user", user(BOT_ID, "Steward").put("bot", true).put("verified", true).put("flags", 0)
				.put("mfa_enabled", false))
			.put("guilds", DataArray.empty().add(DataObject.empty().put("id", GUILD_ID).put("unavailable", true)))
			.put("session_id", "session-" + next())
			.put("resume_gateway_url", gatewayUrl())
			.put("application", DataObject.empty().put("id", BOT_ID).put("flags", 0))
			.put("private_channels", DataArray.empty())
			.put("relationships", DataArray.empty())
			.put("presences", DataArray.empty())
			.put("user_settings", DataObject.empty())
			.put("guild_join_requests", DataArray.empty())
			.put("_trace", DataArray.empty());
	}

	private DataObject guild() {
		var channels = DataArray.empty();
		var names = new LinkedHashMap<>(new java.util.TreeMap<>(CHANNELS));
		names.forEach((name, id) -> channels.add(textChannel(name, id)));
		var roles = DataArray.empty().add(role(GUILD_ID, "@everyone", 0));
		new java.util.TreeMap<>(ROLES).forEach((name, id) -> roles.add(role(id, name, 1)));
		return DataObject.empty()
			.put("id", GUILD_ID)
			.put("name", "Steward Consulting")
			.put("owner_id", "100000000000000009")
			.put("preferred_locale", "en-US")
			.put("features", DataArray.empty())
			.put("roles", roles)
			.put("channels", channels)
			.put("threads", DataArray.empty())
			.put("emojis", DataArray.empty())
			.put("stickers", DataArray.empty())
			.put("members", DataArray.empty().add(member(user(BOT_ID, "Steward").put("bot", true))))
			.put("presences", DataArray.empty())
			.put("voice_states", DataArray.empty())
			.put("guild_scheduled_events", DataArray.empty())
			.put("stage_instances", DataArray.empty())
			.put("soundboard_sounds", DataArray.empty())
			.put("afk_timeout", 300)
			.put("member_count", 9)
			.put("large", false)
			.put("unavailable", false)
			.put("premium_progress_bar_enabled", false)
			.put("joined_at", "2026-01-05T09:00:00.000000+00:00")
			.put("mfa_level", 0)
			.put("nsfw_level", 0)
			.put("verification_level", 0);
	}

	/** A role as Discord sends it; JDA 6.5 reads its {@code colors}. */
	private static DataObject role(String id, String name, int position) {
		return DataObject.empty()
			.put("id", id)
			.put("name", name)
			.put("color", 0)
			.put("colors", DataObject.empty().put("primary_color", 0).put("secondary_color", null)
				.put("tertiary_color", null))
			.put("hoist", false)
			.put("position", position)
			.put("permissions", PERMISSIONS)
			.put("managed", false)
			.put("mentionable", false)
			.put("flags", 0);
	}

	private static DataObject textChannel(String name, String id) {
		return DataObject.empty()
			.put("id", id)
			.put("type", 0)
			.put("guild_id", GUILD_ID)
			.put("name", name)
			.put("position", 0)
			.put("permission_overwrites", DataArray.empty())
			.put("parent_id", null)
			.put("topic", null)
			.put("nsfw", false)
			.put("rate_limit_per_user", 0)
			.put("last_message_id", null)
			.put("flags", 0);
	}

	private final class Gateway extends WebSocketServer {

		final CompletableFuture<Void> started = new CompletableFuture<>();

		Gateway() {
			super(new InetSocketAddress("127.0.0.1", 0));
		}

		@Override
		public void onOpen(WebSocket socket, ClientHandshake handshake) {
			if (handshake.getResourceDescriptor().contains("compress=zlib-stream")) {
				socket.setAttachment(new java.util.zip.Deflater());
			}
			send(socket, DataObject.empty()
				.put("op", 10)
				.put("d", DataObject.empty().put("heartbeat_interval", 41250).put("_trace", DataArray.empty()))
				.toString());
		}

		@Override
		public void onMessage(WebSocket socket, String text) {
			var frame = DataObject.fromJson(text);
			switch (frame.getInt("op")) {
				case 1 -> send(socket, DataObject.empty().put("op", 11).toString());
				case 2 -> {
					send(socket, frame(sequence.incrementAndGet(), "READY", ready()));
					send(socket, frame(sequence.incrementAndGet(), "GUILD_CREATE", guild()));
					identified.complete(frame.getObject("d"));
					identifies.incrementAndGet();
					synchronized (sessions) {
						sessions.add(socket);
						sessions.removeIf(session -> !session.isOpen());
						mostSessions.accumulateAndGet(sessions.size(), Math::max);
					}
				}
				case 6 -> {
					send(socket, frame(sequence.incrementAndGet(), "RESUMED", DataObject.empty()));
					resumes.incrementAndGet();
				}
				default -> {
				}
			}
		}

		private String frame(int s, String type, DataObject data) {
			return DataObject.empty().put("op", 0).put("t", type).put("s", s).put("d", data).toString();
		}

		@Override
		public void onClose(WebSocket socket, int code, String reason, boolean remote) {
			sessions.remove(socket);
		}

		@Override
		public void onError(WebSocket socket, Exception ex) {
			if (socket == null) {
				started.completeExceptionally(ex);
			}
		}

		@Override
		public void onStart() {
			started.complete(null);
		}

	}

	/** Waits until a REST call matching the predicate has arrived. */
	public Call awaitCall(Predicate<Call> predicate, Duration atMost) {
		return org.awaitility.Awaitility.await()
			.atMost(atMost)
			.until(() -> calls.stream().filter(predicate).findFirst().orElse(null), call -> call != null);
	}

	@Override
	public void close() {
		faults.releaseHung();
		rest.stop(0);
		try {
			gateway.stop(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
