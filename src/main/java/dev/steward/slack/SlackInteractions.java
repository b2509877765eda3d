package dev.steward.slack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.ViewState;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.steward.conversation.Actor;
import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.ChatAction;
import dev.steward.conversation.ChatCommand;
import dev.steward.conversation.FormSubmission;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Message;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.conversation.spi.CallerDirectory;
import dev.steward.conversation.spi.ChatGateway;

/**
 * Bolt's handlers: every slash command, button click and modal submission goes to the
 * {@link ChatGateway} as neutral types (and an external select's options are asked of it as the
 * person types), and its {@link Reply} comes back as Block Kit. Each is
 * worked on by a worker while Slack's request waits at most the ack budget (Slack gives up after
 * 3 seconds): a quick answer rides in the acknowledgement (a command's ephemeral reply, a modal
 * page's errors or next page), a slow one follows through the response URL.
 */
class SlackInteractions {

	private static final Logger log = LoggerFactory.getLogger(SlackInteractions.class);

	private final ChatGateway gateway;

	private final CallerDirectory directory;

	private final Slack slack;

	private final MethodsClient methods;

	private final SlackUsers users;

	private final Texts texts;

	private final ExecutorService workers;

	private final Locale defaultLocale;

	private final java.time.Duration ackBudget;

	private final Gson gson = new Gson();

	private final MeterRegistry meters;

	/** The requests run before, on any instance: one Slack sends again is not run twice. */
	private final SlackRequests requests;

	SlackInteractions(ChatGateway gateway, CallerDirectory directory, Slack slack, MethodsClient methods,
			SlackUsers users, Texts texts, ExecutorService workers, Locale defaultLocale, java.time.Duration ackBudget,
			MeterRegistry meters, SlackRequests requests) {
		this.requests = requests;
		this.meters = meters;
		this.ackBudget = ackBudget;
		this.gateway = gateway;
		this.directory = directory;
		this.slack = slack;
		this.methods = methods;
		this.users = users;
		this.texts = texts;
		this.workers = workers;
		this.defaultLocale = defaultLocale;
	}

	/** The slash commands Steward registers: one per top-level command word. */
	List<String> commandWords() {
		return gateway.commands(Locale.ENGLISH).stream().map(ChatGateway.CommandInfo::word).distinct().toList();
	}

	/**
	 * Where a reply goes, and what came with the interaction to send it: a trigger id opens a
	 * modal (for 3 seconds), a response URL answers only the actor (for 30 minutes).
	 */
	record Origin(String userId, String channelId, ChannelRef channel, String triggerId, String responseUrl,
			boolean fromEphemeral) {

		Origin(String userId, String channelId, ChannelRef channel, String triggerId, String responseUrl) {
			this(userId, channelId, channel, triggerId, responseUrl, false);
		}

	}

	/**
	 * What a modal carries in its {@code private_metadata}: the form session and page, and where
	 * the form was opened, so the reply to its last page goes there.
	 */
	record FormMetadata(String session, int page, String channel, boolean direct, String responseUrl) {
	}

	void register(App app) {
		for (var word : commandWords()) {
			app.command("/" + word, (request, context) -> {
				if (!requests.first(request)) {
					return Response.ok();
				}
				var payload = request.getPayload();
				var origin = new Origin(payload.getUserId(), payload.getChannelId(),
						channel(payload.getChannelId(), payload.getUserId()), payload.getTriggerId(),
						payload.getResponseUrl());
				var text = payload.getText() == null ? "" : payload.getText().strip();
				return timed("command", () -> answer(origin, () -> gateway.command(new ChatCommand(actor(origin.userId(), true),
						origin.channel(), word, text)), true));
			});
		}
		app.blockAction(Pattern.compile(".+"), (request, context) -> timed("action", () -> {
			if (!requests.first(request)) {
				return Response.ok();
			}
			var payload = request.getPayload();
			if (payload.getUser() == null || payload.getActions() == null) {
				return Response.builder().statusCode(400).body("A click without its user or actions").build();
			}
			var channelId = payload.getChannel() != null ? payload.getChannel().getId()
					: payload.getContainer() != null ? payload.getContainer().getChannelId() : null;
			var userId = payload.getUser().getId();
			var origin = new Origin(userId, channelId, channel(channelId, userId), payload.getTriggerId(),
					payload.getResponseUrl(), payload.getContainer() != null && payload.getContainer().isEphemeral());
			// Slack sends one action per click; more would each be answered on their own
			var actions = payload.getActions();
			for (int i = 1; i < actions.size(); i++) {
				var actionId = actions.get(i).getActionId();
				later(() -> show(origin, click(origin, actionId)));
			}
			return actions.isEmpty() ? Response.ok()
					: answer(origin, () -> click(origin, actions.get(0).getActionId()), false);
		}));
		app.blockSuggestion(Pattern.compile(".+"), (request, context) -> timed("suggestion", () -> {
			var payload = request.getPayload();
			var view = payload.getView();
			return suggest(payload.getUser() == null ? null : payload.getUser().getId(),
					view == null ? null : view.getPrivateMetadata(), payload.getBlockId(), payload.getValue());
		}));
		app.viewSubmission(BlockKit.FORM_CALLBACK, (request, context) -> timed("form", () -> {
			if (!requests.first(request)) {
				return Response.ok();
			}
			var payload = request.getPayload();
			if (payload.getUser() == null || payload.getView() == null) {
				return Response.builder().statusCode(400).body("A submission without its user or view").build();
			}
			return submitted(payload.getUser().getId(), payload.getView().getPrivateMetadata(),
					values(payload.getView().getState()));
		}));
	}

	/**
	 * Measures how long Slack waited for its acknowledgement ({@code steward.ack}, by door and kind:
	 * command, action, form, suggestion); Slack gives up after 3 seconds.
	 */
	private Response timed(String kind, java.util.function.Supplier<Response> work) {
		long started = System.nanoTime();
		try {
			return work.get();
		}
		finally {
			Timer.builder("steward.ack")
				.description("How long a platform waited for its interaction to be acknowledged")
				.tag("door", SlackDoor.NAME)
				.tag("kind", kind)
				.publishPercentileHistogram()
				.register(meters)
				.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * Runs an interaction on a worker and acknowledges when it is done or when the ack budget is
	 * spent, whichever comes first, so Slack always hears back in time. A form is opened by the
	 * worker (the trigger id lives 3 seconds); a slash command's ephemeral answer rides in the
	 * acknowledgement itself, other answers go to the response URL. Waiting for the worker also
	 * holds back a flood: Steward takes new requests only as fast as it finishes them.
	 * @param ackMayCarryMessage whether Slack shows a message in the ack body (slash commands do)
	 */
	private Response answer(Origin origin, java.util.function.Supplier<Reply> work, boolean ackMayCarryMessage) {
		CompletableFuture<Reply> future;
		try {
			future = CompletableFuture.supplyAsync(() -> {
				var reply = work.get();
				if (reply instanceof Reply.ShowForm form) {
					open(origin, form);
				}
				return reply;
			}, workers);
		}
		catch (RejectedExecutionException ex) {
			log.error("Too busy: a Slack interaction was acknowledged and dropped");
			return Response.ok();
		}
		Reply reply;
		try {
			reply = future.get(ackBudget.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			// too slow for the ack: answer through the response URL once done
			future.thenAccept(late -> {
				if (late instanceof Reply.Ephemeral ephemeral) {
					respond(origin, ephemeral);
				}
			});
			return Response.ok();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Response.ok();
		}
		catch (java.util.concurrent.ExecutionException ex) {
			log.error("Slack interaction failed", ex.getCause());
			return Response.ok();
		}
		if (reply instanceof Reply.Ephemeral ephemeral) {
			if (ackMayCarryMessage) {
				var body = new LinkedHashMap<String, Object>();
				body.put("response_type", "ephemeral");
				body.put("text", BlockKit.fallback(ephemeral.message()));
				body.put("blocks", BlockKit.blocks(ephemeral.message()));
				return json(body);
			}
			later(() -> respond(origin, ephemeral));
		}
		return Response.ok();
	}

	private Reply click(Origin origin, String actionId) {
		return gateway.action(new ChatAction(actor(origin.userId(), true), origin.channel(), actionId));
	}

	/** Answers a modal page within Slack's 3 seconds: errors, the next page, or closing it. */
	Response submitted(String userId, String privateMetadata, Map<String, String> values) {
		FormMetadata metadata;
		try {
			metadata = gson.fromJson(privateMetadata, FormMetadata.class);
		}
		catch (JsonParseException ex) {
			metadata = null;
		}
		if (metadata == null || metadata.session() == null) {
			return Response.ok();
		}
		var origin = new Origin(userId, metadata.channel(),
				metadata.direct() ? ChannelRef.direct(SlackDoor.NAME, userId)
						: ChannelRef.channel(SlackDoor.NAME, metadata.channel()),
				null, metadata.responseUrl());
		var submission = new FormSubmission(actor(userId, false), origin.channel(), metadata.session(),
				metadata.page(), values);
		var work = CompletableFuture.supplyAsync(() -> gateway.submit(submission), workers);
		Reply reply;
		try {
			reply = work.get(ackBudget.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			// too slow to answer in the modal: close it, and tell the person once the work is done
			work.thenAccept(late -> {
				if (late instanceof Reply.Ephemeral ephemeral) {
					respond(origin, ephemeral.message());
				}
				else if (!(late instanceof Reply.Silent)) {
					var locale = locale(users.profile(userId).locale());
					respond(origin, Message.text(texts.get(locale, "slack.form.too-slow")));
				}
			});
			return Response.ok();
		}
		catch (Exception ex) {
			log.error("Form submission failed", ex);
			return Response.ok();
		}
		if (reply instanceof Reply.FormErrors errors) {
			return json(Map.of("response_action", "errors", "errors", errors.errors()));
		}
		if (reply instanceof Reply.ShowForm form) {
			return json(Map.of("response_action", "update", "view", BlockKit.modal(form.view(),
					metadata(origin, form.view().session(), form.view().page()), this::slackUser)));
		}
		if (reply instanceof Reply.Ephemeral ephemeral) {
			later(() -> respond(origin, ephemeral.message()));
		}
		return Response.ok();
	}

	/**
	 * Answers an external select's options for what the person typed, within Slack's 3 seconds: the
	 * kernel's choices for that input of the form (the block id is the input's key), only those the
	 * person may see; none when the modal is not one of ours or the kernel is too slow.
	 */
	Response suggest(String userId, String privateMetadata, String key, String query) {
		FormMetadata metadata;
		try {
			metadata = gson.fromJson(privateMetadata, FormMetadata.class);
		}
		catch (JsonParseException ex) {
			metadata = null;
		}
		var options = new ArrayList<Map<String, Object>>();
		if (userId != null && metadata != null && metadata.session() != null && key != null) {
			var actor = actor(userId, false);
			var session = metadata.session();
			try {
				CompletableFuture.supplyAsync(() -> gateway.formChoices(actor, session, key,
						query == null ? "" : query, BlockKit.SUGGESTED_OPTIONS), workers)
					.get(ackBudget.toMillis(), TimeUnit.MILLISECONDS)
					.forEach(choice -> options.add(BlockKit.option(choice.value(), choice.label())));
			}
			catch (TimeoutException | java.util.concurrent.ExecutionException | RejectedExecutionException ex) {
				log.warn("No options for {} in time: {}", key, ex.toString());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return json(Map.of("options", options));
	}

	private Response json(Map<String, Object> body) {
		return Response.json(200, gson.toJson(body));
	}

	/** Shows a reply that came after the request was acknowledged. */
	private void show(Origin origin, Reply reply) {
		if (reply instanceof Reply.Ephemeral ephemeral) {
			respond(origin, ephemeral);
		}
		else if (reply instanceof Reply.ShowForm form) {
			open(origin, form);
		}
		else if (reply instanceof Reply.OpenForm open) {
			log.warn("The kernel passed an unopened form {} to Slack", open.form());
		}
	}

	/** Opens a form as a modal with the interaction's trigger id. */
	private void open(Origin origin, Reply.ShowForm form) {
		var view = BlockKit.modal(form.view(), metadata(origin, form.view().session(), form.view().page()),
				this::slackUser);
		var json = gson.toJson(view);
		try {
			var response = methods.viewsOpen(request -> request.triggerId(origin.triggerId()).viewAsString(json));
			if (!response.isOk()) {
				log.warn("views.open failed: {}", response.getError());
			}
		}
		catch (Exception ex) {
			log.warn("views.open failed: {}", ex.toString());
		}
	}

	/**
	 * An ephemeral reply: in place of the ephemeral message clicked when it asks to replace it (only
	 * ever one of the actor's own: a channel's message belongs to the outbox), else a new one.
	 */
	private void respond(Origin origin, Reply.Ephemeral ephemeral) {
		respond(origin, ephemeral.message(), ephemeral.replacing() && origin.fromEphemeral());
	}

	/** A message only the actor sees: through the response URL where there is one. */
	void respond(Origin origin, Message message) {
		respond(origin, message, false);
	}

	private void respond(Origin origin, Message message, boolean replace) {
		var body = new LinkedHashMap<String, Object>();
		body.put("text", BlockKit.fallback(message));
		body.put("blocks", BlockKit.blocks(message));
		try {
			if (origin.responseUrl() != null && !origin.responseUrl().isBlank()) {
				body.put("response_type", "ephemeral");
				body.put("replace_original", replace);
				try (var response = slack.getHttpClient().postJsonBody(origin.responseUrl(), body)) {
					if (!response.isSuccessful()) {
						log.warn("The response URL answered HTTP {}", response.code());
					}
				}
				return;
			}
			var blocks = gson.toJson(body.get("blocks"));
			if (origin.channel().direct() || origin.channelId() == null) {
				methods.chatPostMessage(request -> request.channel(origin.userId())
					.text((String) body.get("text"))
					.blocksAsString(blocks));
			}
			else {
				methods.chatPostEphemeral(request -> request.channel(origin.channelId())
					.user(origin.userId())
					.text((String) body.get("text"))
					.blocksAsString(blocks));
			}
		}
		catch (Exception ex) {
			log.warn("Could not answer {} in Slack: {}", origin.userId(), ex.toString());
		}
	}

	private String metadata(Origin origin, String session, int page) {
		var json = gson.toJson(new FormMetadata(session, page, origin.channelId(), origin.channel().direct(),
				origin.responseUrl()));
		if (json.length() > BlockKit.PRIVATE_METADATA) {
			json = gson.toJson(new FormMetadata(session, page, origin.channelId(), origin.channel().direct(), null));
		}
		return json;
	}

	/** Runs work after the acknowledgement; a full queue is logged, never blocks the ack. */
	private void later(Runnable work) {
		try {
			workers.execute(() -> {
				try {
					work.run();
				}
				catch (RuntimeException ex) {
					log.error("Slack interaction failed after its acknowledgement", ex);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			log.error("Too busy: an acknowledged Slack interaction was dropped");
		}
	}

	/**
	 * The person as the kernel wants them, with Slack's locale and zone.
	 * @param mayWait whether there is time to ask Slack (after the ack) or only the cache (within it)
	 */
	private Actor actor(String userId, boolean mayWait) {
		var profile = mayWait ? users.profile(userId) : users.cachedProfile(userId);
		return new Actor(SlackDoor.NAME, userId, profile.locale(), profile.zone());
	}

	/** A directory person's Slack user id, to show them picked in a person input; {@code null} if none. */
	private String slackUser(String personId) {
		return directory.address(personId, SlackDoor.NAME).orElse(null);
	}

	private Locale locale(Locale platform) {
		return platform == null ? defaultLocale : platform;
	}

	/** Where an interaction happened: a direct conversation with the bot, or a channel. */
	static ChannelRef channel(String channelId, String userId) {
		if (channelId == null || channelId.startsWith("D")) {
			return ChannelRef.direct(SlackDoor.NAME, userId);
		}
		return ChannelRef.channel(SlackDoor.NAME, channelId);
	}

	/** A modal's entered values by block id (the input's key). */
	static Map<String, String> values(ViewState state) {
		var values = new LinkedHashMap<String, String>();
		if (state == null || state.getValues() == null) {
			return values;
		}
		state.getValues().forEach((blockId, actions) -> {
			ViewState.Value value = actions.get(BlockKit.INPUT_ACTION);
			if (value == null && !actions.isEmpty()) {
				value = new ArrayList<>(actions.values()).get(0);
			}
			if (value == null) {
				return;
			}
			// a select sends its option, a users_select its user, a datepicker its date; a text input its value
			if (value.getSelectedOption() != null) {
				values.put(blockId, value.getSelectedOption().getValue());
			}
			else if (value.getSelectedUser() != null) {
				values.put(blockId, value.getSelectedUser());
			}
			else if (value.getSelectedDate() != null) {
				values.put(blockId, value.getSelectedDate());
			}
			else {
				values.put(blockId, value.getValue() == null ? "" : value.getValue());
			}
		});
		return values;
	}

}
