package dev.steward.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.steward.directory.DirectoryManagement;
import dev.steward.directory.Role;

/**
 * Real JDA logs in to the fake Discord, registers the commands in the guild and answers a command;
 * Discord roles map to directory roles by configuration.
 */
class DiscordWiringTests extends DiscordTest {

	@Autowired
	DirectoryManagement directory;

	@Test
	void botIdentifiesOnTheGatewayAndRegistersCommandsInTheGuild() {
		assertThat(discord.identified()).isTrue();
		assertThat(discord.identify().getString("token")).isEqualTo("fake-bot-token");
		assertThat(discord.identify().getInt("intents")).as("only GUILDS: no privileged intent").isEqualTo(1);
		assertThat(discord.calls("PUT", "/applications/" + FakeDiscord.BOT_ID + "/guilds/" + FakeDiscord.GUILD_ID
				+ "/commands")).hasSize(1);
		assertThat(discord.commands().length()).isGreaterThanOrEqualTo(3);
		assertThat(discord.globalCommands().length()).as("no global leftovers to show twice").isZero();
	}

	@Test
	void gatewaySpeaksZlibStreamAsWithDiscord() {
		assertThat(discord.compressed()).isTrue();
	}

	@Test
	void botResumesItsSessionWhenTheGatewayDropsAndStillAnswers() {
		int before = discord.resumes();
		discord.dropConnections();
		org.awaitility.Awaitility.await().atMost(DiscordChat.PATIENCE).until(() -> discord.resumes() > before);
		assertThat(DiscordChat.text(chat(EMMA_WILSON, "emma", "general").command("/steward whoami")))
			.contains("Emma Wilson");
	}

	@Test
	void slashCommandInAChannelIsAnsweredEphemerallyInThePersonsLanguage() {
		var answer = chat(EMMA_WILSON, "emma", "general").command("/steward whoami");
		assertThat(answer.type()).isEqualTo(FakeDiscord.Answer.MESSAGE);
		assertThat(answer.ephemeral()).isTrue();
		assertThat(DiscordChat.text(answer)).contains("Emma Wilson");
	}

	@Test
	void aMappedDiscordRoleGivesTheDirectoryRoleForAsLongAsTheMemberHoldsIt() {
		var sun = chat(SUN_LI, "sunli", "general");
		sun.withRoles(FakeDiscord.ROLES.get("HR"), FakeDiscord.ROLES.get("Management")).command("/steward whoami");
		var person = directory.person("sun.li").orElseThrow();
		assertThat(person.has(Role.HR)).isTrue();
		assertThat(person.has(Role.MANAGEMENT)).as("an unmapped Discord role gives nothing").isFalse();

		sun.in(null).command("/steward whoami");
		assertThat(directory.person("sun.li").orElseThrow().has(Role.HR)).as("a DM does not say").isTrue();

		sun.command("/steward whoami");
		assertThat(directory.person("sun.li").orElseThrow().has(Role.HR)).isFalse();
	}

}
