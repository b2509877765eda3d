package dev.steward.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Discord door is on exactly when a bot token is set; a blank one counts as none. */
class DiscordConditionTests {

	@Configuration(proxyBeanMethods = false)
	static class Probe {

		@Bean
		@ConditionalOnDiscord
		String discordProbe() {
			return "on";
		}

	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Probe.class);

	@Test
	void offWithoutATokenOrWithABlankOne() {
		runner.run(context -> assertThat(context).doesNotHaveBean("discordProbe"));
		runner.withPropertyValues("DISCORD_BOT_TOKEN=").run(context -> assertThat(context).doesNotHaveBean("discordProbe"));
		runner.withPropertyValues("steward.discord.token= ")
			.run(context -> assertThat(context).doesNotHaveBean("discordProbe"));
	}

	@Test
	void onWhenTheTokenIsSetAsEnvironmentOrProperty() {
		runner.withPropertyValues("DISCORD_BOT_TOKEN=abc").run(context -> assertThat(context).hasBean("discordProbe"));
		runner.withPropertyValues("steward.discord.token=abc").run(context -> assertThat(context).hasBean("discordProbe"));
	}

}
