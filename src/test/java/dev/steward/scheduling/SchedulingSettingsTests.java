package dev.steward.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import dev.steward.firm.FirmDefaults;

/** Scheduling's settings are typed and checked at start: a wrong one stops it with a clear message. */
class SchedulingSettingsTests {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ FirmDefaults.class, SchedulingSettings.class })
	static class Calendars {

		@org.springframework.context.annotation.Bean
		WorkingCalendars workingCalendars(SchedulingSettings settings, FirmDefaults firm) throws java.io.IOException {
			return new WorkingCalendars(settings, firm);
		}

	}

	final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Calendars.class)
		.withPropertyValues("steward.scheduling.calendars=config/calendars");

	@Test
	void theDefaultsNeedNoConfiguration() throws java.io.IOException {
		var settings = new SchedulingSettings(Path.of("config/calendars"), "cn-2026",
				new SchedulingSettings.WorkingHours(LocalTime.of(9, 0), LocalTime.of(18, 0)));
		var calendars = new WorkingCalendars(settings, new FirmDefaults(Locale.ENGLISH, ZoneId.of("UTC")));
		assertThat(calendars.defaultCalendar().id()).isEqualTo("cn-2026");
	}

	@Test
	void aDefaultCalendarThatIsNotAmongTheFilesStopsTheStart() {
		runner.withPropertyValues("steward.scheduling.default-calendar=atlantis-2026").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("atlantis-2026")
				.hasMessageContaining("cn-2026");
		});
	}

	@Test
	void workingHoursThatEndBeforeTheyStartStopTheStart() {
		runner.withPropertyValues("steward.scheduling.working-hours.start=18:00",
				"steward.scheduling.working-hours.end=09:00")
			.run(context -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("working-hours");
			});
	}

}
