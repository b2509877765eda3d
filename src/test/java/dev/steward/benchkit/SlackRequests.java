package dev.steward.benchkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What Slack sends an app, as Slack sends it: form bodies, slash commands, signed requests. */
public final class SlackRequests {

	private SlackRequests() {
	}

	/** A slash command's form, in the order Slack posts its fields. */
	public static Map<String, String> slashCommand(String channel, String channelName, String user, String userName,
			String command, String text, String responseUrl, String triggerId) {
		var form = new LinkedHashMap<String, String>();
		form.put("token", "bench");
		form.put("team_id", "T01BENCH");
		form.put("team_domain", "bench");
		form.put("channel_id", channel);
		form.put("channel_name", channelName);
		form.put("user_id", user);
		form.put("user_name", userName);
		form.put("command", command);
		form.put("text", text);
		form.put("api_app_id", "A01BENCH");
		form.put("is_enterprise_install", "false");
		form.put("response_url", responseUrl);
		form.put("trigger_id", triggerId);
		return form;
	}

	/** POSTs a form body to an app's Slack endpoint, signed with the app's signing secret (times out after 30 s). */
	public static HttpResponse<String> post(HttpClient http, URI url, String secret, String body)
			throws IOException, InterruptedException {
		var timestamp = String.valueOf(System.currentTimeMillis() / 1000);
		return http.send(HttpRequest.newBuilder(url)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Slack-Request-Timestamp", timestamp)
			.header("X-Slack-Signature", sign(secret, timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Slack's request signature: v0= and the hex HMAC-SHA256 of v0:timestamp:body. */
	public static String sign(String secret, String timestamp, String body) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "v0=" + HexFormat.of()
				.formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String formBody(Map<String, String> form) {
		var body = new StringBuilder();
		form.forEach((key, value) -> body.append(body.length() == 0 ? "" : "&")
			.append(URLEncoder.encode(key, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return body.toString();
	}

	/** A form body read back: what a Web API method was called with. */
	public static Map<String, String> form(String body) {
		var params = new HashMap<String, String>();
		for (var pair : body.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return params;
	}

}
