package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.google.gson.JsonObject;

/**
 * Signed requests that no real Slack would send, or that carry what people really type: none is
 * answered with a 5xx, a stack trace, or a half-saved record. What cannot be read is refused with a
 * 4xx; what can be read but names nothing Steward knows is answered politely, in words.
 */
@SlackTest
class SlackBadInputTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	SlackWorkspace slack;

	@BeforeEach
	void workspace() {
		slack = new SlackWorkspace(port);
	}

	private static final String FORM = "application/x-www-form-urlencoded";

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] payload(String json) {
		return bytes(SlackWorkspace.formBody(Map.of("payload", json)));
	}

	private static byte[] binary() {
		var bytes = new byte[4096];
		new Random(11).nextBytes(bytes);
		return bytes;
	}

	static Stream<Arguments> unreadable() {
		var command = SlackWorkspace.formBody(Map.of("command", "/steward", "text", "whoami", "user_id", "U01EMMAWILSON",
				"channel_id", "C01GENERAL", "team_id", SlackWorkspace.TEAM, "response_url", "http://127.0.0.1:1/x",
				"trigger_id", "t"));
		return Stream.of(Arguments.of("payload that is not JSON", payload("not json {"), FORM),
				Arguments.of("payload cut short", payload("{\"type\":\"block_actions\",\"user\":{\"id\":"), FORM),
				Arguments.of("payload that is a JSON array", payload("[1,2,3]"), FORM),
				Arguments.of("payload that is a JSON string", payload("\"block_actions\""), FORM),
				Arguments.of("payload of an unknown type", payload("{\"type\":\"no_such_type\"}"), FORM),
				Arguments.of("block_actions without a user or actions", payload("{\"type\":\"block_actions\"}"), FORM),
				Arguments.of("view_submission without a view", payload("{\"type\":\"view_submission\",\"user\":{\"id\":\"U01EMMAWILSON\"}}"), FORM),
				Arguments.of("binary body", binary(), FORM),
				Arguments.of("binary body without a content type", binary(), null),
				Arguments.of("binary body as octet stream", binary(), "application/octet-stream"),
				Arguments.of("empty body", new byte[0], FORM),
				Arguments.of("empty body without a content type", new byte[0], null),
				Arguments.of("a command as text/plain", bytes(command), "text/plain"),
				Arguments.of("a command as JSON", bytes(command), "application/json"),
				Arguments.of("JSON that is not an event", bytes("{\"hello\":"), "application/json"),
				Arguments.of("a command as multipart", bytes(command), "multipart/form-data; boundary=xyz"),
				Arguments.of("form data with a broken escape", bytes("payload=%E0%A4%A&text=%"), FORM),
				Arguments.of("a command without a command", bytes("text=whoami&user_id=U01EMMAWILSON"), FORM));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unreadable")
	void whatCannotBeReadIsRefusedWithAClientErrorAndChangesNothing(String what, byte[] body, String contentType) {
		long sessions = count("form_session");
		var response = slack.postBytes(body, contentType);
		if (what.startsWith("a command as")) {
			// Bolt reads a form body whatever its content type says: answered, or refused; never a 5xx
			assertThat(response.statusCode()).as(what + ": " + response.body()).isBetween(200, 499);
		}
		else {
			assertThat(response.statusCode()).as(what + ": " + response.body()).isBetween(400, 499);
		}
		assertThat(response.body()).as(what).doesNotContain("Exception", "\tat ");
		assertThat(count("form_session")).isEqualTo(sessions);
	}

	@Test
	void aBodyLargerThanAnySlackSendsIsRefusedUnread() {
		var huge = new byte[SlackEventsServlet.MAX_BODY + 10];
		java.util.Arrays.fill(huge, (byte) 'a');
		assertThat(slack.postBytes(huge, FORM).statusCode()).isEqualTo(413);
	}

	@Test
	void whatCannotBeReadButIsNotSignedIsRefusedAsUnsigned() {
		var body = payload("not json {");
		assertThat(slack.send(new String(body, StandardCharsets.UTF_8), String.valueOf(System.currentTimeMillis() / 1000),
				"v0=00").statusCode()).isEqualTo(401);
	}

	static Stream<String> unknownButtons() {
		return Stream.of("no-such-button:1", "approval:not-a-number:x:y", ":::", "approval", "👍🏽:🇨🇳",
				"\u202eevorppa:1", "x".repeat(255), "approval:12:1.0:approve\u0000", "כפתור:1");
	}

	@ParameterizedTest
	@MethodSource("unknownButtons")
	void aButtonWhoseIdStewardDoesNotKnowIsAnsweredPolitely(String actionId) {
		var responseUrl = slack.api.responseUrl();
		long started = System.nanoTime();
		var response = slack.blockAction("U01EMMAWILSON", "C01GENERAL", "1700000000.000100", actionId, "Approve",
				responseUrl, UUID.randomUUID().toString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SlackChat.ACK);
		var answered = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15))
			.until(() -> slack.api.calls("response", call -> responseUrl.equals(call.params().get("url"))),
					calls -> !calls.isEmpty());
		assertThat(answered.get(0).json().get("text").getAsString())
			.isEqualTo("That button no longer does anything. Type the command again to start afresh.");
	}

	static Stream<String> awkwardText() {
		return Stream.of("x".repeat(100_000), "show \u0000\u0007\u001b[31m P-2026-0001", "\u202eylppa",
				"עברית العربية 项目", "🚀🔥👩‍👩‍👧 🇨🇳", "\"unclosed quote", "\ud83d broken surrogate",
				"show " + "P-2026-".repeat(10_000));
	}

	@ParameterizedTest
	@MethodSource("awkwardText")
	void commandTextOfAnyKindIsAnsweredInWords(String text) {
		var chat = new SlackChat(slack, "U01EMMAWILSON", "C01GENERAL");
		var outcome = chat.command("/project " + text);
		assertThat(outcome.kind()).isEqualTo(SlackChat.Outcome.Kind.EPHEMERAL);
		assertThat(outcome.text()).isNotBlank().doesNotContain("Exception");
	}

	@Test
	void aCommandStewardDoesNotHaveIsRefused() {
		var response = slack.slash("U01EMMAWILSON", "C01GENERAL", "/no-such-command", "help", slack.api.responseUrl(),
				UUID.randomUUID().toString());
		assertThat(response.statusCode()).isBetween(400, 499);
	}

	@Test
	void aFormThatIsNotOpenIsAnsweredPolitely() {
		var chat = new SlackChat(slack, "U01EMMAWILSON", "C01GENERAL");
		var form = chat.command("/project apply").form();
		var forged = form.deepCopy();
		var metadata = com.google.gson.JsonParser.parseString(form.get("private_metadata").getAsString()).getAsJsonObject();
		metadata.addProperty("session", UUID.randomUUID().toString());
		forged.addProperty("private_metadata", metadata.toString());
		var outcome = chat.submit(forged, Map.of());
		assertThat(outcome.text()).contains("This form has expired or was already submitted.");
	}

	@Test
	void aFormWhoseMetadataIsNotStewardsIsClosedQuietly() {
		var chat = new SlackChat(slack, "U01EMMAWILSON", "C01GENERAL");
		var form = chat.command("/project apply").form();
		long sessions = count("form_session");
		for (var metadata : List.of("not json", "[]", "{\"session\":42,\"page\":\"x\"}", "", "{\"page\":-1}")) {
			var forged = form.deepCopy();
			forged.addProperty("private_metadata", metadata);
			var response = slack.viewSubmission("U01EMMAWILSON", forged, Map.of());
			assertThat(response.statusCode()).as(metadata).isEqualTo(200);
			assertThat(response.body()).as(metadata).doesNotContain("Exception");
		}
		assertThat(count("form_session")).isEqualTo(sessions);
	}

	@Test
	void aFormValueTooLongOrFullOfControlCharactersGetsAnInlineError() {
		var chat = new SlackChat(slack, "U01EMMAWILSON", "C01GENERAL");
		var form = chat.command("/project apply").form();
		var values = new LinkedHashMap<String, String>();
		for (var key : SlackChat.shown(form).keySet()) {
			values.put(key, "\u202e\u0000🚀" + "x".repeat(100_000));
		}
		var outcome = chat.submit(form, values);
		assertThat(outcome.kind()).isEqualTo(SlackChat.Outcome.Kind.ERRORS);
		assertThat(outcome.errors()).isNotEmpty();
		assertThat(outcome.errors().values()).allSatisfy(error -> assertThat(error).doesNotContain("Exception"));
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
