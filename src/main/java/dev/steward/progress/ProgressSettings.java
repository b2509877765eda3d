package dev.steward.progress;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The firm's defaults for the weekly cycle ({@code steward.progress.*}); each project may change
 * its own day, time, deadline and zone with {@code /progress schedule}.
 *
 * @param reminderBefore how long before the deadline members who have not reported are reminded
 * @param grace how late a prompt missed while Steward was down may still go out; later, it is skipped
 */
@ConfigurationProperties("steward.progress")
public record ProgressSettings(@DefaultValue("FRIDAY") DayOfWeek reportDay, @DefaultValue("15:00") LocalTime reportTime,
		@DefaultValue("MONDAY") DayOfWeek deadlineDay, @DefaultValue("10:00") LocalTime deadlineTime,
		@DefaultValue("4h") Duration reminderBefore, @DefaultValue("12h") Duration grace,
		@DefaultValue("MONDAY") DayOfWeek portfolioDay, @DefaultValue("12:00") LocalTime portfolioTime) {
}
