package dev.steward.support;

import java.time.Clock;
import java.time.LocalDate;

import dev.steward.engagement.Project;
import dev.steward.progress.ProgressManagement;

/**
 * The cycle tests run a week's jobs now, on the real clock, while the project's real jobs stay
 * scheduled. With the firm's default deadline (Monday 10:00), a prompt run on a Monday morning
 * would have its reminder already due and its deadline hours away: the real reminder would race
 * the test's report. Moving the deadline three days on keeps every real job days away, whenever
 * the suite runs.
 */
public final class WeeklyTiming {

	private WeeklyTiming() {
	}

	/** Moves the project's deadline day three days after today, keeping everything else. */
	public static void keepTheDeadlineDaysAway(ProgressManagement progress, Project project) {
		var schedule = progress.schedule(project.id());
		var day = LocalDate.now(Clock.system(schedule.zone())).plusDays(3).getDayOfWeek();
		progress.changeSchedule(project.id(), project.managerId(), schedule.reportDay(), schedule.reportTime(), day,
				schedule.deadlineTime(), schedule.zone());
	}

}
