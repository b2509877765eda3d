package dev.steward.playground;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class PlaygroundConditionTests {

	@Configuration(proxyBeanMethods = false)
	static class Probe {

		@Bean
		@ConditionalOnPlayground
		String playgroundProbe() {
			return "on";
		}

	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Probe.class);

	@Test
	void autoIsOnWithoutAPlatformToken() {
		runner.run(context -> assertThat(context).hasBean("playgroundProbe"));
		runner.withPropertyValues("steward.playground.enabled=auto", "SLACK_BOT_TOKEN=")
			.run(context -> assertThat(context).hasBean("playgroundProbe"));
	}

	@Test
	void autoIsOffWhenSlackOrDiscordHasAToken() {
		runner.withPropertyValues("SLACK_BOT_TOKEN=xoxb-1")
			.run(context -> assertThat(context).doesNotHaveBean("playgroundProbe"));
		runner.withPropertyValues("steward.playground.enabled=auto", "DISCORD_BOT_TOKEN=abc")
			.run(context -> assertThat(context).doesNotHaveBean("playgroundProbe"));
	}

	@Test
	void trueForcesItOnBesideAPlatform() {
		runner.withPropertyValues("steward.playground.enabled=true", "SLACK_BOT_TOKEN=xoxb-1")
			.run(context -> assertThat(context).hasBean("playgroundProbe"));
	}

	@Test
	void falseSwitchesItOff() {
		runner.withPropertyValues("steward.playground.enabled=false")
			.run(context -> assertThat(context).doesNotHaveBean("playgroundProbe"));
	}

	@Test
	void theProdProfileSwitchesItOffEvenWhenForcedOn() {
		runner.withPropertyValues("spring.profiles.active=prod")
			.run(context -> assertThat(context).doesNotHaveBean("playgroundProbe"));
		runner.withPropertyValues("spring.profiles.active=prod", "steward.playground.enabled=true")
			.run(context -> assertThat(context).doesNotHaveBean("playgroundProbe"));
		runner.withPropertyValues("spring.profiles.active=staging")
			.run(context -> assertThat(context).hasBean("playgroundProbe"));
	}

	@Test
	void anythingElseIsAMistakeSaidAtStart() {
		runner.withPropertyValues("steward.playground.enabled=maybe")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("steward.playground.enabled must be true, false or auto"));
	}

}
