package dev.steward.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.approval.ApprovalManagement;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.engagement.Project;
import dev.steward.progress.ProgressEvents.CycleAnnounced;
import dev.steward.progress.ProgressEvents.CycleClosed;
import dev.steward.progress.ProgressEvents.DigestForwarded;
import dev.steward.progress.ProgressEvents.MembersPrompted;
import dev.steward.progress.ProgressEvents.ReportSubmitted;
import dev.steward.progress.ProgressRefused.Reason;
import dev.steward.support.ApprovedProjects;
import dev.steward.support.WeeklyTiming;

/** The progress module with what it depends on: each step of the week announces itself, once. */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class ProgressModuleTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	ProgressManagement progress;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	/** An approved project of Zhang Wei's, with Sun Li (Shanghai) and Emma Wilson (London) on its team. */
	Project project(String title) {
		return ApprovedProjects.approved(engagements, approvals, title, new Home("test", "general", false), "sun.li", "emma.wilson");
	}

	@Test
	void aZonesMembersArePromptedInOneEventAndTheWholeTeamIsAnnounced(Scenario scenario) {
		var project = project("Module prompt");
		WeeklyTiming.keepTheDeadlineDaysAway(progress, project);
		scenario.stimulate(() -> progress.prompt(project.id(), SHANGHAI, Instant.now()))
			.andWaitForEventOfType(MembersPrompted.class)
			.matching(prompted -> prompted.projectId() == project.id())
			.toArriveAndVerify(prompted -> {
				assertThat(prompted.personIds()).containsExactly("sun.li");
				assertThat(prompted.late()).isFalse();
				assertThat(progress.prompted(prompted.cycleId())).containsExactly("sun.li");
			});
		// the events of a test accumulate: the second zone's is the one that is not Shanghai's
		scenario.stimulate(() -> progress.prompt(project.id(), ZoneId.of("Europe/London"), Instant.now()))
			.andWaitForEventOfType(MembersPrompted.class)
			.matching(prompted -> prompted.projectId() == project.id() && !prompted.personIds().contains("sun.li"))
			.toArriveAndVerify(prompted -> assertThat(prompted.personIds()).containsExactly("emma.wilson"));
		var cycle = progress.currentCycle(project.id()).orElseThrow();
		assertThat(cycle.announcedAt()).isNotNull();
		assertThat(progress.prompted(cycle.id())).containsExactly("emma.wilson", "sun.li");
	}

	@Test
	void theFirstPromptAnnouncesTheWeekToTheWholeTeam(Scenario scenario) {
		var project = project("Module announce");
		WeeklyTiming.keepTheDeadlineDaysAway(progress, project);
		scenario.stimulate(() -> progress.prompt(project.id(), SHANGHAI, Instant.now()))
			.andWaitForEventOfType(CycleAnnounced.class)
			.matching(announced -> announced.projectId() == project.id())
			.toArriveAndVerify(announced -> assertThat(announced.memberIds()).containsExactly("sun.li", "emma.wilson"));
	}

	@Test
	void aReportIsEditableUntilTheDigestGoesOn(Scenario scenario) {
		var project = project("Module report");
		WeeklyTiming.keepTheDeadlineDaysAway(progress, project);
		progress.prompt(project.id(), SHANGHAI, Instant.now());
		var first = progress.submit(project.id(), "sun.li", "Interviews", "Synthesis", "", 40, Rag.GREEN);
		assertThat(first.submittedAt()).isEqualTo(first.updatedAt());
		scenario.stimulate(() -> progress.submit(project.id(), "sun.li", "Six interviews", "Synthesis", "Data", 50,
				Rag.AMBER))
			.andWaitForEventOfType(ReportSubmitted.class)
			.matching(submitted -> submitted.projectId() == project.id() && submitted.edited())
			.toArriveAndVerify(submitted -> {
				assertThat(progress.report(submitted.cycleId(), "sun.li").orElseThrow().rag()).isEqualTo(Rag.AMBER);
			});

		scenario.stimulate(() -> progress.close(project.id()))
			.andWaitForEventOfType(CycleClosed.class)
			.matching(closed -> closed.projectId() == project.id())
			.toArriveAndVerify(closed -> assertThat(progress.missing(progress.cycle(closed.cycleId()).orElseThrow()))
				.containsExactly("emma.wilson"));
		var cycle = progress.currentCycle(project.id()).orElseThrow();
		var closedAt = cycle.closedAt();
		progress.close(project.id());
		assertThat(progress.cycle(cycle.id()).orElseThrow().closedAt()).as("closed once").isEqualTo(closedAt);

		assertThatThrownBy(() -> progress.forward(cycle.id(), "sun.li", null))
			.isInstanceOfSatisfying(ProgressRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_MANAGER));
		scenario.stimulate(() -> progress.forward(cycle.id(), "zhang.wei", "Data requested."))
			.andWaitForEventOfType(DigestForwarded.class)
			.matching(forwarded -> forwarded.cycleId() == cycle.id())
			.toArriveAndVerify(forwarded -> assertThat(progress.cycle(cycle.id()).orElseThrow().pmComment())
				.isEqualTo("Data requested."));
		assertThatThrownBy(() -> progress.checkCanReport(project.id(), "sun.li"))
			.isInstanceOfSatisfying(ProgressRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.FORWARDED));
		assertThatThrownBy(() -> progress.checkCanReport(project.id(), "david.miller"))
			.isInstanceOfSatisfying(ProgressRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_MEMBER));
	}

	@Test
	void theManagerMovesTheScheduleAndOthersMayNot() {
		var project = project("Module schedule");
		assertThatThrownBy(() -> progress.changeSchedule(project.id(), "sun.li", java.time.DayOfWeek.THURSDAY,
				java.time.LocalTime.of(9, 30), java.time.DayOfWeek.FRIDAY, java.time.LocalTime.NOON, SHANGHAI))
			.isInstanceOfSatisfying(ProgressRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_MANAGER));
		progress.changeSchedule(project.id(), "zhang.wei", java.time.DayOfWeek.THURSDAY, java.time.LocalTime.of(9, 30),
				java.time.DayOfWeek.FRIDAY, java.time.LocalTime.NOON, SHANGHAI);
		progress.changeSchedule(project.id(), "admin", java.time.DayOfWeek.WEDNESDAY, java.time.LocalTime.of(16, 0),
				java.time.DayOfWeek.FRIDAY, java.time.LocalTime.NOON, ZoneId.of("Europe/London"));
		var schedule = progress.schedule(project.id());
		assertThat(schedule.reportDay()).isEqualTo(java.time.DayOfWeek.WEDNESDAY);
		assertThat(schedule.reportTime()).isEqualTo(java.time.LocalTime.of(16, 0));
		assertThat(schedule.zone()).isEqualTo(ZoneId.of("Europe/London"));
	}

}
