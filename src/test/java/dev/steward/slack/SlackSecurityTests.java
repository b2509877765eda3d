package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.slack.api.app_backend.SlackSignature;

/**
 * Only Slack may talk to {@code /slack/events}: a request whose signature was made with another
 * secret, whose body was altered after signing, or whose timestamp is stale is refused with 401
 * and changes nothing; a genuine one is acknowledged in time even when the Web API is slow.
 */
@SlackTest
class SlackSecurityTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	SlackWorkspace slack;

	@BeforeEach
	void workspace() {
		slack = new SlackWorkspace(port);
	}

	/** {@code /project apply} from Emma: would open a form session and a modal. */
	private String applyCommand(String responseUrl, String trigger) {
		var form = new LinkedHashMap<String, String>();
		form.put("token", "legacy-verification-token");
		form.put("team_id", SlackWorkspace.TEAM);
		form.put("channel_id", "C01GENERAL");
		form.put("channel_name", "general");
		form.put("user_id", "U01EMMAWILSON");
		form.put("user_name", "emma");
		form.put("command", "/project");
		form.put("text", "apply");
		form.put("api_app_id", "A01STEWARD");
		form.put("response_url", responseUrl);
		form.put("trigger_id", trigger);
		return SlackWorkspace.formBody(form);
	}

	private long sessions() {
		return jdbc.sql("select count(*) from form_session").query(Long.class).single();
	}

	private void nothingHappened(String trigger, String responseUrl, long sessionsBefore) {
		// a genuine request after it is answered, so anything the refused one started would show by now
		new SlackChat(slack, "U01EMMAWILSON", "C01GENERAL").command("/steward whoami");
		assertThat(slack.api.calls("views.open", call -> trigger.equals(call.params().get("trigger_id")))).isEmpty();
		assertThat(slack.api.calls("response", call -> responseUrl.equals(call.params().get("url")))).isEmpty();
		assertThat(sessions()).isEqualTo(sessionsBefore);
	}

	@Test
	void requestSignedWithAnotherSecretIsRefusedAndChangesNothing() {
		long before = sessions();
		var url = slack.api.responseUrl();
		var trigger = UUID.randomUUID().toString();
		var response = slack.post(applyCommand(url, trigger), System.currentTimeMillis() / 1000, "not-the-secret");
		assertThat(response.statusCode()).isEqualTo(401);
		nothingHappened(trigger, url, before);
	}

	@Test
	void requestAlteredAfterSigningIsRefusedAndChangesNothing() {
		long before = sessions();
		var url = slack.api.responseUrl();
		var trigger = UUID.randomUUID().toString();
		var signed = applyCommand(url, trigger);
		var timestamp = String.valueOf(System.currentTimeMillis() / 1000);
		var signature = new SlackSignature.Generator(SlackWorkspace.SECRET).generate(timestamp, signed);
		var altered = signed.replace("U01EMMAWILSON", "U01ADMIN");
		assertThat(slack.send(altered, timestamp, signature).statusCode()).isEqualTo(401);
		nothingHappened(trigger, url, before);
	}

	@Test
	void staleRequestIsRefusedEvenWithAGoodSignature() {
		long before = sessions();
		var url = slack.api.responseUrl();
		var trigger = UUID.randomUUID().toString();
		long tenMinutesAgo = System.currentTimeMillis() / 1000 - Duration.ofMinutes(10).toSeconds();
		assertThat(slack.post(applyCommand(url, trigger), tenMinutesAgo, SlackWorkspace.SECRET).statusCode())
			.isEqualTo(401);
		nothingHappened(trigger, url, before);
	}

	@Test
	void unsignedRequestIsRefused() {
		long before = sessions();
		var url = slack.api.responseUrl();
		var trigger = UUID.randomUUID().toString();
		assertThat(slack.send(applyCommand(url, trigger), "", "").statusCode()).isEqualTo(401);
		nothingHappened(trigger, url, before);
	}

	@Test
	void commandIsAcknowledgedWithinSlacksThreeSecondsWhileTheWebApiIsSlow() {
		slack.api.hold("views.open");
		var trigger = UUID.randomUUID().toString();
		try {
			long started = System.nanoTime();
			var response = slack.slash("U01EMMAWILSON", "C01GENERAL", "/project", "apply", slack.api.responseUrl(),
					trigger);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		}
		finally {
			slack.api.release("views.open");
		}
		// the form still opens once the Web API answers
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slack.api.calls("views.open")
			.stream()
			.anyMatch(call -> trigger.equals(call.params().get("trigger_id"))));
	}

}
