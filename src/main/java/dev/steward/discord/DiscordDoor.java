package dev.steward.discord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

import dev.steward.conversation.Attachment;
import dev.steward.conversation.spi.Door;

/**
 * Discord as a platform the outbox delivers to: channel messages by channel id, direct messages by
 * opening the person's DM channel, through Discord's REST API alone. It needs no gateway session, so
 * every instance delivers, not only the one holding the gateway ({@link DiscordGateway}): a channel
 * is addressed by its id, never looked up in a gateway cache.
 * <p>
 * Discord's rate limits are kept per route as its headers tell: when a route's bucket is empty
 * ({@code X-RateLimit-Remaining: 0}), the next request on it waits for {@code X-RateLimit-Reset-After}.
 * A 429 is waited out here when Discord asks for less than the time a delivery may take, and sent
 * again; a longer wait goes back to the outbox as a retry at the time Discord named. Server errors,
 * time-outs and broken connections are retried by the outbox; other refusals are permanent, with
 * Discord's reason. Each post carries the outbox id as its nonce with {@code enforce_nonce}, so a post
 * retried after a crash is answered with the message that already went out instead of a second one.
 * The platform id is {@code channelId:messageId}, so an update knows where to edit.
 * <p>
 * A message's files go as its attachments, in the same request ({@code multipart/form-data}: the
 * message as {@code payload_json}, each file as {@code files[n]}), so the nonce covers them too; a
 * picture's title is its description (alternative text). An update leaves the attachments as they are.
 */
@Component
@ConditionalOnDiscord
class DiscordDoor implements Door {

	/**
	 * Longest a delivery waits for Discord, a rate limit's wait included; the outbox has one thread
	 * for every door, so a longer wait is better spent as a retry later.
	 */
	private static final Duration WAIT = Duration.ofSeconds(30);

	/** The longest one call may take ({@code steward.discord.api-timeout}); a delivery may make several. */
	private final Duration callTimeout;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final URI api;

	private final String authorization;

	/** A person's DM channel, once opened: Discord answers the same channel every time. */
	private final Map<String, String> directChannels = new ConcurrentHashMap<>();

	/** Routes whose rate-limit bucket Discord said is empty, and when it refills. */
	private final Map<String, Instant> emptyBuckets = new ConcurrentHashMap<>();

	DiscordDoor(DiscordProperties properties) {
		var base = properties.apiUrl().toString();
		this.api = URI.create(base.endsWith("/") ? base : base + "/");
		this.authorization = "Bot " + properties.token();
		this.callTimeout = properties.apiTimeout();
	}

	@Override
	public String name() {
		return DiscordInteractions.DOOR;
	}

	@Override
	public String post(Delivery delivery) throws DeliveryFailure {
		var deadline = Instant.now().plus(WAIT);
		var channel = channel(delivery, deadline);
		var payload = DiscordRendering.message(delivery.message()).toData()
			.put("nonce", nonce(delivery.id()))
			.put("enforce_nonce", true);
		var files = delivery.message().files();
		var posted = files.isEmpty() ? call("POST", "channels/" + channel + "/messages", payload, deadline)
				: call("POST", "channels/" + channel + "/messages", payload, files, deadline);
		return channel + ":" + posted.getString("id");
	}

	@Override
	public void update(Delivery delivery, String platformMessageId) throws DeliveryFailure {
		int colon = platformMessageId.indexOf(':');
		if (colon < 0) {
			throw new DeliveryFailure("Not a Discord message id: " + platformMessageId, true, null);
		}
		var created = DiscordRendering.message(delivery.message());
		// not MessageEditData.fromCreateData: it sends an empty attachment list, which removes the files
		var data = new MessageEditBuilder().setContent(created.getContent())
			.setEmbeds(created.getEmbeds())
			.setComponents(created.getComponents())
			.build();
		call("PATCH", "channels/" + platformMessageId.substring(0, colon) + "/messages/"
				+ platformMessageId.substring(colon + 1), data.toData(), Instant.now().plus(WAIT));
	}

	/** Steward's nonce for an outbox row: stable across retries, within Discord's 25 characters. */
	static String nonce(long deliveryId) {
		return "steward-" + deliveryId;
	}

	private String channel(Delivery delivery, Instant deadline) throws DeliveryFailure {
		var to = delivery.to();
		if (!to.direct()) {
			return to.id();
		}
		var known = directChannels.get(to.id());
		if (known != null) {
			return known;
		}
		var opened = call("POST", "users/@me/channels", DataObject.empty().put("recipient_id", to.id()), deadline)
			.getString("id");
		directChannels.put(to.id(), opened);
		return opened;
	}

	private DataObject call(String method, String path, DataObject json, Instant deadline) throws DeliveryFailure {
		return send(method, path, "application/json", json.toJson(), deadline);
	}

	/** A message with files: the message in {@code payload_json}, each file in {@code files[n]}. */
	private DataObject call(String method, String path, DataObject json, List<Attachment> files, Instant deadline)
			throws DeliveryFailure {
		var attachments = DataArray.empty();
		for (int i = 0; i < files.size(); i++) {
			attachments.add(DataObject.empty()
				.put("id", i)
				.put("filename", files.get(i).name())
				.put("description", files.get(i).title()));
		}
		json.put("attachments", attachments);
		var boundary = "steward-" + UUID.randomUUID();
		var body = new ByteArrayOutputStream();
		part(body, boundary, "payload_json", null, "application/json", json.toJson());
		for (int i = 0; i < files.size(); i++) {
			var file = files.get(i);
			part(body, boundary, "files[" + i + "]", file.name(), file.mediaType(), file.bytes());
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(method, path, "multipart/form-data; boundary=" + boundary, body.toByteArray(), deadline);
	}

	private static void part(ByteArrayOutputStream body, String boundary, String field, String filename,
			String type, byte[] content) {
		var head = new StringBuilder("--").append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"")
			.append(field)
			.append('"');
		if (filename != null) {
			head.append("; filename=\"").append(filename.replace("\"", "")).append('"');
		}
		head.append("\r\nContent-Type: ").append(type).append("\r\n\r\n");
		body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
	}

	/** Sends a request, waiting out a rate limit that ends before the deadline, and answers the JSON. */
	private DataObject send(String method, String path, String type, byte[] body, Instant deadline)
			throws DeliveryFailure {
		var route = route(method, path);
		while (true) {
			waitForBucket(route, deadline);
			var left = Duration.between(Instant.now(), deadline);
			if (left.isNegative() || left.isZero()) {
				throw new DeliveryFailure("Discord did not answer in " + WAIT.toSeconds() + "s", false, null);
			}
			var request = HttpRequest.newBuilder(api.resolve(path))
				.timeout(left.compareTo(callTimeout) < 0 ? left : callTimeout)
				.header("Authorization", authorization)
				.header("User-Agent", "DiscordBot (Steward, 1)")
				.header("Content-Type", type)
				.method(method, HttpRequest.BodyPublishers.ofByteArray(body))
				.build();
			HttpResponse<String> response;
			try {
				response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new DeliveryFailure("Interrupted", false, null);
			}
			catch (java.net.http.HttpTimeoutException ex) {
				throw new DeliveryFailure("Discord did not answer in time", false, null);
			}
			catch (IOException ex) {
				throw new DeliveryFailure("Discord could not be reached: " + ex, false, null);
			}
			int status = response.statusCode();
			remember(route, response);
			if (status >= 200 && status < 300) {
				return response.body().isEmpty() ? DataObject.empty() : DataObject.fromJson(response.body());
			}
			if (status == 429) {
				var wait = retryAfter(response);
				if (Instant.now().plus(wait).isBefore(deadline)) {
					pause(wait);
					continue;
				}
				throw DeliveryFailure.rateLimited("Discord answered 429: rate limited", wait);
			}
			throw failure(status, response.body());
		}
	}

	/**
	 * A route as Discord counts its rate limit: the method and path with the message id left out
	 * (the channel id is the bucket's major parameter and stays).
	 */
	static String route(String method, String path) {
		return method + " " + path.replaceAll("/messages/\\d+$", "/messages/{id}");
	}

	/**
	 * Waits until a route's bucket, when Discord said it is empty, refills, rather than spend a
	 * request on a 429; a refill after the deadline goes back to the outbox as pacing (nothing sent).
	 */
	private void waitForBucket(String route, Instant deadline) throws DeliveryFailure {
		var refill = emptyBuckets.get(route);
		if (refill == null) {
			return;
		}
		var now = Instant.now();
		if (!refill.isAfter(now)) {
			emptyBuckets.remove(route, refill);
			return;
		}
		if (refill.isAfter(deadline)) {
			throw DeliveryFailure.paced(Duration.between(now, refill));
		}
		pause(Duration.between(now, refill));
	}

	/** Notes a route's bucket as empty until its reset when Discord says no request is left. */
	private void remember(String route, HttpResponse<String> response) {
		var headers = response.headers();
		var remaining = headers.firstValue("X-RateLimit-Remaining").orElse(null);
		var resetAfter = headers.firstValue("X-RateLimit-Reset-After").orElse(null);
		if (!"0".equals(remaining) || resetAfter == null) {
			return;
		}
		try {
			var wait = Duration.ofMillis((long) Math.ceil(Double.parseDouble(resetAfter) * 1000));
			emptyBuckets.put(route, Instant.now().plus(wait));
		}
		catch (NumberFormatException ex) {
			// not Discord's number: the 429, if it comes, says how long
		}
	}

	/** What a refusal means for the outbox: server errors are retried, other refusals are not. */
	static DeliveryFailure failure(int status, String body) {
		String meaning;
		try {
			meaning = DataObject.fromJson(body).getString("message", "");
		}
		catch (RuntimeException notJson) {
			meaning = "";
		}
		return new DeliveryFailure("Discord answered " + status + ": " + meaning, status < 500, null);
	}

	/** Discord's wait: {@code retry_after} (seconds, with fractions) in the body, else the header. */
	private static Duration retryAfter(HttpResponse<String> response) {
		try {
			double seconds = DataObject.fromJson(response.body()).getDouble("retry_after");
			return Duration.ofMillis((long) Math.ceil(seconds * 1000));
		}
		catch (RuntimeException notThere) {
			var header = response.headers().firstValue("Retry-After").orElse("1");
			try {
				return Duration.ofMillis((long) Math.ceil(Double.parseDouble(header) * 1000));
			}
			catch (NumberFormatException ex) {
				return Duration.ofSeconds(1);
			}
		}
	}

	private static void pause(Duration wait) throws DeliveryFailure {
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailure("Interrupted", false, null);
		}
	}

}
