package dev.steward.progress;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;

import dev.steward.scheduling.Shift;
import dev.steward.scheduling.WeeklySchedule;

/**
 * When a project's members are prompted and when their reports are due. Members are prompted
 * on the report day at the report time in their own time zone; the deadline is in the project's.
 */
public record ReportingSchedule(long projectId, DayOfWeek reportDay, LocalTime reportTime, DayOfWeek deadlineDay,
		LocalTime deadlineTime, ZoneId zone, String calendarId, Shift shift) {

	/** The prompt, as a member in the given zone gets it. */
	public WeeklySchedule promptIn(ZoneId memberZone) {
		return new WeeklySchedule(reportDay, reportTime, memberZone, shift);
	}

	/** The deadline, in the project's zone. */
	public WeeklySchedule deadline() {
		return new WeeklySchedule(deadlineDay, deadlineTime, zone, Shift.NEXT);
	}

	public ReportingSchedule with(DayOfWeek reportDay, LocalTime reportTime, DayOfWeek deadlineDay,
			LocalTime deadlineTime, ZoneId zone) {
		return new ReportingSchedule(projectId, reportDay, reportTime, deadlineDay, deadlineTime, zone, calendarId, shift);
	}

}
