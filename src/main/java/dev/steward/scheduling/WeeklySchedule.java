package dev.steward.scheduling;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * Something that happens once a week, on a day at a local time in a time zone, on working days
 * only: an occurrence on a non-working day shifts by the policy.
 */
public record WeeklySchedule(DayOfWeek day, LocalTime time, ZoneId zone, Shift shift) {

	/** How many weeks ahead to look before concluding nothing ever happens (a calendar of holidays). */
	static final int SEARCH_WEEKS = 60;

	/** The week's occurrence, for the week (Monday to Sunday) that holds the given date; empty if skipped. */
	public Optional<ZonedDateTime> inWeekOf(LocalDate anyDay, WorkingCalendar calendar) {
		var nominal = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
			.with(TemporalAdjusters.nextOrSame(day));
		// a local time that does not exist (spring forward) moves later by the gap; a repeated one takes the first
		return calendar.shift(nominal, shift).map(date -> date.atTime(time).atZone(zone));
	}

	/** The first occurrence strictly after the given moment. */
	public Optional<Instant> next(Instant after, WorkingCalendar calendar) {
		var week = after.atZone(zone).toLocalDate().minusWeeks(1);
		for (int i = 0; i < SEARCH_WEEKS; i++, week = week.plusWeeks(1)) {
			var occurrence = inWeekOf(week, calendar);
			if (occurrence.isPresent() && occurrence.get().toInstant().isAfter(after)) {
				return Optional.of(occurrence.get().toInstant());
			}
		}
		return Optional.empty();
	}

}
