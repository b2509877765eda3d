package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.steward.StewardApplication;
import dev.steward.discord.DiscordChat;
import dev.steward.discord.FakeDiscord;
import dev.steward.support.SampleApplication;

/**
 * No secret Steward is given ever reaches its log: a whole run of Steward in a process of its own,
 * secrets in its environment, both doors on (Slack over HTTP and Socket Mode, Discord), logging at
 * debug for Steward and both platforms' libraries, through start-up, a form, commands on both doors,
 * deliveries, a refused forgery, a request Bolt cannot read, and a graceful shutdown. Everything the
 * process wrote is then searched for each secret.
 */
class SecretsNotLoggedTests {

	private static final String BOT_TOKEN = "xoxb-1111-2222-secretbottoken";

	private static final String SIGNING_SECRET = SlackWorkspace.SECRET;

	private static final String APP_TOKEN = "xapp-1-A01-3333-secretapptoken";

	private static final String DISCORD_TOKEN = "fake-bot-token";

	private static final String LINK_SECRET = "link-secret-" + UUID.randomUUID();

	private static final String DATABASE_PASSWORD = "db-password-" + UUID.randomUUID();

	@Test
	void noConfiguredSecretAppearsInTheLogOfAWholeRun() throws Exception {
		var log = Files.createTempDirectory("steward-secrets").resolve("steward.log");
		int port;
		try (var socket = new java.net.ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		// fakes of its own: Socket Mode and this run's token are not what the shared fake's tests expect
		try (var discord = new FakeDiscord(); var api = FakeSlackApi.start()) {
			// Steward in a process of its own, as it runs in production: its whole output is the log
			var command = List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx384m", "-cp",
					System.getProperty("java.class.path"), StewardApplication.class.getName(),
					"--spring.profiles.active=test", "--server.port=" + port, "--management.server.port=0",
					"--logging.level.root=info", "--logging.level.dev.steward=debug", "--logging.level.com.slack=debug",
					"--logging.level.net.dv8tion=debug", "--logging.level.org.springframework.boot.context=debug",
					"--spring.datasource.url=jdbc:h2:mem:secrets;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
					"--spring.datasource.hikari.maximum-pool-size=5", "--steward.slack.pacing=40ms",
					"--STEWARD_SLACK_API_URL=" + api.apiUrl(), "--steward.discord.api-url=" + discord.apiUrl(),
					"--steward.discord.gateway-url=" + discord.gatewayUrl(),
					"--steward.discord.guild-id=" + FakeDiscord.GUILD_ID);
			var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			// secrets come the way operators give them: in the environment
			builder.environment().put("SLACK_BOT_TOKEN", BOT_TOKEN);
			builder.environment().put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
			builder.environment().put("SLACK_APP_TOKEN", APP_TOKEN);
			builder.environment().put("DISCORD_BOT_TOKEN", DISCORD_TOKEN);
			builder.environment().put("STEWARD_LINK_SECRET", LINK_SECRET);
			builder.environment().put("SPRING_DATASOURCE_PASSWORD", DATABASE_PASSWORD);
			var steward = builder.start();
			try {
				Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
					.until(() -> !steward.isAlive() || Files.readString(log).contains("Started StewardApplication"));
				assertThat(steward.isAlive()).as("Steward started").isTrue();
				var slack = new SlackWorkspace(port, api);
				var emma = new SlackChat(slack, "U01EMMAWILSON", "C01GENERAL");
				emma.command("/steward whoami");
				emma.fill(emma.command("/project apply"), SampleApplication.values("Secrets stay secret"));
				slack.post("command=%2Fsteward&text=whoami", System.currentTimeMillis() / 1000, "not-the-secret");
				slack.postBytes("payload=not json".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
				new DiscordChat(discord, "100000000000000002", "emma", "general", "en-US").command("/steward whoami");
				// the approver's card goes out through the outbox to Slack
				Awaitility.await().atMost(Duration.ofSeconds(30))
					.until(() -> Files.readString(log).contains("Secrets stay secret") || !slack.api.calls("chat.postMessage").isEmpty());
			}
			finally {
				// SIGTERM: a graceful shutdown, whose steps are logged too
				steward.destroy();
				if (!steward.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
					steward.destroyForcibly();
				}
			}
		}
		var written = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(written).as("the run was logged at debug").contains("Started StewardApplication").contains("DEBUG");
		for (var secret : List.of(BOT_TOKEN, SIGNING_SECRET, APP_TOKEN, DISCORD_TOKEN, LINK_SECRET, DATABASE_PASSWORD)) {
			assertThat(written).as("the log holds " + secret.substring(0, 6) + "…").doesNotContain(secret);
		}
	}

}
