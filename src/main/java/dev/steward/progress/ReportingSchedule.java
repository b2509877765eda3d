package dev.steward.progress;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

import dev.steward.scheduling.Shift;
import dev.steward.scheduling.WeeklySchedule;

/**
 * When a project's members are prompted and when their reports are due. Members are prompted
 * on the report day at the report time in their own time zone; the deadline is in the project's.
 * A project without a stored schedule reports on the firm's defaults.
 */
@Table("progress_schedule")
public class ReportingSchedule {

	@Id
	private final long projectId;

	@Version
	private Integer version;

	private DayOfWeek reportDay;

	/** Times and the zone are kept as the text the table has always held ({@code 15:00}, {@code Asia/Shanghai}). */
	private String reportTime;

	private DayOfWeek deadlineDay;

	private String deadlineTime;

	@Column("time_zone")
	private String zone;

	private final String calendarId;

	private final Shift shift;

	@PersistenceCreator
	ReportingSchedule(long projectId, Integer version, DayOfWeek reportDay, String reportTime, DayOfWeek deadlineDay,
			String deadlineTime, String zone, String calendarId, Shift shift) {
		this.projectId = projectId;
		this.version = version;
		this.reportDay = reportDay;
		this.reportTime = reportTime;
		this.deadlineDay = deadlineDay;
		this.deadlineTime = deadlineTime;
		this.zone = zone;
		this.calendarId = calendarId;
		this.shift = shift;
	}

	/** A schedule not stored yet (the firm's defaults, until the project manager changes them). */
	static ReportingSchedule of(long projectId, DayOfWeek reportDay, LocalTime reportTime, DayOfWeek deadlineDay,
			LocalTime deadlineTime, ZoneId zone, String calendarId, Shift shift) {
		return new ReportingSchedule(projectId, null, reportDay, reportTime.toString(), deadlineDay,
				deadlineTime.toString(), zone.getId(), calendarId, shift);
	}

	/** Moves the prompt and the deadline; the calendar and the shift off rest days stay. */
	void change(DayOfWeek reportDay, LocalTime reportTime, DayOfWeek deadlineDay, LocalTime deadlineTime, ZoneId zone) {
		this.reportDay = reportDay;
		this.reportTime = reportTime.toString();
		this.deadlineDay = deadlineDay;
		this.deadlineTime = deadlineTime.toString();
		this.zone = zone.getId();
	}

	/** The prompt, as a member in the given zone gets it. */
	public WeeklySchedule promptIn(ZoneId memberZone) {
		return new WeeklySchedule(reportDay, reportTime(), memberZone, shift);
	}

	/** The deadline, in the project's zone. */
	public WeeklySchedule deadline() {
		return new WeeklySchedule(deadlineDay, deadlineTime(), zone(), Shift.NEXT);
	}

	public long projectId() {
		return projectId;
	}

	public DayOfWeek reportDay() {
		return reportDay;
	}

	public LocalTime reportTime() {
		return LocalTime.parse(reportTime);
	}

	public DayOfWeek deadlineDay() {
		return deadlineDay;
	}

	public LocalTime deadlineTime() {
		return LocalTime.parse(deadlineTime);
	}

	public ZoneId zone() {
		return ZoneId.of(zone);
	}

	public String calendarId() {
		return calendarId;
	}

	public Shift shift() {
		return shift;
	}

}
