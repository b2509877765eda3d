package dev.steward.scheduling;

import java.nio.file.Path;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the firm's calendars are and which one serves projects and people that name none
 * ({@code steward.scheduling.*}). A default calendar that is not among the files stops the start.
 *
 * @param calendars the folder of calendar files, one YAML file a region
 * @param defaultCalendar the id of the calendar for whatever names none
 * @param workingHours when a working day's working time starts and ends (approval reminders count it)
 */
@ConfigurationProperties("steward.scheduling")
record SchedulingSettings(@DefaultValue("config/calendars") Path calendars, @DefaultValue("cn-2026") String defaultCalendar,
		@DefaultValue WorkingHours workingHours) {

	/** A working day's hours, in the firm's zone. */
	record WorkingHours(@DefaultValue("09:00") LocalTime start, @DefaultValue("18:00") LocalTime end) {

		WorkingHours {
			if (!start.isBefore(end)) {
				throw new IllegalArgumentException(
						"steward.scheduling.working-hours: start " + start + " must come before end " + end);
			}
		}

	}

}
