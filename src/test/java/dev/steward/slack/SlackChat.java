package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * One person in the Slack workspace, in one channel: types commands, clicks buttons and fills
 * modals through signed payloads, and reads what Steward did from the fake Web API.
 */
final class SlackChat {

	/** Slack waits this long for an acknowledgement. */
	static final Duration ACK = Duration.ofSeconds(3);

	private static final Duration WAIT = Duration.ofSeconds(15);

	/** What came of an interaction. */
	record Outcome(Kind kind, JsonObject view, String text, JsonArray blocks, Map<String, String> errors) {

		enum Kind {

			FORM, EPHEMERAL, ERRORS, CLOSED

		}

		JsonObject form() {
			assertThat(kind).as("a form, not " + text).isEqualTo(Kind.FORM);
			return view;
		}

	}

	private final SlackWorkspace workspace;

	final String userId;

	final String channelId;

	SlackChat(SlackWorkspace workspace, String userId, String channelId) {
		this.workspace = workspace;
		this.userId = userId;
		this.channelId = channelId;
	}

	/** Types a command, e.g. {@code /project apply}; answers the modal it opened or the ephemeral reply. */
	Outcome command(String typed) {
		var parts = typed.split("\\s+", 2);
		var responseUrl = workspace.api.responseUrl();
		var trigger = UUID.randomUUID().toString();
		long started = System.nanoTime();
		var response = workspace.slash(userId, channelId, parts[0], parts.length > 1 ? parts[1] : "", responseUrl,
				trigger);
		acknowledged(response, started);
		// a quick answer rides in the acknowledgement, as Slack allows for slash commands
		var body = SlackWorkspace.json(response);
		if (body.has("blocks")) {
			assertThat(body.get("response_type").getAsString()).isEqualTo("ephemeral");
			workspace.api.checkMessage("command ack", body.getAsJsonArray("blocks"), body.get("text").getAsString());
			var blocks = body.getAsJsonArray("blocks");
			return new Outcome(Outcome.Kind.EPHEMERAL, null, SlackWorkspace.text(body.get("text").getAsString(), blocks),
					blocks, Map.of());
		}
		return outcome(responseUrl, 0, trigger);
	}

	/** Clicks the button with this label on a message in a channel. */
	Outcome click(FakeSlackApi.Posted message, String label) {
		return click(message.channel, message.ts, message.blocks, label);
	}

	/** Clicks the button with this label on an ephemeral message. */
	Outcome click(Outcome ephemeral, String label) {
		return click(channelId, null, ephemeral.blocks(), label);
	}

	/**
	 * Presses a button whose answer shows nowhere but in the message itself (updated in place):
	 * only the acknowledgement is awaited.
	 */
	void press(FakeSlackApi.Posted message, int row, String label) {
		long started = System.nanoTime();
		var response = workspace.blockAction(userId, message.channel, message.ts, rowAction(message, row, label), label,
				workspace.api.responseUrl(), UUID.randomUUID().toString());
		acknowledged(response, started);
	}

	private static String rowAction(FakeSlackApi.Posted message, int row, String label) {
		var rows = new JsonArray();
		int seen = 0;
		for (var block : message.blocks) {
			if ("actions".equals(block.getAsJsonObject().get("type").getAsString()) && seen++ == row) {
				rows.add(block);
			}
		}
		return SlackWorkspace.actionId(rows, label);
	}

	/** Clicks the button with this label in one row of buttons (0-based): rows may repeat labels. */
	Outcome click(FakeSlackApi.Posted message, int row, String label) {
		return click(message.channel, message.ts, message.blocks, rowAction(message, row, label), label);
	}

	private Outcome click(String channel, String ts, JsonArray blocks, String label) {
		return click(channel, ts, blocks, SlackWorkspace.actionId(blocks, label), label);
	}

	private Outcome click(String channel, String ts, JsonArray blocks, String actionId, String label) {
		var responseUrl = workspace.api.responseUrl();
		var trigger = UUID.randomUUID().toString();
		long started = System.nanoTime();
		var response = workspace.blockAction(userId, channel, ts, actionId, label, responseUrl, trigger);
		acknowledged(response, started);
		return outcome(responseUrl, 0, trigger);
	}

	/** Submits the modal's page; answers errors, the next page, or the reply once it is closed. */
	Outcome submit(JsonObject view, Map<String, String> values) {
		var metadata = JsonParser.parseString(view.get("private_metadata").getAsString()).getAsJsonObject();
		var responseUrl = metadata.has("responseUrl") ? metadata.get("responseUrl").getAsString() : null;
		int before = responseUrl == null ? 0 : workspace.api.calls("response", call -> responseUrl.equals(call.params().get("url"))).size();
		long started = System.nanoTime();
		var response = workspace.viewSubmission(userId, view, values);
		acknowledged(response, started);
		var body = SlackWorkspace.json(response);
		var action = body.has("response_action") ? body.get("response_action").getAsString() : "";
		if (action.equals("errors")) {
			var errors = new HashMap<String, String>();
			body.getAsJsonObject("errors").entrySet().forEach(e -> errors.put(e.getKey(), e.getValue().getAsString()));
			return new Outcome(Outcome.Kind.ERRORS, view, "", null, errors);
		}
		if (action.equals("update")) {
			var next = body.getAsJsonObject("view");
			workspace.api.checkView(next);
			return new Outcome(Outcome.Kind.FORM, next, "", null, Map.of());
		}
		if (responseUrl == null) {
			return new Outcome(Outcome.Kind.CLOSED, null, "", null, Map.of());
		}
		return outcome(responseUrl, before, null);
	}

	/** Fills every page of an open form from these values and submits it; answers the final reply. */
	Outcome fill(Outcome opened, Map<String, String> values) {
		var outcome = opened;
		for (int page = 0; page < 10 && outcome.kind() == Outcome.Kind.FORM; page++) {
			outcome = submit(outcome.view(), values);
			assertThat(outcome.kind()).as("errors: " + outcome.errors()).isNotEqualTo(Outcome.Kind.ERRORS);
		}
		return outcome;
	}

	/** The values an open modal page shows, by input key. */
	static Map<String, String> shown(JsonObject view) {
		var values = new HashMap<String, String>();
		for (var element : view.getAsJsonArray("blocks")) {
			var block = element.getAsJsonObject();
			if ("input".equals(block.get("type").getAsString())) {
				var input = block.getAsJsonObject("element");
				var value = input.has("initial_value") ? input.get("initial_value").getAsString()
						: input.has("initial_option") ? input.getAsJsonObject("initial_option").get("value").getAsString()
								: "";
				values.put(block.get("block_id").getAsString(), value);
			}
		}
		return values;
	}

	/** The direct messages Steward sent this person, as they now stand. */
	List<FakeSlackApi.Posted> directs() {
		return workspace.api.messages("D" + userId);
	}

	/** Waits for a direct message that says this, and answers the latest such. */
	FakeSlackApi.Posted awaitDirect(String containing) {
		return org.awaitility.Awaitility.await().atMost(WAIT)
			.until(() -> directs().stream().filter(posted -> posted.text().contains(containing)).reduce((a, b) -> b)
				.orElse(null), posted -> posted != null);
	}

	FakeSlackApi.Posted lastDirect(String containing) {
		return directs().stream().filter(posted -> posted.text().contains(containing)).reduce((a, b) -> b).orElseThrow();
	}

	private static void acknowledged(java.net.http.HttpResponse<String> response, long started) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ACK);
	}

	/** Waits for what the interaction brought: a modal opened with its trigger, or a post to its response URL. */
	private Outcome outcome(String responseUrl, int after, String trigger) {
		return org.awaitility.Awaitility.await().atMost(WAIT).until(() -> {
			if (trigger != null) {
				var opened = workspace.api.calls("views.open", call -> trigger.equals(call.params().get("trigger_id")));
				if (!opened.isEmpty()) {
					var view = JsonParser.parseString(opened.get(0).params().get("view")).getAsJsonObject();
					return new Outcome(Outcome.Kind.FORM, view, "", null, Map.of());
				}
			}
			var posts = workspace.api.calls("response", call -> responseUrl.equals(call.params().get("url")));
			if (posts.size() > after) {
				var json = posts.get(after).json();
				assertThat(json.get("response_type").getAsString()).isEqualTo("ephemeral");
				var blocks = json.getAsJsonArray("blocks");
				return new Outcome(Outcome.Kind.EPHEMERAL, null,
						SlackWorkspace.text(json.get("text").getAsString(), blocks), blocks, Map.of());
			}
			return null;
		}, outcome -> outcome != null);
	}

}
