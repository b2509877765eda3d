package dev.steward.client;

import static dev.steward.support.MidAutumnEve.Time.NOW;
import static dev.steward.support.MidAutumnEve.Time.SHANGHAI;
import static dev.steward.support.MidAutumnEve.Time.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.steward.approval.ApprovalManagement;
import dev.steward.client.PlanEvents.ContactDue;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.scheduling.Scheduling;
import dev.steward.support.ApprovedProjects;
import dev.steward.support.Heard;
import dev.steward.support.MidAutumnEve;
import dev.steward.support.MutableClock;

/**
 * Reminders of communication plans (§5.2.2) against a clock the test moves: Thursday 24 September
 * 2026, 10:00 in Shanghai, the eve of the Mid-Autumn holiday (25–27 September), a week before
 * National Day (1–7 October, made up on Saturday 10 October). Due dates fall on working days of the
 * calendar; each owner is reminded at the reminder time in their own zone, on working days only,
 * once a due date, days missed caught up; one job a time zone.
 */
@MidAutumnEve
class PlanReminderClockTests {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Autowired
	MutableClock clock;

	@Autowired
	Heard heard;

	@Autowired
	PlanManagement plans;

	@Autowired
	PlanReminders reminders;

	@Autowired
	CommunicationPlans stored;

	@Autowired
	Scheduling scheduling;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	PlanScope project;

	@BeforeEach
	void aProject() {
		clock.set(NOW);
		heard.clear();
		// every plan from an earlier test is out of the way
		stored.findAll().stream().filter(CommunicationPlan::active).forEach(plan -> plans.stop("admin", plan.id()));
		var made = ApprovedProjects.approved(engagements, approvals, "Plans " + System.nanoTime(),
				new Home("test", "general", false), "sun.li", "emma.wilson");
		project = plans.scope(made.code());
	}

	CommunicationPlan plan(String owner, int every, LocalDate first) {
		return plans.add("zhang.wei", project,
				new PlanDetails("Call " + System.nanoTime(), ContactChannel.CALL, every, "Status", owner), first);
	}

	@Test
	void dueDatesFallOnWorkingDaysAndEachOwnersZoneHasItsDailyJob() {
		// a week on is National Day: the first working day after it, Thursday 8 October
		assertThat(plan("sun.li", 7, null).nextDue()).isEqualTo(LocalDate.parse("2026-10-08"));
		// a date asked for on the holiday moves to the next working day; 16 days on is the make-up Saturday
		assertThat(plan("sun.li", 7, LocalDate.parse("2026-09-26")).nextDue()).isEqualTo(LocalDate.parse("2026-09-28"));
		assertThat(plan("sun.li", 16, null).nextDue()).isEqualTo(LocalDate.parse("2026-10-10"));
		// in London it is 03:00 on Thursday: 5 days on is Tuesday 29 September; 7 days on is National Day
		assertThat(plan("emma.wilson", 5, null).nextDue()).isEqualTo(LocalDate.parse("2026-09-29"));
		assertThat(plan("emma.wilson", 7, null).nextDue()).isEqualTo(LocalDate.parse("2026-10-08"));
		// at 01:00 in Shanghai on Friday it is still Thursday in London: the owner's day counts
		clock.set(at("2026-09-25T01:00"));
		assertThat(plan("emma.wilson", 5, null).nextDue()).isEqualTo(LocalDate.parse("2026-09-29"));
		assertThat(plan("sun.li", 5, null).nextDue()).isEqualTo(LocalDate.parse("2026-09-30"));
		clock.set(NOW);
		// one reminder job a zone, at 09:30 there: Shanghai's 09:30 has passed today, London's has not
		assertThat(scheduling.nextFire("client-plan", "remind-Asia.Shanghai")).contains(at("2026-09-25T09:30"));
		assertThat(scheduling.nextFire("client-plan", "remind-Europe.London"))
			.contains(LocalDateTime.parse("2026-09-24T09:30").atZone(LONDON).toInstant());
		assertThat(scheduling.jobNames("client-plan")).containsExactlyInAnyOrder("remind-Asia.Shanghai",
				"remind-Europe.London");
	}

	@Test
	void ownersAreRemindedOnWorkingDaysInTheirZoneOnceADueDateAndMissedDaysAreCaughtUp() {
		var monday = plan("sun.li", 7, LocalDate.parse("2026-09-28"));
		var london = plan("emma.wilson", 7, LocalDate.parse("2026-09-28"));
		var wednesday = plan("sun.li", 14, LocalDate.parse("2026-09-30"));

		// not yet due
		clock.set(at("2026-09-25T09:30"));
		assertThat(reminders.remind(SHANGHAI)).isZero();
		// Monday 28 September, 09:30 in Shanghai: Sun Li's, not Emma's (London's run is hers)
		clock.set(at("2026-09-28T09:30"));
		assertThat(reminders.remind(SHANGHAI)).isEqualTo(1);
		assertThat(heard.of(ContactDue.class)).extracting(ContactDue::planId).containsExactly(monday.id());
		assertThat(heard.of(ContactDue.class).get(0).due()).isEqualTo(LocalDate.parse("2026-09-28"));
		// once a due date: a run again the same day, or the next, reminds nobody twice
		assertThat(reminders.remind(SHANGHAI)).isZero();
		clock.set(LocalDateTime.parse("2026-09-28T09:30").atZone(LONDON).toInstant());
		assertThat(reminders.remind(LONDON)).isEqualTo(1);
		assertThat(heard.of(ContactDue.class)).extracting(ContactDue::planId).containsExactly(monday.id(), london.id());

		// Steward is down from Tuesday; on the holiday nothing is sent, and the first working day after
		// brings what fell due meanwhile (Wednesday's), once
		clock.set(at("2026-10-03T09:30"));
		assertThat(reminders.remind(SHANGHAI)).isZero();
		clock.set(at("2026-10-08T09:30"));
		assertThat(reminders.remind(SHANGHAI)).isEqualTo(1);
		assertThat(heard.of(ContactDue.class)).extracting(ContactDue::planId).containsExactly(monday.id(), london.id(), wednesday.id());
		assertThat(reminders.remind(SHANGHAI)).isZero();
		assertThat(plans.plan("admin", wednesday.id()).history()).extracting(PlanEntry::action)
			.containsExactly(PlanEntry.Action.ADDED, PlanEntry.Action.REMINDED);
	}

	@Test
	void aLateContactRestartsTheRhythmAndOneLeftUndoneIsOverdueAfterAFrequency() {
		var plan = plan("sun.li", 7, LocalDate.parse("2026-09-28"));
		// due 28 September: overdue by more than its frequency only after 5 October
		assertThat(plans.overdue(project.projectId(), project.clientId(), at("2026-10-05T12:00")))
			.extracting(CommunicationPlan::id).doesNotContain(plan.id());
		assertThat(plans.overdue(project.projectId(), project.clientId(), at("2026-10-06T08:00")))
			.extracting(CommunicationPlan::id).contains(plan.id());
		// logged on Thursday 8 October: the next is a week after that day, Thursday 15 October
		clock.set(at("2026-10-08T11:00"));
		var logged = plans.log("sun.li", plan.id(), LocalDate.parse("2026-09-28"), "Caught up after the holiday");
		assertThat(logged.nextDue()).isEqualTo(LocalDate.parse("2026-10-15"));
		assertThat(plans.overdue(project.projectId(), project.clientId(), clock.instant()))
			.extracting(CommunicationPlan::id).doesNotContain(plan.id());
	}

}
