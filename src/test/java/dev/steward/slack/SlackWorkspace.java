package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.SlackSignature;

/**
 * Slack's side of the conversation: builds payloads shaped exactly as Slack sends them (a slash
 * command as form data; {@code block_actions} and {@code view_submission} as {@code payload=}
 * JSON), signs them with the signing secret, and posts them to {@code /slack/events}.
 */
final class SlackWorkspace {

	static final String SECRET = "test-signing-secret";

	static final int PACING_MS = 40;

	static final String TEAM = "T01TEST";

	final FakeSlackApi api;

	private final URI events;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	SlackWorkspace(int port) {
		this(port, FakeSlackApi.SHARED);
	}

	/** A workspace whose Web API is this fake (a test whose Steward must not touch the shared one). */
	SlackWorkspace(int port, FakeSlackApi api) {
		this.api = api;
		this.events = URI.create("http://127.0.0.1:" + port + "/slack/events");
		api.expectPacing(Duration.ofMillis(PACING_MS));
	}

	/** A slash command, as Slack posts it. */
	HttpResponse<String> slash(String userId, String channelId, String command, String text, String responseUrl,
			String triggerId) {
		var form = new LinkedHashMap<String, String>();
		form.put("token", "legacy-verification-token");
		form.put("team_id", TEAM);
		form.put("team_domain", "steward-test");
		form.put("channel_id", channelId);
		form.put("channel_name", channelId.startsWith("D") ? "directmessage" : "consulting");
		form.put("user_id", userId);
		form.put("user_name", userId.toLowerCase());
		form.put("command", command);
		form.put("text", text);
		form.put("api_app_id", "A01STEWARD");
		form.put("is_enterprise_install", "false");
		form.put("response_url", responseUrl);
		form.put("trigger_id", triggerId);
		return post(formBody(form));
	}

	/** A click on a button of a message, as Slack posts it. */
	HttpResponse<String> blockAction(String userId, String channelId, String messageTs, String actionId, String label,
			String responseUrl, String triggerId) {
		return post(blockActionBody(userId, channelId, messageTs, actionId, label, responseUrl, triggerId));
	}

	/** The body of a click, as Slack posts it (to post it again, as Slack retries a request). */
	String blockActionBody(String userId, String channelId, String messageTs, String actionId, String label,
			String responseUrl, String triggerId) {
		var payload = new JsonObject();
		payload.addProperty("type", "block_actions");
		payload.add("user", user(userId));
		payload.addProperty("api_app_id", "A01STEWARD");
		payload.addProperty("token", "legacy-verification-token");
		var container = new JsonObject();
		container.addProperty("type", "message");
		container.addProperty("message_ts", messageTs);
		container.addProperty("channel_id", channelId);
		container.addProperty("is_ephemeral", messageTs == null);
		payload.add("container", container);
		payload.addProperty("trigger_id", triggerId);
		payload.add("team", team());
		payload.add("enterprise", null);
		payload.addProperty("is_enterprise_install", false);
		var channel = new JsonObject();
		channel.addProperty("id", channelId);
		channel.addProperty("name", channelId.startsWith("D") ? "directmessage" : "consulting");
		payload.add("channel", channel);
		payload.addProperty("response_url", responseUrl);
		var action = new JsonObject();
		action.addProperty("action_id", actionId);
		action.addProperty("block_id", "b" + Math.abs(actionId.hashCode()));
		var text = new JsonObject();
		text.addProperty("type", "plain_text");
		text.addProperty("text", label);
		text.addProperty("emoji", true);
		action.add("text", text);
		action.addProperty("type", "button");
		action.addProperty("action_ts", (System.currentTimeMillis() / 1000.0) + "");
		var actions = new JsonArray();
		actions.add(action);
		payload.add("actions", actions);
		return formBody(Map.of("payload", payload.toString()));
	}

	/** A modal page submitted with these values, as Slack posts it. */
	HttpResponse<String> viewSubmission(String userId, JsonObject view, Map<String, String> values) {
		return post(viewSubmissionBody(userId, view, values));
	}

	/** The body of a modal page's submission, as Slack posts it (to post it again, as Slack retries a request). */
	String viewSubmissionBody(String userId, JsonObject view, Map<String, String> values) {
		var submitted = view.deepCopy();
		submitted.addProperty("id", "V" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
		submitted.addProperty("team_id", TEAM);
		submitted.addProperty("app_id", "A01STEWARD");
		submitted.addProperty("bot_id", "B01BOT");
		submitted.addProperty("hash", "1700000000.abcdef");
		var state = new JsonObject();
		for (var element : view.getAsJsonArray("blocks")) {
			var block = element.getAsJsonObject();
			if (!"input".equals(block.get("type").getAsString())) {
				continue;
			}
			var key = block.get("block_id").getAsString();
			var input = block.getAsJsonObject("element");
			var value = new JsonObject();
			value.addProperty("type", input.get("type").getAsString());
			var entered = values.getOrDefault(key, "");
			var type = input.get("type").getAsString();
			if ("static_select".equals(type)) {
				JsonObject selected = null;
				for (var option : input.getAsJsonArray("options")) {
					if (option.getAsJsonObject().get("value").getAsString().equals(entered)) {
						selected = option.getAsJsonObject();
					}
				}
				value.add("selected_option", selected);
			}
			else if ("external_select".equals(type)) {
				// Slack sends back the option picked from what the app suggested (its label is what was shown)
				JsonObject selected = null;
				if (!entered.isEmpty()) {
					selected = new JsonObject();
					var text = new JsonObject();
					text.addProperty("type", "plain_text");
					text.addProperty("text", entered);
					text.addProperty("emoji", true);
					selected.add("text", text);
					selected.addProperty("value", entered);
				}
				value.add("selected_option", selected);
			}
			else if ("users_select".equals(type)) {
				if (entered.isEmpty()) {
					value.add("selected_user", null);
				}
				else {
					value.addProperty("selected_user", entered);
				}
			}
			else if ("datepicker".equals(type)) {
				if (entered.isEmpty()) {
					value.add("selected_date", null);
				}
				else {
					value.addProperty("selected_date", entered);
				}
			}
			else {
				// Slack sends null for an input left empty
				if (entered.isEmpty()) {
					value.add("value", null);
				}
				else {
					value.addProperty("value", entered);
				}
			}
			var actions = new JsonObject();
			actions.add(input.get("action_id").getAsString(), value);
			state.add(key, actions);
		}
		var wrapper = new JsonObject();
		wrapper.add("values", state);
		submitted.add("state", wrapper);
		var payload = new JsonObject();
		payload.addProperty("type", "view_submission");
		payload.add("team", team());
		payload.add("user", user(userId));
		payload.addProperty("api_app_id", "A01STEWARD");
		payload.addProperty("token", "legacy-verification-token");
		payload.addProperty("trigger_id", UUID.randomUUID().toString());
		payload.add("view", submitted);
		payload.add("response_urls", new JsonArray());
		payload.addProperty("is_enterprise_install", false);
		return formBody(Map.of("payload", payload.toString()));
	}

	/**
	 * What Slack posts when a person types in an external select of an open modal: the view (with
	 * its private metadata), the input's block and action ids, and the typed text.
	 */
	HttpResponse<String> blockSuggestion(String userId, JsonObject view, String blockId, String typed) {
		var payload = new JsonObject();
		payload.addProperty("type", "block_suggestion");
		payload.add("user", user(userId));
		payload.add("container", null);
		payload.addProperty("api_app_id", "A01STEWARD");
		payload.addProperty("token", "legacy-verification-token");
		payload.addProperty("action_id", "value");
		payload.addProperty("block_id", blockId);
		payload.addProperty("value", typed);
		payload.add("team", team());
		payload.add("enterprise", null);
		payload.addProperty("is_enterprise_install", false);
		var shown = view.deepCopy();
		shown.addProperty("id", "V" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
		shown.addProperty("team_id", TEAM);
		shown.addProperty("app_id", "A01STEWARD");
		payload.add("view", shown);
		var container = new JsonObject();
		container.addProperty("type", "view");
		container.addProperty("view_id", shown.get("id").getAsString());
		payload.add("container", container);
		return post(formBody(Map.of("payload", payload.toString())));
	}

	HttpResponse<String> post(String body) {
		return post(body, System.currentTimeMillis() / 1000, SECRET);
	}

	/** Posts a body signed as Slack signs it (v0, HMAC-SHA256 of {@code v0:timestamp:body}). */
	HttpResponse<String> post(String body, long timestamp, String secret) {
		var signature = new SlackSignature.Generator(secret).generate(String.valueOf(timestamp), body);
		return send(body, String.valueOf(timestamp), signature);
	}

	/**
	 * Posts a body again as Slack retries a request it heard no answer to: the same body, signed
	 * anew, with the retry's number and reason.
	 */
	HttpResponse<String> retry(String body, int number) {
		var timestamp = String.valueOf(System.currentTimeMillis() / 1000);
		var signature = new SlackSignature.Generator(SECRET).generate(timestamp, body);
		return send(body, timestamp, signature, Map.of("X-Slack-Retry-Num", String.valueOf(number),
				"X-Slack-Retry-Reason", "http_timeout"));
	}

	HttpResponse<String> send(String body, String timestamp, String signature) {
		return send(body, timestamp, signature, Map.of());
	}

	private HttpResponse<String> send(String body, String timestamp, String signature, Map<String, String> headers) {
		var builder = HttpRequest.newBuilder(events)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Slack-Request-Timestamp", timestamp)
			.header("X-Slack-Signature", signature);
		headers.forEach(builder::header);
		var request = builder.POST(HttpRequest.BodyPublishers.ofString(body)).build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Posts raw bytes with this content type, signed as Slack signs what it sends: the HMAC-SHA256
	 * of {@code v0:timestamp:} and the body's bytes exactly as they go on the wire.
	 */
	HttpResponse<String> postBytes(byte[] body, String contentType) {
		var timestamp = String.valueOf(System.currentTimeMillis() / 1000);
		String signature;
		try {
			var mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
			signature = "v0=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		var request = HttpRequest.newBuilder(events).timeout(Duration.ofSeconds(10));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		request.header("X-Slack-Request-Timestamp", timestamp)
			.header("X-Slack-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String formBody(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static JsonObject user(String userId) {
		var user = new JsonObject();
		user.addProperty("id", userId);
		user.addProperty("username", userId.toLowerCase());
		user.addProperty("name", userId.toLowerCase());
		user.addProperty("team_id", TEAM);
		return user;
	}

	private static JsonObject team() {
		var team = new JsonObject();
		team.addProperty("id", TEAM);
		team.addProperty("domain", "steward-test");
		return team;
	}

	/** A message's readable text: its blocks' text (buttons as {@code [label]}), unescaped. */
	static String text(String fallback, JsonArray blocks) {
		var text = new StringBuilder();
		if (blocks == null || blocks.isEmpty()) {
			text.append(fallback == null ? "" : fallback);
		}
		else {
			for (var element : blocks) {
				collect(element.getAsJsonObject(), text);
			}
		}
		return text.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
	}

	private static void collect(JsonObject block, StringBuilder text) {
		var type = block.get("type").getAsString();
		switch (type) {
			case "header", "section" -> {
				if (block.has("text")) {
					text.append(block.getAsJsonObject("text").get("text").getAsString()).append('\n');
				}
				if (block.has("fields")) {
					block.getAsJsonArray("fields")
						.forEach(field -> text.append(field.getAsJsonObject().get("text").getAsString()).append('\n'));
				}
			}
			case "context" -> block.getAsJsonArray("elements")
				.forEach(e -> text.append(e.getAsJsonObject().get("text").getAsString()).append('\n'));
			case "actions" -> {
				block.getAsJsonArray("elements")
					.forEach(e -> text.append('[')
						.append(e.getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
						.append("] "));
				text.append('\n');
			}
			default -> {
			}
		}
	}

	/** The action id of the button with this label, in these blocks. */
	static String actionId(JsonArray blocks, String label) {
		for (JsonElement element : blocks) {
			var block = element.getAsJsonObject();
			if ("actions".equals(block.get("type").getAsString())) {
				for (var e : block.getAsJsonArray("elements")) {
					var button = e.getAsJsonObject();
					if (button.getAsJsonObject("text").get("text").getAsString().equals(label)) {
						return button.get("action_id").getAsString();
					}
				}
			}
		}
		throw new AssertionError("No button " + label + " in " + blocks);
	}

	static JsonObject json(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body().isBlank() ? new JsonObject() : JsonParser.parseString(response.body()).getAsJsonObject();
	}

}
