package dev.steward.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.data.DataArray;

import dev.steward.conversation.Outbox;
import dev.steward.conversation.Texts;
import dev.steward.support.EchoCommands;
import dev.steward.support.TestCallers;

/**
 * The Discord door on the kernel alone, real JDA against a {@link FakeDiscord} of its own: it
 * connects, registers exactly the commands of the modules in the bootstrap (a one-word test feature
 * here), answers them through the kernel, and delivers the outbox. All its dependencies are the
 * kernel and the firm's defaults (read in a bean method, which Modulith does not count as a direct
 * dependency); a small directory stands in for the directory module.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class DiscordModuleTests {

	static final FakeDiscord discord = new FakeDiscord();

	static final String ADA = "100000000000000701";

	@DynamicPropertySource
	static void discord(DynamicPropertyRegistry registry) {
		discord.configure(registry);
	}

	/** What the directory module and a feature module would bring in the application. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Outside {

		@Bean
		TestCallers testCallers() {
			return new TestCallers().person("ada", "Ada Lovelace", false, DiscordInteractions.DOOR, ADA);
		}

		/**
		 * The outbox injected as a feature's command class would: the outbox looks the doors up
		 * only when it needs them, so the gateway → JDA → kernel → feature → outbox chain is no loop.
		 */
		@Bean
		EchoCommands echoCommands(Outbox outbox) {
			return new EchoCommands(outbox, true);
		}

	}

	@Autowired
	DiscordGateway gateway;

	@Autowired
	Texts texts;

	@Autowired
	EchoCommands echo;

	static DiscordChat chat(String userId, String name) {
		return new DiscordChat(discord, userId, name, "general", "en-US");
	}

	@Test
	void jdaConnectsToTheGatewayWithTheBotToken() {
		var jda = gateway.jda();
		await().atMost(DiscordChat.PATIENCE).until(() -> jda.getStatus() == JDA.Status.CONNECTED);
		assertThat(discord.identified()).isTrue();
		assertThat(discord.identify().getString("token")).isEqualTo("fake-bot-token");
		assertThat(jda.getGuildById(FakeDiscord.GUILD_ID)).as("READY brought the guild").isNotNull();
	}

	@Test
	void theCommandsRegisteredInTheGuildAreTheKernelsAndNoOthers() {
		await().atMost(DiscordChat.PATIENCE).until(() -> discord.commands().length() > 0);

		var registered = discord.commands();
		// the test's feature and the kernel's own /steward (deliveries, for admins)
		assertThat(names(registered)).containsExactly("echo", "steward");
		var subcommands = names(registered.getObject(0).getArray("options"));
		assertThat(subcommands).containsExactlyInAnyOrder("say", "post", "help");
		assertThat(discord.globalCommands().length()).as("guild commands only").isZero();
	}

	@Test
	void aSlashCommandIsAnsweredByTheFeatureThroughTheKernelOnlyToThePerson() {
		var answer = chat(ADA, "ada").command("/echo say hello there");

		assertThat(answer.ephemeral()).isTrue();
		assertThat(DiscordChat.text(answer).strip()).isEqualTo("Ada Lovelace said: hello there");
		var request = echo.received.get(echo.received.size() - 1);
		assertThat(request.caller().personId()).isEqualTo("ada");
		assertThat(request.channel().id()).isEqualTo(FakeDiscord.channel("general"));
	}

	@Test
	void aDiscordUserTheDirectoryDoesNotKnowIsToldSo() {
		var answer = chat("100000000000000799", "stranger").command("/echo say hi");

		assertThat(DiscordChat.text(answer).strip())
			.isEqualTo(texts.get(Locale.ENGLISH, "kernel.unknown-person", "discord", "100000000000000799"));
	}

	@Test
	void theOutboxPostsToTheChannel() {
		var channel = FakeDiscord.channel("consulting");
		var text = "for everyone " + System.nanoTime();

		new DiscordChat(discord, ADA, "ada", "consulting", "en-US").command("/echo post " + text);

		await().atMost(DiscordChat.PATIENCE)
			.until(() -> discord.messagesIn(channel).stream().anyMatch(message -> DiscordChat.text(message).contains(text)));
	}

	private static List<String> names(DataArray array) {
		var names = new ArrayList<String>();
		for (int i = 0; i < array.length(); i++) {
			names.add(array.getObject(i).getString("name"));
		}
		return names;
	}

}
