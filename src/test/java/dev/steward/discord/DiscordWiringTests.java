package dev.steward.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Real JDA logs in to the fake Discord, registers the commands in the guild and answers a command. */
class DiscordWiringTests extends DiscordTest {

	@Test
	void botIdentifiesOnTheGatewayAndRegistersCommandsInTheGuild() {
		assertThat(discord.identified()).isTrue();
		assertThat(discord.calls("PUT", "/applications/" + FakeDiscord.BOT_ID + "/guilds/" + FakeDiscord.GUILD_ID
				+ "/commands")).hasSize(1);
		assertThat(discord.commands().length()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void slashCommandInAChannelIsAnsweredEphemerallyInThePersonsLanguage() {
		var answer = chat(EMMA_WILSON, "emma", "general").command("/steward whoami");
		assertThat(answer.type()).isEqualTo(FakeDiscord.Answer.MESSAGE);
		assertThat(answer.ephemeral()).isTrue();
		assertThat(DiscordChat.text(answer)).contains("Emma Wilson");
	}

}
