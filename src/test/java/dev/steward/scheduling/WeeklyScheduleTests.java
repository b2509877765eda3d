package dev.steward.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

/** Working days and weekly occurrences, against the shipped calendars and fixed moments. */
class WeeklyScheduleTests {

	static final WorkingCalendar CHINA = calendar("cn-2026.yaml");

	static final WorkingCalendar ENGLAND = calendar("gb-eaw-2026.yaml");

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static WorkingCalendar calendar(String file) {
		try {
			return WorkingCalendars.read(Path.of("config/calendars", file));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Instant at(String local, ZoneId zone) {
		return java.time.LocalDateTime.parse(local).atZone(zone).toInstant();
	}

	@Test
	void holidaysRestDaysAndMakeUpWorkdays() {
		assertThat(CHINA.isWorkingDay(LocalDate.parse("2026-01-04"))).as("Sunday worked for New Year (调休)").isTrue();
		assertThat(CHINA.isWorkingDay(LocalDate.parse("2026-02-16"))).as("Spring Festival").isFalse();
		assertThat(CHINA.isWorkingDay(LocalDate.parse("2026-03-07"))).as("an ordinary Saturday").isFalse();
		assertThat(CHINA.isWorkingDay(LocalDate.parse("2026-03-06"))).as("an ordinary Friday").isTrue();
		assertThat(CHINA.holiday(LocalDate.parse("2026-10-01"))).hasValueSatisfying(name -> assertThat(name).contains("国庆节"));
		assertThat(ENGLAND.isWorkingDay(LocalDate.parse("2026-04-03"))).as("Good Friday").isFalse();
		assertThat(ENGLAND.isWorkingDay(LocalDate.parse("2026-01-04"))).as("no make-up days in England").isFalse();
	}

	@Test
	void anOccurrenceOnAHolidayShiftsByThePolicy() {
		// Friday 2 October 2026 falls in China's National Day week (1–7 October)
		var friday = LocalDate.parse("2026-10-02");
		var at = LocalTime.of(17, 0);
		assertThat(new WeeklySchedule(DayOfWeek.FRIDAY, at, SHANGHAI, Shift.PREVIOUS).inWeekOf(friday, CHINA))
			.contains(ZonedDateTime.of(LocalDate.parse("2026-09-30").atTime(at), SHANGHAI));
		assertThat(new WeeklySchedule(DayOfWeek.FRIDAY, at, SHANGHAI, Shift.NEXT).inWeekOf(friday, CHINA))
			.contains(ZonedDateTime.of(LocalDate.parse("2026-10-08").atTime(at), SHANGHAI));
		assertThat(new WeeklySchedule(DayOfWeek.FRIDAY, at, SHANGHAI, Shift.SKIP).inWeekOf(friday, CHINA)).isEmpty();
	}

	@Test
	void aMakeUpWorkdayIsAnOrdinaryWorkingDay() {
		// Sunday 4 January 2026 is worked in China: a Sunday schedule happens; in England it shifts
		var sunday = new WeeklySchedule(DayOfWeek.SUNDAY, LocalTime.of(10, 0), SHANGHAI, Shift.SKIP);
		assertThat(sunday.inWeekOf(LocalDate.parse("2026-01-04"), CHINA)).isPresent();
		assertThat(sunday.inWeekOf(LocalDate.parse("2026-01-11"), CHINA)).isEmpty();
	}

	@Test
	void nextSkipsPastOccurrencesAndHolidays() {
		var schedule = new WeeklySchedule(DayOfWeek.FRIDAY, LocalTime.of(17, 0), SHANGHAI, Shift.SKIP);
		// Thursday 1 October, noon: this Friday is a holiday (skipped), so the next is 9 October
		assertThat(schedule.next(at("2026-10-01T12:00", SHANGHAI), CHINA))
			.contains(at("2026-10-09T17:00", SHANGHAI));
		// exactly at an occurrence, the next one is a week later
		assertThat(schedule.next(at("2026-10-09T17:00", SHANGHAI), CHINA))
			.contains(at("2026-10-16T17:00", SHANGHAI));
		// a PREVIOUS shift can land earlier in the week than the nominal day
		var previous = new WeeklySchedule(DayOfWeek.FRIDAY, LocalTime.of(17, 0), SHANGHAI, Shift.PREVIOUS);
		assertThat(previous.next(at("2026-09-29T09:00", SHANGHAI), CHINA)).contains(at("2026-09-30T17:00", SHANGHAI));
	}

	@Test
	void localTimeHoldsAcrossDaylightSavingChanges() {
		var london = new WeeklySchedule(DayOfWeek.FRIDAY, LocalTime.of(9, 0), LONDON, Shift.PREVIOUS);
		// before the clocks go forward (29 March 2026): 09:00 GMT is 09:00 UTC
		assertThat(london.next(at("2026-03-23T00:00", LONDON), ENGLAND)).contains(Instant.parse("2026-03-27T09:00:00Z"));
		// after: Good Friday 3 April shifts to Thursday 2 April, 09:00 BST is 08:00 UTC
		assertThat(london.next(at("2026-03-30T00:00", LONDON), ENGLAND)).contains(Instant.parse("2026-04-02T08:00:00Z"));
		// New York changes on 8 March 2026: 17:00 EST is 22:00 UTC, 17:00 EDT is 21:00 UTC
		var newYork = new WeeklySchedule(DayOfWeek.FRIDAY, LocalTime.of(17, 0), NEW_YORK, Shift.PREVIOUS);
		assertThat(newYork.next(at("2026-03-02T00:00", NEW_YORK), ENGLAND)).contains(Instant.parse("2026-03-06T22:00:00Z"));
		assertThat(newYork.next(at("2026-03-09T00:00", NEW_YORK), ENGLAND)).contains(Instant.parse("2026-03-13T21:00:00Z"));
	}

	@Test
	void aLocalTimeThatDoesNotExistMovesLaterByTheGap() {
		// 01:30 on Sunday 29 March 2026 does not exist in London: it becomes 02:30 BST
		var weekend = new WorkingCalendar("all", "every day", java.util.Set.of(), java.util.Map.of(), java.util.Set.of());
		var schedule = new WeeklySchedule(DayOfWeek.SUNDAY, LocalTime.of(1, 30), LONDON, Shift.SKIP);
		assertThat(schedule.next(at("2026-03-28T00:00", LONDON), weekend)).contains(Instant.parse("2026-03-29T01:30:00Z"));
	}

	@Test
	void workingTimeCountsOnlyWorkingHoursOnWorkingDays() {
		var open = LocalTime.of(9, 0);
		var close = LocalTime.of(18, 0);
		// Thursday 24 September 2026, 17:00: one hour left that day; 25–27 are the Mid-Autumn holiday
		assertThat(CHINA.plusWorkingTime(at("2026-09-24T17:00", SHANGHAI), java.time.Duration.ofHours(8), SHANGHAI,
				open, close)).isEqualTo(at("2026-09-28T16:00", SHANGHAI));
		// started before opening: counts from 09:00
		assertThat(CHINA.plusWorkingTime(at("2026-03-02T07:00", SHANGHAI), java.time.Duration.ofHours(2), SHANGHAI,
				open, close)).isEqualTo(at("2026-03-02T11:00", SHANGHAI));
		// Sunday 4 January 2026 is a make-up working day
		assertThat(CHINA.plusWorkingTime(at("2026-01-03T12:00", SHANGHAI), java.time.Duration.ofHours(1), SHANGHAI,
				open, close)).isEqualTo(at("2026-01-04T10:00", SHANGHAI));
	}

	@Test
	void everyShippedCalendarLoads() throws Exception {
		var calendars = WorkingCalendars.load(Path.of("config/calendars"));
		assertThat(calendars).containsKeys("cn-2026", "gb-eaw-2026");
		assertThat(calendars.get("cn-2026").holidays()).hasSize(33);
		assertThat(calendars.get("cn-2026").workdays()).hasSize(6);
		assertThat(calendars.get("gb-eaw-2026").holidays()).hasSize(8);
	}

}
