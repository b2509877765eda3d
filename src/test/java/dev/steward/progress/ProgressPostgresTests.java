package dev.steward.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import dev.steward.approval.ApprovalManagement;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.engagement.Project;
import dev.steward.support.PostgresDatabase;
import dev.steward.support.ApprovedProjects;
import dev.steward.support.WeeklyTiming;

/**
 * The weekly cycle's aggregates on PostgreSQL: a week with its prompts and reports saved and read
 * back whole, and a schedule written with plain SQL (as the weekly prompt benchmark writes it)
 * read and changed through its repository.
 */
@SpringBootTest
@ActiveProfiles("test")
@ContextConfiguration(initializers = PostgresDatabase.class)
class ProgressPostgresTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	ProgressManagement progress;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	@Autowired
	JdbcClient jdbc;

	Project project(String title) {
		return ApprovedProjects.approved(engagements, approvals, title, new Home("playground", "general", false), "sun.li", "chen.jie");
	}

	int prompts(long cycleId) {
		return jdbc.sql("select count(*) from progress_prompt where cycle_id = :c").param("c", cycleId)
			.query(Integer.class).single();
	}

	@Test
	void aWholeWeekIsSavedAndReadBackWhole() {
		var project = project("Postgres week");
		WeeklyTiming.keepTheDeadlineDaysAway(progress, project);
		var due = Instant.now().minus(Duration.ofMinutes(30));
		progress.prompt(project.id(), SHANGHAI, due);
		progress.prompt(project.id(), SHANGHAI, due);
		var cycle = progress.currentCycle(project.id()).orElseThrow();
		assertThat(cycle.week()).isEqualTo(Cycle.week(due, SHANGHAI));
		assertThat(cycle.prompted()).containsExactly("chen.jie", "sun.li");
		assertThat(prompts(cycle.id())).as("never twice").isEqualTo(2);

		var first = progress.submit(project.id(), "sun.li", "Interviews", "Synthesis", null, 40, Rag.AMBER);
		var edited = progress.submit(project.id(), "sun.li", "Six interviews", "Synthesis", "Data", 50, Rag.RED);
		// the first submission's moment, as the database keeps it (to the microsecond)
		assertThat(edited.submittedAt()).isCloseTo(first.submittedAt(), within(1, ChronoUnit.MILLIS));
		assertThat(edited.updatedAt()).isAfterOrEqualTo(edited.submittedAt());
		progress.excuse(project.id(), "chen.jie", "zhang.wei", "on leave");
		progress.close(project.id());
		progress.forward(cycle.id(), "zhang.wei", "Sent on.");

		var stored = progress.cycle(cycle.id()).orElseThrow();
		assertThat(stored.reports()).singleElement().satisfies(report -> {
			assertThat(report.done()).isEqualTo("Six interviews");
			assertThat(report.rag()).isEqualTo(Rag.RED);
			assertThat(report.hasBlockers()).isTrue();
		});
		assertThat(stored.excused()).containsExactly("chen.jie");
		assertThat(stored.prompted()).containsExactly("sun.li");
		assertThat(progress.missing(stored)).isEmpty();
		assertThat(stored.closed()).isTrue();
		assertThat(stored.forwardedBy()).isEqualTo("zhang.wei");
		assertThat(stored.pmComment()).isEqualTo("Sent on.");
		assertThat(stored.deadlineAt()).isAfter(due);
	}

	@Test
	void aScheduleWrittenWithSqlIsReadAndChangedThroughItsRepository() {
		var project = project("Postgres schedule");
		jdbc.sql("""
				insert into progress_schedule (project_id, report_day, report_time, deadline_day, deadline_time,
				  time_zone, calendar_id, shift) values (:p, 'TUESDAY', '08:15', 'THURSDAY', '10:00', 'Asia/Shanghai',
				  'bench', 'PREVIOUS')""").param("p", project.id()).update();
		var schedule = progress.schedule(project.id());
		assertThat(schedule.reportDay()).isEqualTo(DayOfWeek.TUESDAY);
		assertThat(schedule.reportTime()).isEqualTo(LocalTime.of(8, 15));
		assertThat(schedule.zone()).isEqualTo(SHANGHAI);

		progress.changeSchedule(project.id(), "zhang.wei", DayOfWeek.THURSDAY, LocalTime.of(9, 30), DayOfWeek.FRIDAY,
				LocalTime.NOON, ZoneId.of("Europe/London"));
		var changed = progress.schedule(project.id());
		assertThat(changed.reportTime()).isEqualTo(LocalTime.of(9, 30));
		assertThat(changed.zone()).isEqualTo(ZoneId.of("Europe/London"));
		assertThat(changed.calendarId()).as("the calendar stays").isEqualTo("bench");
	}

}
