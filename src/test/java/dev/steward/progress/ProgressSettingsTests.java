package dev.steward.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The weekly cycle's settings state their defaults once; a duration that is none stops the start. */
class ProgressSettingsTests {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ProgressSettings.class)
	static class Settings {

	}

	final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

	@Test
	void theDefaultsNeedNoConfiguration() {
		runner.run(context -> assertThat(context.getBean(ProgressSettings.class).grace()).isEqualTo(Duration.ofHours(12)));
	}

	@Test
	void aDurationThatIsNoDurationStopsTheStartNamingTheProperty() {
		runner.withPropertyValues("steward.progress.grace=soon").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasMessageContaining("steward.progress");
		});
	}

}
