package dev.steward.slack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.Gson;
import com.slack.api.methods.Methods;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.RequestFormBuilder;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.Message.Metadata;

import dev.steward.conversation.Attachment;
import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.spi.Door;

/**
 * Slack as a platform the outbox delivers to, through the Web API. Paces each channel, turns
 * Slack's 429 (with its Retry-After) and server errors into retryable failures, and stamps every
 * message with its outbox id in message metadata, so a dispatcher that restarts after posting but
 * before recording finds the message instead of posting it twice.
 * <p>
 * A message with files is the message (blocks and metadata, as any other) followed at once, in the
 * same channel, by one share of all its files: each is announced with
 * {@code files.getUploadURLExternal}, its bytes POSTed to the upload URL Slack answered, and all are
 * shared with {@code files.completeUploadExternal} (never the retired {@code files.upload}). A retry
 * that finds the message already there looks for its files after it before sharing them: an
 * upload whose answer was lost may be uploaded again, but an upload is invisible until completed, so
 * nobody sees the files twice.
 */
class SlackDoor implements Door {

	private static final Logger log = LoggerFactory.getLogger(SlackDoor.class);

	static final String NAME = "slack";

	/** The metadata event type that marks a message as one of Steward's deliveries. */
	static final String DELIVERY_EVENT = "steward_delivery";

	static final String DELIVERY_ID = "delivery_id";

	/** How far back in a channel to look for a message already posted: a retry follows soon. */
	private static final int HISTORY_LOOKBACK = 50;

	/** Slack's errors that mean "try again later" although the HTTP status was 200. */
	private static final java.util.Set<String> TRANSIENT = java.util.Set.of("ratelimited", "internal_error",
			"fatal_error", "service_unavailable", "request_timeout");

	private final MethodsClient methods;

	private final ChannelPacer pacer;

	private final String token;

	private static final Gson SNAKE_CASE = GsonFactory.createSnakeCase();

	private final Gson gson = new Gson();

	/** For the upload URLs Slack answers: plain HTTPS, outside the Web API. */
	private final HttpClient uploads = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	/** A person's direct-message channel, by user id: it never changes. */
	private final ConcurrentMap<String, String> directChannels = new ConcurrentHashMap<>();

	SlackDoor(MethodsClient methods, String token, ChannelPacer pacer) {
		this.methods = methods;
		this.token = token;
		this.pacer = pacer;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String post(Delivery delivery) throws DeliveryFailure {
		var to = delivery.to();
		// a person's direct messages: Slack takes their user id as the channel and answers with the
		// conversation's own id, so no conversations.open (a Tier 3 method) is needed to post
		var channel = to.direct() ? directChannels.getOrDefault(to.id(), to.id()) : to.id();
		var paceKey = to.id();
		// pace first: a message that must wait costs no history look-up (a rate-limited method)
		pace(paceKey);
		try {
			// only an earlier attempt can have left the message there: a first one posts without looking
			var already = delivery.mayBeThere() ? alreadyPosted(channel(to), delivery.id()) : null;
			if (already != null) {
				log.info("Outbox message {} was already in Slack as {}; not posting it again", delivery.id(), already);
				share(already, delivery.message().files(), true);
				return already;
			}
			var blocks = gson.toJson(BlockKit.blocks(delivery.message()));
			var metadata = Metadata.builder()
				.eventType(DELIVERY_EVENT)
				.eventPayload(Map.of(DELIVERY_ID, String.valueOf(delivery.id())))
				.build();
			var response = postMessage(ChatPostMessageRequest.builder()
				.channel(channel)
				.text(BlockKit.fallback(delivery.message()))
				.metadata(metadata)
				.unfurlLinks(false)
				.build(), blocks);
			if (to.direct() && response.getChannel() != null) {
				directChannels.putIfAbsent(to.id(), response.getChannel());
			}
			var posted = response.getChannel() + ":" + response.getTs();
			share(posted, delivery.message().files(), false);
			return posted;
		}
		finally {
			pacer.sent(paceKey);
		}
	}

	/** Slack's pacing of a channel or a person's direct messages, as {@link #post} keys it. */
	@Override
	public Duration readyIn(ChannelRef to) {
		return pacer.readyIn(to.id());
	}

	@Override
	public void update(Delivery delivery, String platformMessageId) throws DeliveryFailure {
		int colon = platformMessageId == null ? -1 : platformMessageId.indexOf(':');
		if (colon <= 0) {
			throw new DeliveryFailure("Not a Slack message id: " + platformMessageId, true, null);
		}
		var channel = platformMessageId.substring(0, colon);
		var ts = platformMessageId.substring(colon + 1);
		// an edit posts nothing new, so Slack's one-message-a-second-a-channel does not apply
		var blocks = gson.toJson(BlockKit.blocks(delivery.message()));
		call("chat.update", () -> methods.chatUpdate(request -> request.channel(channel)
			.ts(ts)
			.text(BlockKit.fallback(delivery.message()))
			.blocksAsString(blocks)));
	}

	/**
	 * Shares a message's files in its channel, just after it. A failure leaves the message posted and
	 * the outbox row unsettled: the retry finds the message by its metadata and comes back here.
	 *
	 * @param posted the message, as {@code channel:ts}
	 * @param mayBeThere whether an earlier attempt may have shared them already
	 */
	private void share(String posted, List<Attachment> files, boolean mayBeThere) throws DeliveryFailure {
		if (files.isEmpty()) {
			return;
		}
		int colon = posted.indexOf(':');
		var channel = posted.substring(0, colon);
		var ts = posted.substring(colon + 1);
		if (mayBeThere && alreadyShared(channel, ts, files)) {
			log.info("The files of Slack message {} were already shared; not sharing them again", posted);
			return;
		}
		var details = new ArrayList<FileDetails>();
		for (var file : files) {
			var announced = call("files.getUploadURLExternal", () -> methods.filesGetUploadURLExternal(request -> {
				request.filename(file.name()).length(file.size());
				if (file.image()) {
					request.altTxt(file.title());
				}
				return request;
			}));
			upload(announced.getUploadUrl(), file);
			details.add(FileDetails.builder().id(announced.getFileId()).title(file.title()).build());
		}
		call("files.completeUploadExternal",
				() -> methods.filesCompleteUploadExternal(request -> request.files(details).channelId(channel)));
	}

	/** POSTs a file's bytes to the upload URL Slack answered for it. */
	private void upload(String url, Attachment file) throws DeliveryFailure {
		try {
			var response = uploads.send(HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/octet-stream")
				.POST(HttpRequest.BodyPublishers.ofByteArray(file.bytes()))
				.build(), HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() != 200) {
				throw refused("upload of " + file.name(), response.statusCode(),
						response.headers().firstValue("Retry-After").orElse(null));
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new DeliveryFailure("upload of " + file.name() + ": " + ex.getMessage(), false, null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailure("upload of " + file.name() + ": interrupted", false, null);
		}
	}

	/**
	 * Whether a message after this one already carries all these files by name: an earlier attempt
	 * shared them before its answer was lost. A look-up that fails shares them (again).
	 */
	private boolean alreadyShared(String channel, String ts, List<Attachment> files) {
		try {
			var history = methods.conversationsHistory(
					request -> request.channel(channel).oldest(ts).inclusive(false).limit(HISTORY_LOOKBACK));
			if (!history.isOk() || history.getMessages() == null) {
				return false;
			}
			var names = files.stream().map(Attachment::name).toList();
			return history.getMessages()
				.stream()
				.filter(message -> message.getFiles() != null)
				.anyMatch(message -> message.getFiles().stream().map(com.slack.api.model.File::getName).toList()
					.equals(names));
		}
		catch (Exception ex) {
			log.debug("Could not read the history of {}: {}", channel, ex.toString());
			return false;
		}
	}

	/** The Slack channel id of a conversation: a person's direct messages are a channel of their own. */
	private String channel(ChannelRef to) throws DeliveryFailure {
		if (!to.direct()) {
			return to.id();
		}
		var known = directChannels.get(to.id());
		if (known != null) {
			return known;
		}
		var opened = call("conversations.open",
				() -> methods.conversationsOpen(request -> request.users(java.util.List.of(to.id()))));
		var id = opened.getChannel().getId();
		directChannels.put(to.id(), id);
		return id;
	}

	/**
	 * The message a delivery already became, if a previous attempt posted it. A look-up that fails
	 * (e.g. the bot may not read this channel's history) is no reason not to deliver.
	 */
	private String alreadyPosted(String channel, long deliveryId) {
		try {
			var history = methods.conversationsHistory(
					request -> request.channel(channel).limit(HISTORY_LOOKBACK).includeAllMetadata(true));
			if (!history.isOk() || history.getMessages() == null) {
				return null;
			}
			var wanted = String.valueOf(deliveryId);
			return history.getMessages()
				.stream()
				.filter(message -> message.getMetadata() != null
						&& DELIVERY_EVENT.equals(message.getMetadata().getEventType())
						&& message.getMetadata().getEventPayload() != null
						&& wanted.equals(Objects.toString(message.getMetadata().getEventPayload().get(DELIVERY_ID))))
				.findFirst()
				.map(message -> channel + ":" + message.getTs())
				.orElse(null);
		}
		catch (Exception ex) {
			log.debug("Could not read the history of {}: {}", channel, ex.toString());
			return null;
		}
	}

	/**
	 * chat.postMessage, its answer read by one shared Gson: the SDK builds a new Gson, and redoes all
	 * its reflection over the response's model, for every call, which is most of the cost of a post.
	 * The blocks are form-encoded by the JDK's encoder: OkHttp's looks up every character of the
	 * (long) JSON in a string of those to escape, a third of a delivery's time.
	 */
	private ChatPostMessageResponse postMessage(ChatPostMessageRequest request, String blocks) throws DeliveryFailure {
		var method = Methods.CHAT_POST_MESSAGE;
		var form = RequestFormBuilder.toForm(request)
			.addEncoded("blocks", java.net.URLEncoder.encode(blocks, java.nio.charset.StandardCharsets.UTF_8));
		try (var response = methods.runPostFormWithToken(form, method, token)) {
			if (response.code() != 200) {
				throw refused(method, response.code(), response.header("Retry-After"));
			}
			var body = response.body();
			var parsed = SNAKE_CASE.fromJson(body == null ? "{}" : body.string(), ChatPostMessageResponse.class);
			if (parsed == null || !parsed.isOk()) {
				throw declined(method, parsed == null ? "empty answer" : parsed.getError());
			}
			return parsed;
		}
		catch (IOException | RuntimeException ex) {
			// a broken connection, or an answer that is not Slack's JSON (a proxy's error page): try again
			throw new DeliveryFailure(method + ": " + ex.getMessage(), false, null);
		}
	}

	/** Too soon after the channel's last message: the outbox tries again then, delivering others meanwhile. */
	private void pace(String channel) throws DeliveryFailure {
		var wait = pacer.reserve(channel);
		if (wait.isPresent()) {
			throw DeliveryFailure.paced(wait.get());
		}
	}

	/** One Web API call. */
	@FunctionalInterface
	interface Call<T> {

		T run() throws IOException, SlackApiException;

	}

	/** Runs a call, turning every way it can fail into a delivery failure that says whether to retry. */
	static <T extends SlackApiTextResponse> T call(String method, Call<T> call) throws DeliveryFailure {
		T response;
		try {
			response = call.run();
		}
		catch (SlackApiException ex) {
			throw refused(method, ex.getResponse().code(), ex.getResponse().header("Retry-After"));
		}
		catch (IOException ex) {
			throw new DeliveryFailure(method + ": " + ex.getMessage(), false, null);
		}
		if (!response.isOk()) {
			throw declined(method, response.getError());
		}
		return response;
	}

	/** An HTTP status other than 200: 429 waits as Slack says, a server error is retried, the rest is final. */
	private static DeliveryFailure refused(String method, int status, String retryAfter) {
		if (status == 429) {
			return DeliveryFailure.rateLimited(method + ": rate limited", retryAfter(retryAfter));
		}
		return new DeliveryFailure(method + ": HTTP " + status, status < 500, null);
	}

	/** A 200 with {@code ok: false}: retried only for Slack's errors that mean "later". */
	private static DeliveryFailure declined(String method, String error) {
		return new DeliveryFailure(method + ": " + error, !TRANSIENT.contains(error), null);
	}

	private static Duration retryAfter(String header) {
		try {
			return header == null ? Duration.ofSeconds(1) : Duration.ofSeconds(Long.parseLong(header.strip()));
		}
		catch (NumberFormatException nfe) {
			return Duration.ofSeconds(1);
		}
	}

}
