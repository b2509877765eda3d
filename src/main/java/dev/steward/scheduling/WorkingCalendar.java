package dev.steward.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A region's working days: its weekly rest days, its public holidays, and the weekend days that
 * are worked to make up for a holiday (China's 调休).
 *
 * @param holidays public holidays and their names
 * @param workdays rest days that are worked this time (make-up working days)
 */
public record WorkingCalendar(String id, String name, Set<DayOfWeek> restDays, Map<LocalDate, String> holidays,
		Set<LocalDate> workdays) {

	/** How far a shift may look for a working day before giving up. */
	static final int SEARCH_DAYS = 31;

	public WorkingCalendar {
		restDays = Set.copyOf(restDays);
		holidays = Map.copyOf(holidays);
		workdays = Set.copyOf(workdays);
	}

	public boolean isWorkingDay(LocalDate date) {
		if (workdays.contains(date)) {
			return true;
		}
		return !restDays.contains(date.getDayOfWeek()) && !holidays.containsKey(date);
	}

	public Optional<String> holiday(LocalDate date) {
		return Optional.ofNullable(holidays.get(date));
	}

	/**
	 * The moment a span of working time after {@code start} ends, counting only the hours between
	 * {@code open} and {@code close} on working days, in a time zone.
	 */
	public Instant plusWorkingTime(Instant start, Duration amount, ZoneId zone, LocalTime open, LocalTime close) {
		var left = amount;
		var cursor = start.atZone(zone);
		for (int day = 0; day < 3660 && !left.isNegative() && !left.isZero(); day++) {
			var date = cursor.toLocalDate();
			if (isWorkingDay(date)) {
				var dayOpen = date.atTime(open).atZone(zone);
				var dayClose = date.atTime(close).atZone(zone);
				var from = cursor.isAfter(dayOpen) ? cursor : dayOpen;
				if (from.isBefore(dayClose)) {
					var available = Duration.between(from, dayClose);
					if (available.compareTo(left) >= 0) {
						return from.plus(left).toInstant();
					}
					left = left.minus(available);
				}
			}
			cursor = date.plusDays(1).atStartOfDay(zone);
		}
		return cursor.toInstant();
	}

	/** The day an occurrence nominally on {@code date} really happens, by the shift policy; empty if skipped. */
	public Optional<LocalDate> shift(LocalDate date, Shift shift) {
		if (isWorkingDay(date)) {
			return Optional.of(date);
		}
		if (shift == Shift.SKIP) {
			return Optional.empty();
		}
		int step = shift == Shift.PREVIOUS ? -1 : 1;
		var candidate = date;
		for (int i = 0; i < SEARCH_DAYS; i++) {
			candidate = candidate.plusDays(step);
			if (isWorkingDay(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

}
