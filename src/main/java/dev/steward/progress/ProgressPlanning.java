package dev.steward.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.steward.scheduling.Scheduling;
import dev.steward.scheduling.Shift;
import dev.steward.scheduling.WeeklySchedule;
import dev.steward.scheduling.WorkingCalendars;

/**
 * When the weekly cycle's jobs run, on the working calendar: each project's prompt jobs (one a
 * time zone its members live in), a week's reminder and deadline, and management's roll-up. The
 * jobs' group and names are those already stored in Quartz's tables; keep them.
 */
@Component
class ProgressPlanning {

	private final Scheduling scheduling;

	private final WorkingCalendars calendars;

	private final ProgressSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ProgressPlanning(Scheduling scheduling, WorkingCalendars calendars, ProgressSettings settings,
			ApplicationEventPublisher events, Clock clock) {
		this.scheduling = scheduling;
		this.calendars = calendars;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/** The calendar a project's schedule follows until its manager says otherwise. */
	String defaultCalendarId() {
		return calendars.defaultCalendar().id();
	}

	/** The first deadline of the schedule after a moment, on its calendar. */
	Optional<Instant> deadlineAfter(ReportingSchedule schedule, Instant from) {
		return schedule.deadline().next(from, calendars.forId(schedule.calendarId()));
	}

	/**
	 * Gives the project a prompt job in each of these zones (a job already there is moved) and
	 * cancels those of other zones; no zones cancels them all.
	 */
	void planPrompts(long projectId, ReportingSchedule schedule, Collection<ZoneId> zones) {
		var wanted = zones.stream().map(zone -> promptJob(projectId, zone)).toList();
		var prefix = promptJobPrefix(projectId);
		scheduling.jobNames(ProgressManagement.GROUP)
			.stream()
			.filter(name -> name.startsWith(prefix) && !wanted.contains(name))
			.forEach(name -> scheduling.cancel(ProgressManagement.GROUP, name));
		schedulePrompts(projectId, schedule, zones);
	}

	/** Schedules the next prompt in each of these zones (a job already there is moved). */
	void schedulePrompts(long projectId, ReportingSchedule schedule, Collection<ZoneId> zones) {
		var calendar = calendars.forId(schedule.calendarId());
		var now = clock.instant();
		for (var zone : zones) {
			schedule.promptIn(zone)
				.next(now, calendar)
				.ifPresent(at -> scheduling.runAt(ProgressManagement.GROUP, promptJob(projectId, zone), at,
						PromptJob.class, Map.of(PromptJob.PROJECT, projectId, PromptJob.ZONE, zone.getId())));
		}
	}

	/** The week's reminder (now, if its time has passed) and its deadline. */
	void scheduleFollowUps(long projectId, Instant deadline) {
		var now = clock.instant();
		var remindAt = deadline.minus(settings.reminderBefore());
		scheduling.runAt(ProgressManagement.GROUP, "reminder-" + projectId, remindAt.isAfter(now) ? remindAt : now,
				ReminderJob.class, Map.of(PromptJob.PROJECT, projectId));
		scheduling.runAt(ProgressManagement.GROUP, "deadline-" + projectId, deadline, DeadlineJob.class,
				Map.of(PromptJob.PROJECT, projectId));
	}

	/** Announces management's weekly roll-up of the given week. */
	void portfolioDue(String week) {
		events.publishEvent(new ProgressEvents.PortfolioDue(week));
	}

	/** Schedules the next portfolio roll-up, in the firm's time zone and calendar. */
	void planPortfolio(ZoneId firmZone) {
		new WeeklySchedule(settings.portfolioDay(), settings.portfolioTime(), firmZone, Shift.NEXT)
			.next(clock.instant(), calendars.defaultCalendar())
			.ifPresent(at -> scheduling.runAt(ProgressManagement.GROUP, "portfolio", at, PortfolioJob.class, Map.of()));
	}

	/** The name of a project's prompt job for one zone: {@code prompt-<project>-<Zone.Id>}. */
	static String promptJob(long projectId, ZoneId zone) {
		return promptJobPrefix(projectId) + zone.getId().replace('/', '.');
	}

	private static String promptJobPrefix(long projectId) {
		return "prompt-" + projectId + "-";
	}

}
