package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import dev.steward.conversation.Outbox;
import dev.steward.conversation.Texts;
import dev.steward.support.EchoCommands;
import dev.steward.support.TestCallers;

/**
 * The Slack door on the kernel alone, on a random port with its Web API at the {@link FakeSlackApi}:
 * signed slash commands reach the kernel and its answer comes back as Slack shows it, a bad
 * signature is refused, and the outbox posts through the Web API. All its dependencies are the
 * kernel and the firm's defaults (the door reads those only in a bean method, which Modulith does
 * not count as a direct dependency, and the kernel needs them too); no feature module is in the
 * bootstrap, so a one-word test feature and a small directory stand in for them.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES,
		webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = { "SLACK_BOT_TOKEN=xoxb-test-token", "SLACK_SIGNING_SECRET=" + SlackWorkspace.SECRET,
		"steward.slack.pacing=" + SlackWorkspace.PACING_MS + "ms" })
@ContextConfiguration(initializers = SlackTest.FakeApi.class)
class SlackModuleTests {

	static final String ADA = "U01MODADA";

	/** What the directory module and a feature module would bring in the application. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Outside {

		@Bean
		TestCallers testCallers() {
			return new TestCallers().person("ada", "Ada Lovelace", false, SlackDoor.NAME, ADA);
		}

		@Bean
		EchoCommands echoCommands(Outbox outbox) {
			return new EchoCommands(outbox, true);
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	Texts texts;

	@Autowired
	EchoCommands echo;

	SlackWorkspace slack;

	@BeforeEach
	void workspace() {
		slack = new SlackWorkspace(port);
	}

	static String channel() {
		return "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
	}

	@Test
	void aSignedSlashCommandForASubcommandNoModuleRegistersGetsTheKernelsAnswerWithHelp() {
		var answer = new SlackChat(slack, ADA, channel()).command("/echo nonsense");

		assertThat(answer.kind()).isEqualTo(SlackChat.Outcome.Kind.EPHEMERAL);
		assertThat(answer.text()).startsWith(texts.get(Locale.ENGLISH, "kernel.unknown-subcommand", "echo", "nonsense"))
			.contains("/echo say", "/echo post");
	}

	/**
	 * The door registers with Bolt one slash command per word the kernel knows, and Slack sends only
	 * the commands of the app's manifest, so a word no module registers never reaches the kernel:
	 * Bolt answers it 404 and no feature runs.
	 */
	@Test
	void aSignedSlashCommandForAWordNoModuleRegistersIsNotServed() {
		int before = echo.received.size();

		var response = slack.slash(ADA, channel(), "/nothing", "at all", slack.api.responseUrl(),
				UUID.randomUUID().toString());

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(echo.received).hasSize(before);
	}

	@Test
	void aSignedSlashCommandReachesTheFeatureThatRegisteredItsWord() {
		var where = channel();

		var answer = new SlackChat(slack, ADA, where).command("/echo say hello there");

		assertThat(answer.text().strip()).isEqualTo("Ada Lovelace said: hello there");
		var request = echo.received.get(echo.received.size() - 1);
		assertThat(request.caller().personId()).isEqualTo("ada");
		assertThat(request.channel().id()).isEqualTo(where);
	}

	@Test
	void aSlackUserTheDirectoryDoesNotKnowIsToldSo() {
		var answer = new SlackChat(slack, "U01NOBODY", channel()).command("/echo say hi");

		assertThat(answer.text().strip()).isEqualTo(texts.get(Locale.ENGLISH, "kernel.unknown-person", "slack", "U01NOBODY"));
	}

	@Test
	void aRequestWithABadSignatureIsRefusedAndReachesNoFeature() {
		var where = channel();
		int before = echo.received.size();
		var form = new java.util.LinkedHashMap<String, String>();
		form.put("team_id", SlackWorkspace.TEAM);
		form.put("channel_id", where);
		form.put("user_id", ADA);
		form.put("command", "/echo");
		form.put("text", "post forged");
		form.put("response_url", slack.api.responseUrl());
		form.put("trigger_id", UUID.randomUUID().toString());

		var response = slack.post(SlackWorkspace.formBody(form), System.currentTimeMillis() / 1000, "not-the-secret");

		assertThat(response.statusCode()).isEqualTo(401);
		// a genuine command after it, in the same channel, is answered and delivered first
		new SlackChat(slack, ADA, where).command("/echo post genuine");
		await().atMost(Duration.ofSeconds(15)).until(() -> !slack.api.messages(where).isEmpty());
		assertThat(slack.api.messages(where)).extracting(posted -> posted.text().strip()).containsExactly("genuine");
		assertThat(echo.received).hasSize(before + 1);
	}

	@Test
	void theOutboxPostsThroughTheWebApi() {
		var where = channel();

		new SlackChat(slack, ADA, where).command("/echo post to everyone here");

		await().atMost(Duration.ofSeconds(15)).until(() -> !slack.api.messages(where).isEmpty());
		assertThat(slack.api.calls("chat.postMessage", call -> where.equals(call.params().get("channel")))).hasSize(1);
		assertThat(slack.api.messages(where).get(0).text().strip()).isEqualTo("to everyone here");
	}

}
