package dev.steward.client;

import static dev.steward.support.MidAutumnEve.Time.NOW;
import static dev.steward.support.MidAutumnEve.Time.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.steward.approval.ApprovalManagement;
import dev.steward.client.Feedback.Details;
import dev.steward.client.Feedback.Severity;
import dev.steward.client.Feedback.Step;
import dev.steward.client.FeedbackEntry.Action;
import dev.steward.client.FeedbackEvents.CategoryCount;
import dev.steward.client.FeedbackEvents.FeedbackEscalated;
import dev.steward.client.FeedbackEvents.FeedbackReminded;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.engagement.Project;
import dev.steward.scheduling.Scheduling;
import dev.steward.support.ApprovedProjects;
import dev.steward.support.Heard;
import dev.steward.support.MidAutumnEve;
import dev.steward.support.MutableClock;

/**
 * Deadlines of client feedback against a clock the test moves: Thursday 24 September 2026, 10:00 in
 * Shanghai, the eve of the Mid-Autumn holiday (25–27 September), a week before National Day (1–7
 * October, made up on Saturday 10 October). Each severity's deadline in working days on the
 * firm's calendar; an item open past it reminds its owner, then goes to the project manager, in
 * working hours, each once; the monthly summary groups a client's recurring categories for
 * management.
 */
@MidAutumnEve
class FeedbackDeadlineClockTests {

	@Autowired
	MutableClock clock;

	@Autowired
	Heard heard;

	@Autowired
	FeedbackManagement feedback;

	@Autowired
	FeedbackPlanning planning;

	@Autowired
	Scheduling scheduling;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	Project project;

	@BeforeEach
	void aProject() {
		clock.set(NOW);
		heard.clear();
		project = ApprovedProjects.approved(engagements, approvals, "Feedback clock " + System.nanoTime(),
				new Home("test", "general", false), "sun.li", "emma.wilson");
	}

	Feedback record(Severity severity, String category) {
		return feedback.record("emma.wilson", project.code(), new Details(category, severity, "Said " + System.nanoTime()));
	}

	@Test
	void eachSeverityHasItsWorkingDaysOnTheFirmsCalendar() {
		// high, 2 working days: the holiday and the weekend pass: Monday 28, Tuesday 29 September
		var high = record(Severity.HIGH, "quality");
		assertThat(high.dueAt()).isEqualTo(at("2026-09-29T10:00"));
		assertThat(scheduling.nextFire("feedback", "deadline-" + high.id())).contains(at("2026-09-29T10:00"));
		// medium, 5: 28, 29, 30 September, then National Day, 8 and 9 October
		assertThat(record(Severity.MEDIUM, "quality").dueAt()).isEqualTo(at("2026-10-09T10:00"));
		// low, 10: … Saturday 10 October is worked, so 15 October
		assertThat(record(Severity.LOW, "quality").dueAt()).isEqualTo(at("2026-10-15T10:00"));
		// recorded after hours: its deadline moves to the next morning's opening
		clock.set(at("2026-09-24T20:30"));
		assertThat(record(Severity.HIGH, "quality").dueAt()).isEqualTo(at("2026-09-30T09:00"));
	}

	@Test
	void aLateItemRemindsItsOwnerThenGoesToTheManagerOnceEachInWorkingHours() {
		var item = record(Severity.HIGH, "schedule");
		feedback.assign(item.id(), "zhang.wei", Step.ASSIGN, "sun.li");

		clock.set(at("2026-09-29T09:59"));
		assertThat(feedback.followUp(item.id())).isZero();
		assertThat(scheduling.nextFire("feedback", "deadline-" + item.id())).contains(at("2026-09-29T10:00"));

		// the deadline: the owner is reminded; eight working hours on, 18:00, it goes up
		clock.set(at("2026-09-29T10:00"));
		assertThat(feedback.followUp(item.id())).isEqualTo(1);
		assertThat(heard.of(FeedbackReminded.class)).extracting(FeedbackReminded::toId).containsExactly("sun.li");
		var reminded = feedback.find(item.id()).orElseThrow();
		assertThat(reminded.followUpStage()).isEqualTo(Feedback.REMINDED);
		assertThat(reminded.followUpAt()).isEqualTo(at("2026-09-29T18:00"));
		assertThat(scheduling.nextFire("feedback", "deadline-" + item.id())).contains(at("2026-09-29T18:00"));

		clock.set(at("2026-09-29T18:00"));
		assertThat(feedback.followUp(item.id())).isEqualTo(1);
		assertThat(heard.of(FeedbackEscalated.class)).extracting(FeedbackEscalated::toIds)
			.containsExactly(List.of("zhang.wei"));
		// and nobody more: the next run does nothing
		clock.set(at("2026-10-09T10:00"));
		assertThat(feedback.followUp(item.id())).isZero();
		assertThat(heard.any(FeedbackReminded.class, FeedbackEscalated.class)).hasSize(2);
		var escalated = feedback.find(item.id()).orElseThrow();
		assertThat(escalated.history()).extracting(FeedbackEntry::action)
			.containsExactly(Action.RECORDED, Action.ASSIGNED, Action.REMINDED, Action.ESCALATED);
		// the manager and the owner both hold its card
		assertThat(escalated.cardReaders()).containsExactly("zhang.wei", "sun.li");
	}

	@Test
	void anUnassignedLateItemRemindsTheManagerThenTheDepartmentHead() {
		var item = record(Severity.HIGH, "staff");
		clock.set(at("2026-09-29T10:00"));
		assertThat(feedback.followUp(item.id())).isEqualTo(1);
		assertThat(heard.of(FeedbackReminded.class)).extracting(FeedbackReminded::toId).containsExactly("zhang.wei");
		clock.set(at("2026-09-29T18:00"));
		assertThat(feedback.followUp(item.id())).isEqualTo(1);
		assertThat(heard.of(FeedbackEscalated.class)).extracting(FeedbackEscalated::toIds)
			.containsExactly(List.of("li.na"));
	}

	@Test
	void aClosedItemIsNotFollowedUpAndLosesItsJob() {
		var item = record(Severity.HIGH, "billing");
		feedback.assign(item.id(), "zhang.wei", Step.ASSIGN, "sun.li");
		feedback.propose(item.id(), "sun.li", "Credit note");
		feedback.answer(item.id(), "sun.li", "Sent the credit note");
		feedback.close(item.id(), "sun.li");
		assertThat(scheduling.nextFire("feedback", "deadline-" + item.id())).isEmpty();
		clock.set(at("2026-09-29T10:00"));
		assertThat(feedback.followUp(item.id())).isZero();
		assertThat(heard.any(FeedbackReminded.class, FeedbackEscalated.class)).isEmpty();
	}

	@Test
	void theMonthlySummaryGroupsEachClientsRecurringCategoriesForManagement() {
		// a month of its own, so no other test's items count
		clock.set(at("2027-03-10T11:00"));
		record(Severity.HIGH, "schedule");
		record(Severity.LOW, "schedule");
		record(Severity.MEDIUM, "schedule");
		record(Severity.MEDIUM, "billing");
		var closed = record(Severity.LOW, "quality");
		feedback.assign(closed.id(), "zhang.wei", Step.ASSIGN, "sun.li");
		feedback.propose(closed.id(), "sun.li", "s");
		feedback.answer(closed.id(), "sun.li", "a");
		feedback.close(closed.id(), "sun.li");
		clock.set(at("2027-04-01T09:00"));

		var summary = feedback.summarise(YearMonth.of(2027, 3));
		assertThat(summary.recipientIds()).containsExactlyInAnyOrder("wang.fang", "david.miller");
		assertThat(summary.clients()).hasSize(1);
		var acme = summary.clients().get(0);
		assertThat(acme.clientName()).isEqualTo("Acme");
		assertThat(acme.received()).isEqualTo(5);
		assertThat(acme.closed()).isEqualTo(1);
		assertThat(acme.open()).isEqualTo(4);
		assertThat(acme.categories()).first().isEqualTo(new CategoryCount("schedule", 3, true));
		assertThat(acme.recurring()).extracting(CategoryCount::category).containsExactly("schedule");
		assertThat(feedback.summarise(YearMonth.of(2027, 2)).clients()).isEmpty();

		// the job: on the 1st at 09:00 in the firm's zone, a holiday moving it to the next working day
		clock.set(NOW);
		planning.planSummary();
		assertThat(scheduling.nextFire("feedback", "summary")).contains(at("2026-10-08T09:00"));
	}

}
