package dev.steward.survey;

import static dev.steward.support.MidAutumnEve.Time.NOW;
import static dev.steward.support.MidAutumnEve.Time.SHANGHAI;
import static dev.steward.support.MidAutumnEve.Time.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.steward.approval.ApprovalManagement;
import dev.steward.client.ClientContact;
import dev.steward.client.ClientDetails;
import dev.steward.client.ClientManagement;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.engagement.Project;
import dev.steward.scheduling.Scheduling;
import dev.steward.support.ApprovedProjects;
import dev.steward.support.Heard;
import dev.steward.support.MidAutumnEve;
import dev.steward.support.MutableClock;
import dev.steward.survey.QualityPolicy.Cadence;
import dev.steward.survey.SurveyEvents.SurveyClosed;
import dev.steward.survey.SurveyEvents.SurveyReminded;
import dev.steward.survey.SurveyEvents.SurveySent;
import dev.steward.survey.SurveyRefused.Reason;

/**
 * Survey scheduling (§5.3) against a clock the test moves: Thursday 24 September 2026, 10:00 in
 * Shanghai, the eve of the Mid-Autumn holiday, a week before National Day (1–7 October). A project's
 * client is surveyed on the policy's cadence (monthly) or its manager's, on a working day at the
 * send time in the project's zone; a contact who has not answered is reminded once; the survey
 * closes at its time and takes nothing after; each survey is answered once a contact.
 */
@MidAutumnEve
class SurveyClockTests {

	@Autowired
	MutableClock clock;

	@Autowired
	Clock usedClock;

	@Autowired
	Heard heard;

	@Autowired
	SurveyManagement surveys;

	@Autowired
	SurveySchedules schedules;

	@Autowired
	Surveys all;

	@Autowired
	ClientManagement clients;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	@Autowired
	Scheduling scheduling;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Project project;

	@BeforeEach
	void aProjectWhoseClientHasTwoContacts() {
		clock.set(NOW);
		heard.clear();
		// every schedule of an earlier test is out of the way, and every survey closed
		schedules.findAll().forEach(schedule -> {
			schedule.moveTo(null);
			schedules.save(schedule);
		});
		jdbc.sql("update survey set closed_at = closes_at, reminded = true where closed_at is null").update();
		jdbc.sql("update improvement_action set closed_at = opened_at, next_reminder_at = null where closed_at is null")
			.update();
		var client = "Survey client " + System.nanoTime();
		clients.add("zhang.wei", new ClientDetails(client, null, null, null, null,
				List.of(new ClientContact("Lin Mei", "Sponsor", "lin.mei@example.com", "slack", "U" + System.nanoTime()),
						new ClientContact("Chen Jie", "CFO", "chen.jie@example.com", null, null))));
		project = ApprovedProjects.approvedFor(engagements, approvals, "Surveyed " + System.nanoTime(), client,
				new Home("test", "general", false), "sun.li");
	}

	@Test
	void theClockIsTheTestsOwn() {
		assertThat(usedClock.instant()).isEqualTo(NOW);
	}

	@Test
	void aNewProjectsClientIsSurveyedMonthlyOnAWorkingDayAtTheSendTime() {
		// 24 October is a Saturday: the survey goes out on Monday 26 October, at 10:00 in Shanghai
		var schedule = org.awaitility.Awaitility.await()
			.until(() -> schedules.findById(project.id()).orElse(null), found -> found != null);
		assertThat(schedule.cadence()).contains(Cadence.MONTHLY);
		assertThat(schedule.nextAt()).contains(at("2026-10-26T10:00"));
		assertThat(scheduling.nextFire(SurveyPlanning.GROUP, SurveyPlanning.ROUND)).isPresent()
			.get()
			.matches(at -> !at.isAfter(at("2026-10-26T10:00")));
	}

	@Test
	void theManagerSetsTheCadenceAndNoOneElseMay() {
		// weekly: 1 October is National Day, so the first goes out on Thursday 8 October
		var weekly = surveys.changeSchedule(project.code(), "zhang.wei", Optional.of(Cadence.WEEKLY));
		assertThat(weekly.nextAt()).contains(at("2026-10-08T10:00"));
		assertThat(weekly.setBy()).isEqualTo("zhang.wei");
		// a team member may not; management may; off means no scheduled survey at all
		assertThatThrownBy(() -> surveys.changeSchedule(project.code(), "sun.li", Optional.of(Cadence.QUARTERLY)))
			.isInstanceOfSatisfying(SurveyRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_MANAGER));
		assertThat(surveys.schedule(project.id()).cadence()).contains(Cadence.WEEKLY);
		var off = surveys.changeSchedule(project.code(), "wang.fang", Optional.empty());
		assertThat(off.nextAt()).isEmpty();
		assertThat(off.cadence()).isEmpty();
	}

	@Test
	void aDueSurveyGoesOutOnceAndTheScheduleMovesOn() {
		surveys.changeSchedule(project.code(), "zhang.wei", Optional.of(Cadence.FORTNIGHTLY));
		// fortnightly: 8 October; the round runs late, after a day of downtime, and still sends it
		clock.set(at("2026-10-09T08:00"));
		assertThat(surveys.sendDue()).isEqualTo(1);
		assertThat(surveys.sendDue()).as("nothing twice").isZero();
		var sent = heard.of(SurveySent.class);
		assertThat(sent).extracting(SurveySent::projectId).containsExactly(project.id());
		assertThat(sent.get(0).requestedBy()).isNull();
		var survey = all.findById(sent.get(0).surveyId()).orElseThrow();
		assertThat(survey.invitations()).extracting(Invitation::name).containsExactly("Lin Mei", "Chen Jie");
		assertThat(survey.invitations()).extracting(Invitation::inChat).containsExactly(true, false);
		assertThat(survey.dimensions()).containsExactly("service-quality", "results", "attitude", "communication");
		assertThat(survey.closesAt()).isEqualTo(at("2026-10-23T08:00"));
		// two weeks from the day it went out: 23 October, a Friday
		assertThat(surveys.schedule(project.id()).nextAt()).contains(at("2026-10-23T10:00"));
		assertThat(scheduling.nextFire(SurveyPlanning.GROUP, SurveyPlanning.FOLLOW_UP)).contains(survey.remindAt());
	}

	@Test
	void aRoundSendsItsProjectsTogetherAndOneProjectsTroubleHoldsUpNoOther() {
		var client = engagements.summary(project.id()).orElseThrow().clientId();
		var projects = new ArrayList<Project>(List.of(project));
		for (int i = 0; i < 3; i++) {
			projects.add(ApprovedProjects.approvedFor(engagements, approvals, "Surveyed too " + System.nanoTime(),
					clients.name(client).orElseThrow(), new Home("test", "general", false), "sun.li"));
		}
		for (var each : projects) {
			surveys.changeSchedule(each.code(), "zhang.wei", Optional.of(Cadence.WEEKLY));
		}
		var troubled = projects.get(2);
		// the four are sent in one transaction; announcing the third one's survey fails
		heard.failOn(event -> event instanceof SurveySent sent && sent.projectId() == troubled.id());
		clock.set(at("2026-10-08T10:00"));

		assertThat(surveys.sendDue()).isEqualTo(3);
		// (a rolled-back announcement was heard too: the database tells what was kept)
		assertThat(projects).filteredOn(each -> each != troubled)
			.allSatisfy(each -> assertThat(all.findOpenByProjectId(each.id())).hasSize(1));
		assertThat(all.findOpenByProjectId(troubled.id())).as("nothing of the failed one kept").isEmpty();
		assertThat(surveys.schedule(troubled.id()).nextAt()).as("still due").contains(at("2026-10-08T10:00"));
		assertThat(surveys.schedule(projects.get(0).id()).nextAt()).contains(at("2026-10-15T10:00"));
		// the failed one is tried again within the hour (the round starts its lead ahead), not at the next schedule a week on
		assertThat(scheduling.nextFire(SurveyPlanning.GROUP, SurveyPlanning.ROUND))
			.contains(at("2026-10-08T11:00").minus(LEAD));

		heard.clear();
		assertThat(surveys.sendDue()).as("the next round sends what failed").isEqualTo(1);
		assertThat(heard.of(SurveySent.class)).extracting(SurveySent::projectId).containsExactly(troubled.id());
		assertThat(surveys.sendDue()).as("nothing twice").isZero();
	}

	/** {@code steward.survey.round-lead}'s default. */
	static final Duration LEAD = Duration.ofMinutes(1);

	@Test
	void aRoundStartsItsLeadAheadAndWhatItPreparesGoesOutAtItsTime() {
		var other = ApprovedProjects.approvedFor(engagements, approvals, "Surveyed later " + System.nanoTime(),
				clients.name(engagements.summary(project.id()).orElseThrow().clientId()).orElseThrow(),
				new Home("test", "general", false), "sun.li");
		surveys.changeSchedule(project.code(), "zhang.wei", Optional.of(Cadence.WEEKLY));
		surveys.changeSchedule(other.code(), "zhang.wei", Optional.of(Cadence.WEEKLY));
		// the other's is due a minute and a second after this one's: past the lead of a round for this one
		var later = at("2026-10-08T10:01").plusSeconds(1);
		jdbc.sql("update survey_schedule set next_at = :at where project_id = :id")
			.param("at", later.atOffset(java.time.ZoneOffset.UTC))
			.param("id", other.id())
			.update();
		assertThat(scheduling.nextFire(SurveyPlanning.GROUP, SurveyPlanning.ROUND))
			.contains(at("2026-10-08T10:00").minus(LEAD));

		clock.set(at("2026-10-08T10:00").minus(LEAD));
		assertThat(surveys.sendDue()).as("only what is due within the lead").isEqualTo(1);
		var sent = heard.of(SurveySent.class);
		assertThat(sent).extracting(SurveySent::projectId).containsExactly(project.id());
		var survey = all.findById(sent.get(0).surveyId()).orElseThrow();
		assertThat(survey.sentAt()).as("dated at its time, not when it was prepared").isEqualTo(at("2026-10-08T10:00"));
		// its messages are written now and kept until its time
		var kept = jdbc.sql("select message_key, next_attempt_at from outbox_message where message_key like :key")
			.param("key", "survey:" + survey.id() + ":%")
			.query((rs, n) -> java.util.Map.entry(rs.getString("message_key"),
					rs.getObject("next_attempt_at", java.time.OffsetDateTime.class).toInstant()))
			.list();
		assertThat(kept).extracting(java.util.Map.Entry::getKey).contains("survey:" + survey.id() + ":0");
		assertThat(kept).extracting(java.util.Map.Entry::getValue).containsOnly(at("2026-10-08T10:00"));
		// the next week's from the day it goes out; the next round its lead before the other's
		assertThat(surveys.schedule(project.id()).nextAt()).contains(at("2026-10-15T10:00"));
		assertThat(scheduling.nextFire(SurveyPlanning.GROUP, SurveyPlanning.ROUND)).contains(later.minus(LEAD));

		heard.clear();
		clock.set(later.minus(LEAD));
		assertThat(surveys.sendDue()).isEqualTo(1);
		assertThat(heard.of(SurveySent.class)).extracting(SurveySent::projectId).containsExactly(other.id());
	}

	@Test
	void aPausedProjectsClientIsNotSurveyedButItsScheduleMovesOn() {
		surveys.changeSchedule(project.code(), "zhang.wei", Optional.of(Cadence.WEEKLY));
		engagements.setPaused(project.code(), true, "zhang.wei");
		clock.set(at("2026-10-08T10:00"));
		assertThat(surveys.sendDue()).isZero();
		assertThat(heard.of(SurveySent.class)).isEmpty();
		assertThat(surveys.schedule(project.id()).nextAt()).contains(at("2026-10-15T10:00"));
		assertThatThrownBy(() -> surveys.sendNow(project.code(), "zhang.wei"))
			.isInstanceOfSatisfying(SurveyRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_ACTIVE));
	}

	@Test
	void thoseWhoHaveNotAnsweredAreRemindedOnceAndTheSurveyClosesAtItsTime() {
		var survey = surveys.sendNow(project.code(), "zhang.wei");
		var link = new SurveyLinks.Link(survey.id(), 1, survey.closesAt());
		surveys.answerOnWeb(link, new int[] { 5, 4, 4, 3 }, "Good work");
		surveys.followUp();
		assertThat(heard.of(SurveyReminded.class)).as("not yet").isEmpty();

		clock.set(NOW.plus(Duration.ofDays(5)));
		surveys.followUp();
		surveys.followUp();
		assertThat(heard.of(SurveyReminded.class)).as("once, and only to who has not answered")
			.extracting(SurveyReminded::pending)
			.containsExactly(List.of(0));

		clock.set(NOW.plus(Duration.ofDays(14)));
		surveys.followUp();
		assertThat(heard.of(SurveyClosed.class)).extracting(SurveyClosed::answered, SurveyClosed::asked)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, 2));
		assertThatThrownBy(() -> surveys.choose(survey.id(), 0, 0, 5, Respondent.chat("slack",
				survey.invitation(0).chatId())))
			.isInstanceOfSatisfying(SurveyRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.CLOSED));
		assertThat(scheduling.nextFire(SurveyPlanning.GROUP, SurveyPlanning.FOLLOW_UP)).isEmpty();
	}

	@Test
	void eachContactAnswersOnceWithEveryScoreFromOneToFive() {
		var survey = surveys.sendNow(project.code(), "zhang.wei");
		var web = new SurveyLinks.Link(survey.id(), 1, survey.closesAt());
		var bad = new ArrayList<int[]>(List.of(new int[] { 5, 4, 6, 3 }, new int[] { 5, 4, 0, 3 }, new int[] { 5, 4 },
				new int[] { 0, -1, 3, 3 }));
		for (var scores : bad) {
			assertThatThrownBy(() -> surveys.answerOnWeb(web, scores, null)).isInstanceOf(SurveyRefused.class);
		}
		assertThatThrownBy(() -> surveys.answerOnWeb(web, new int[] { 5, 5, 5, 5 }, "x".repeat(1001)))
			.isInstanceOfSatisfying(SurveyRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.COMMENT_TOO_LONG));
		assertThat(all.findById(survey.id()).orElseThrow().invitation(1).answered()).as("nothing half-saved").isFalse();

		surveys.answerOnWeb(web, new int[] { 5, 4, 4, 3 }, "  Clear minutes, late slides  ");
		assertThatThrownBy(() -> surveys.answerOnWeb(web, new int[] { 1, 1, 1, 1 }, null))
			.isInstanceOfSatisfying(SurveyRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.ANSWERED));
		var kept = all.findById(survey.id()).orElseThrow().invitation(1);
		assertThat(kept.answer(4)).containsExactly(5, 4, 4, 3);
		assertThat(kept.comment()).isEqualTo("Clear minutes, late slides");
		assertThat(kept.answeredVia()).isEqualTo("web");

		// in chat: only the account asked; the scores chosen one by one, then sent
		var lin = survey.invitation(0);
		assertThatThrownBy(() -> surveys.choose(survey.id(), 0, 0, 5, Respondent.chat("slack", "U0SOMEONEELSE")))
			.isInstanceOfSatisfying(SurveyRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_YOURS));
		var me = Respondent.chat("slack", lin.chatId());
		surveys.choose(survey.id(), 0, 0, 4, me);
		assertThatThrownBy(() -> surveys.answerInChat(survey.id(), 0, null, me))
			.isInstanceOfSatisfying(SurveyRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.INCOMPLETE));
		for (int dimension = 1; dimension < 4; dimension++) {
			surveys.choose(survey.id(), 0, dimension, 5, me);
		}
		surveys.choose(survey.id(), 0, 0, 3, me);
		surveys.answerInChat(survey.id(), 0, "", me);
		var chat = all.findById(survey.id()).orElseThrow().invitation(0);
		assertThat(chat.answer(4)).containsExactly(3, 5, 5, 5);
		assertThat(chat.answeredVia()).isEqualTo("chat");
		assertThat(chat.comment()).isNull();
	}

	@Test
	void sendingAnotherClosesTheOneStillOpen() {
		var first = surveys.sendNow(project.code(), "zhang.wei");
		assertThatThrownBy(() -> surveys.sendNow(project.code(), "sun.li"))
			.isInstanceOfSatisfying(SurveyRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_MANAGER));
		var second = surveys.sendNow(project.code(), "zhang.wei");
		assertThat(all.findById(first.id()).orElseThrow().closedAt()).isEqualTo(NOW);
		assertThat(surveys.openSurvey(project.code(), "zhang.wei")).get().extracting(Survey::id).isEqualTo(second.id());
		assertThat(heard.of(SurveyClosed.class)).extracting(SurveyClosed::surveyId).containsExactly(first.id());
	}

	@Test
	void aClientWithoutContactsIsNotSurveyed() {
		var bare = ApprovedProjects.approvedFor(engagements, approvals, "Bare " + System.nanoTime(),
				"No contacts " + System.nanoTime(), new Home("test", "general", false));
		assertThatThrownBy(() -> surveys.sendNow(bare.code(), "zhang.wei"))
			.isInstanceOfSatisfying(SurveyRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.NO_CONTACTS));
	}

	@Test
	void aSurveyUnderTargetOpensAnImprovementActionRemindedInWorkingDaysUntilClosed() {
		var survey = surveys.sendNow(project.code(), "zhang.wei");
		// one answer, two of its four scores 4 or 5: 50 %, under the target of 90 %
		surveys.answerOnWeb(new SurveyLinks.Link(survey.id(), 1, survey.closesAt()), new int[] { 5, 4, 2, 3 }, "Late");
		clock.set(survey.closesAt());
		surveys.followUp();
		var opened = heard.of(SurveyEvents.ActionOpened.class);
		assertThat(opened).hasSize(1);
		var action = surveys.action(opened.get(0).actionId()).orElseThrow();
		assertThat(action.ownerId()).isEqualTo("zhang.wei");
		assertThat(action.satisfaction()).isEqualTo(50.0);
		assertThat(action.target()).isEqualTo(90);
		// ten working days from Thursday 8 October: Saturday 10 October is worked (调休), so Wednesday 21 October
		assertThat(action.dueAt()).isEqualTo(at("2026-10-21T10:00"));
		assertThat(scheduling.nextFire(SurveyPlanning.GROUP, SurveyPlanning.ACTIONS)).contains(action.dueAt());
		surveys.followUp();
		assertThat(heard.of(SurveyEvents.ActionOpened.class)).as("once a survey").hasSize(1);

		// nothing before the deadline; at it, the owner is reminded, then every two working days
		surveys.remindActions();
		assertThat(heard.of(SurveyEvents.ActionReminded.class)).isEmpty();
		clock.set(at("2026-10-21T10:00"));
		surveys.remindActions();
		surveys.remindActions();
		assertThat(heard.of(SurveyEvents.ActionReminded.class)).extracting(SurveyEvents.ActionReminded::reminders)
			.containsExactly(1);
		assertThat(surveys.action(action.id()).orElseThrow().nextReminderAt()).isEqualTo(at("2026-10-23T10:00"));

		// a team member may not close it; closing needs what was done; the owner closes it, and the reminders stop
		assertThatThrownBy(() -> surveys.closeAction(action.id(), "sun.li", "Done"))
			.isInstanceOfSatisfying(SurveyRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_ACTION_OWNER));
		assertThatThrownBy(() -> surveys.closeAction(action.id(), "zhang.wei", "  "))
			.isInstanceOfSatisfying(SurveyRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.OUTCOME_REQUIRED));
		var closed = surveys.closeAction(action.id(), "zhang.wei", "Weekly slides on Friday; a second reviewer");
		assertThat(closed.open()).isFalse();
		assertThatThrownBy(() -> surveys.closeAction(action.id(), "zhang.wei", "Again"))
			.isInstanceOfSatisfying(SurveyRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.ACTION_CLOSED));
		clock.set(at("2026-10-30T10:00"));
		surveys.remindActions();
		assertThat(heard.of(SurveyEvents.ActionReminded.class)).hasSize(1);
		assertThat(surveys.actions(Optional.of(project.code()), "sun.li")).extracting(ImprovementAction::id)
			.containsExactly(action.id());
	}

	@Test
	void aSurveyMeetingTheTargetOrUnansweredOpensNoAction() {
		var met = surveys.sendNow(project.code(), "zhang.wei");
		surveys.answerOnWeb(new SurveyLinks.Link(met.id(), 1, met.closesAt()), new int[] { 5, 5, 5, 4 }, null);
		var silent = surveys.sendNow(project.code(), "zhang.wei");
		clock.set(silent.closesAt());
		surveys.followUp();
		assertThat(heard.of(SurveyClosed.class)).hasSize(2);
		assertThat(heard.of(SurveyEvents.ActionOpened.class)).isEmpty();
	}

	@Test
	void resultsAreForThoseWhoMaySeeTheProjectAndTheFirmsForManagement() {
		var survey = surveys.sendNow(project.code(), "zhang.wei");
		surveys.answerOnWeb(new SurveyLinks.Link(survey.id(), 1, survey.closesAt()), new int[] { 5, 4, 4, 3 }, null);
		var results = surveys.results(Optional.of(project.code()), "sun.li", SHANGHAI);
		assertThat(results.year().answers()).isEqualTo(1);
		assertThat(results.year().overall().share()).isEqualTo(75.0);
		assertThat(results.trend()).hasSize(12);
		assertThat(results.trend().get(11).answers()).isEqualTo(1);
		assertThat(results.latest()).get().extracting(Survey::id).isEqualTo(survey.id());
		assertThatThrownBy(() -> surveys.results(Optional.of(project.code()), "liu.yang", SHANGHAI))
			.isInstanceOf(SurveyRefused.class);
		assertThatThrownBy(() -> surveys.results(Optional.empty(), "zhang.wei", SHANGHAI))
			.isInstanceOfSatisfying(SurveyRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_MANAGEMENT));
		assertThat(surveys.results(Optional.empty(), "wang.fang", SHANGHAI).year().answers()).isPositive();
	}

}
