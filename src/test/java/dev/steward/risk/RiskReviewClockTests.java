package dev.steward.risk;

import static dev.steward.support.MidAutumnEve.Time.NOW;
import static dev.steward.support.MidAutumnEve.Time.SHANGHAI;
import static dev.steward.support.MidAutumnEve.Time.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.steward.approval.ApprovalManagement;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.engagement.Project;
import dev.steward.risk.RiskEntry.Action;
import dev.steward.risk.RiskEvents.ReviewEscalated;
import dev.steward.risk.RiskEvents.ReviewReminded;
import dev.steward.risk.RiskEvents.ReviewsDue;
import dev.steward.risk.RiskManagement.Target;
import dev.steward.risk.RiskRefused.Reason;
import dev.steward.scheduling.Scheduling;
import dev.steward.support.ApprovedProjects;
import dev.steward.support.Heard;
import dev.steward.support.MidAutumnEve;
import dev.steward.support.MutableClock;

/**
 * Scheduled reviews (§6.3) against a clock the test moves: Thursday 24 September 2026, 10:00 in
 * Shanghai, the eve of the Mid-Autumn holiday (25–27 September), a week before National Day (1–7
 * October). Cadence by level on the working calendar and in the owner's zone; the day's reviews
 * asked for in messages of five; a review left undone reminds the owner at its deadline, then goes
 * to the project manager, then to the department head, in working hours only.
 */
@MidAutumnEve
class RiskReviewClockTests {

	@Autowired
	MutableClock clock;

	@Autowired
	Clock usedClock;

	@Autowired
	Heard heard;

	@Autowired
	RiskManagement risks;

	@Autowired
	RiskReviews reviews;

	@Autowired
	Risks register;

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
		// every risk from an earlier test is out of the way
		register.findAll().stream().filter(Risk::open).forEach(risk -> risks.close(risk.id(), "admin", "test over", 0));
		project = ApprovedProjects.approved(engagements, approvals, "Clocked " + System.nanoTime(),
				new Home("test", "general", false), "sun.li", "emma.wilson");
	}

	Risk register(String actor, Target target, int likelihood, int impact, String owner, LocalDate next) {
		return risks.register(actor, target, new Risk.Details("project", "Risk " + System.nanoTime(), "d", null,
				new Assessment(likelihood, impact), Strategy.REDUCE, "a"), owner, next);
	}

	@Test
	void theClockIsTheTestsOwn() {
		assertThat(usedClock.instant()).isEqualTo(NOW);
	}

	@Test
	void eachLevelIsReviewedOnItsCadenceOnWorkingDaysInTheOwnersZone() {
		var onProject = new Target.OfProject(project.code());
		// high: every 7 days → 1 October, National Day → the next working day, 8 October
		assertThat(register("sun.li", onProject, 5, 5, null, null).nextReview()).isEqualTo(LocalDate.parse("2026-10-08"));
		// medium: every 14 days → 8 October, a working day
		assertThat(register("sun.li", onProject, 3, 3, null, null).nextReview()).isEqualTo(LocalDate.parse("2026-10-08"));
		// low: every 30 days → Saturday 24 October → Monday 26 October
		assertThat(register("sun.li", onProject, 1, 1, null, null).nextReview()).isEqualTo(LocalDate.parse("2026-10-26"));
		// in New York it is still Wednesday 23 September: 7 days on is Wednesday 30 September
		var firmWide = register("david.miller", new Target.FirmWide(), 5, 5, null, null);
		assertThat(firmWide.nextReview()).isEqualTo(LocalDate.parse("2026-09-30"));
		// a review date asked for on a holiday falls on the next working day; one in the past is refused
		assertThat(register("sun.li", onProject, 1, 1, null, LocalDate.parse("2026-09-26")).nextReview())
			.isEqualTo(LocalDate.parse("2026-09-28"));
		assertThatThrownBy(() -> register("sun.li", onProject, 1, 1, null, LocalDate.parse("2026-09-23")))
			.isInstanceOfSatisfying(RiskRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.REVIEW_DATE_PAST));
		// each owner's zone has its daily review job, at 09:00 there
		assertThat(scheduling.nextFire("risk", "review-Asia.Shanghai")).contains(at("2026-09-25T09:00"));
		assertThat(scheduling.nextFire("risk", "review-America.New_York"))
			.contains(LocalDateTime.parse("2026-09-24T09:00").atZone(ZoneId.of("America/New_York")).toInstant());
	}

	@Test
	void everyOwnersFirstMessageGoesBeforeAnyonesSecond() {
		var onProject = new Target.OfProject(project.code());
		var today = LocalDate.parse("2026-09-24");
		for (int i = 0; i < 6; i++) {
			register("zhang.wei", onProject, 2, 2, "zhang.wei", today);
			register("sun.li", onProject, 2, 2, "sun.li", today);
		}
		register("sun.li", onProject, 5, 5, "sun.li", today);

		assertThat(reviews.askForReviews(SHANGHAI)).isEqualTo(13);
		var asked = heard.of(ReviewsDue.class);
		assertThat(asked).extracting(due -> due.ownerId() + " " + due.card().reviews().size())
			.containsExactly("sun.li 5", "zhang.wei 5", "sun.li 2", "zhang.wei 1");
		// worst first: sun.li's high risk leads their first message
		assertThat(asked.get(0).card().reviews().get(0).level()).isEqualTo(RiskLevel.HIGH);
	}

	@Test
	void oneOwnersTroubleHoldsUpNoOtherAskedInTheSameTransaction() {
		var onProject = new Target.OfProject(project.code());
		var today = LocalDate.parse("2026-09-24");
		var troubled = new ArrayList<Long>();
		var others = new ArrayList<Long>();
		for (int i = 0; i < 3; i++) {
			troubled.add(register("zhang.wei", onProject, 2, 2, "zhang.wei", today).id());
			others.add(register("sun.li", onProject, 2, 2, "sun.li", today).id());
		}
		// both owners' cards are asked in one transaction; writing zhang.wei's message fails
		heard.failOn(event -> event instanceof ReviewsDue due && due.ownerId().equals("zhang.wei"));

		assertThat(reviews.askForReviews(SHANGHAI)).isEqualTo(3);
		assertThat(others).allSatisfy(id -> assertThat(risks.find(id).orElseThrow().awaitingReview()).isTrue());
		assertThat(troubled).as("nothing of the failed card kept")
			.allSatisfy(id -> assertThat(risks.find(id).orElseThrow().awaitingReview()).isFalse());

		heard.clear();
		assertThat(reviews.askForReviews(SHANGHAI)).as("the next run asks what failed").isEqualTo(3);
		assertThat(heard.of(ReviewsDue.class)).extracting(ReviewsDue::ownerId).containsExactly("zhang.wei");
	}

	@Test
	void anOwnersDueReviewsComeInMessagesOfFiveAndOnlyInTheirZone() {
		var onProject = new Target.OfProject(project.code());
		var today = LocalDate.parse("2026-09-24");
		var due = new ArrayList<Long>();
		for (int i = 0; i < 7; i++) {
			due.add(register("zhang.wei", onProject, 2, 2, "zhang.wei", today).id());
		}
		var london = register("zhang.wei", onProject, 2, 2, "emma.wilson", today);
		var later = register("zhang.wei", onProject, 2, 2, "zhang.wei", today.plusDays(1));

		assertThat(reviews.askForReviews(SHANGHAI)).isEqualTo(7);
		var asked = heard.of(ReviewsDue.class);
		assertThat(asked).extracting(ReviewsDue::ownerId).containsOnly("zhang.wei");
		assertThat(asked).extracting(card -> card.card().riskIds().size()).containsExactly(5, 2);
		assertThat(asked.stream().flatMap(card -> card.card().riskIds().stream()))
			.containsExactlyInAnyOrderElementsOf(due);
		assertThat(asked).extracting(card -> card.card().key()).doesNotHaveDuplicates();
		assertThat(risks.find(london.id()).orElseThrow().awaitingReview()).isFalse();
		assertThat(risks.find(later.id()).orElseThrow().awaitingReview()).isFalse();
		// asked once: running again the same day asks nothing more
		assertThat(reviews.askForReviews(SHANGHAI)).isZero();
		assertThat(reviews.askForReviews(ZoneId.of("Europe/London"))).isEqualTo(1);
		// eight working hours to answer: by 18:00 today; the follow-up job waits for then
		var first = risks.find(due.get(0)).orElseThrow();
		assertThat(first.reviewDueAt()).isEqualTo(at("2026-09-24T18:00"));
		assertThat(scheduling.nextFire("risk", "follow-up")).contains(at("2026-09-24T18:00"));
	}

	@Test
	void anUnansweredReviewRemindsTheOwnerThenGoesToTheManagerThenTheHeadInWorkingTime() {
		var risk = register("zhang.wei", new Target.OfProject(project.code()), 3, 3, "sun.li",
				LocalDate.parse("2026-09-24"));
		reviews.askForReviews(SHANGHAI);
		assertThat(reviews.followUp()).isZero();

		// the deadline, 18:00: the owner is reminded once
		clock.set(at("2026-09-24T18:00"));
		assertThat(reviews.followUp()).isEqualTo(1);
		assertThat(heard.of(ReviewReminded.class)).extracting(ReviewReminded::ownerId).containsExactly("sun.li");
		// eight working hours on: the holiday and the weekend pass, Monday 28 September 17:00
		var reminded = risks.find(risk.id()).orElseThrow();
		assertThat(reminded.followUpStage()).isEqualTo(Risk.REMINDED);
		assertThat(reminded.followUpAt()).isEqualTo(at("2026-09-28T17:00"));
		assertThat(scheduling.nextFire("risk", "follow-up")).contains(at("2026-09-28T17:00"));
		clock.set(at("2026-09-28T16:59"));
		assertThat(reviews.followUp()).isZero();

		clock.set(at("2026-09-28T17:00"));
		assertThat(reviews.followUp()).isEqualTo(1);
		var toManager = heard.of(ReviewEscalated.class);
		assertThat(toManager).hasSize(1);
		assertThat(toManager.get(0).toIds()).containsExactly("zhang.wei");
		assertThat(toManager.get(0).stage()).isEqualTo(Risk.TO_MANAGER);
		// one working hour on Monday and seven on Tuesday
		assertThat(risks.find(risk.id()).orElseThrow().followUpAt()).isEqualTo(at("2026-09-29T16:00"));

		clock.set(at("2026-09-29T16:00"));
		assertThat(reviews.followUp()).isEqualTo(1);
		var toHead = heard.of(ReviewEscalated.class);
		assertThat(toHead).hasSize(2);
		assertThat(toHead.get(1).toIds()).containsExactly("li.na");
		assertThat(toHead.get(1).stage()).isEqualTo(Risk.TO_HEAD);
		var escalated = risks.find(risk.id()).orElseThrow();
		assertThat(escalated.followUpAt()).isNull();
		assertThat(scheduling.nextFire("risk", "follow-up")).isEmpty();
		assertThat(escalated.history()).extracting(RiskEntry::action)
			.containsExactly(Action.REGISTERED, Action.REVIEW_DUE, Action.REMINDED, Action.REVIEW_ESCALATED,
					Action.REVIEW_ESCALATED);

		// the head (now allowed, as the manager is) answers; the owner's second click finds it done
		clock.set(at("2026-09-29T16:30"));
		var answered = risks.reviewUnchanged(risk.id(), 1, "li.na");
		assertThat(answered.awaitingReview()).isFalse();
		assertThat(answered.nextReview()).isEqualTo(LocalDate.parse("2026-10-13"));
		assertThatThrownBy(() -> risks.reviewUnchanged(risk.id(), 1, "sun.li"))
			.isInstanceOfSatisfying(RiskRefused.class, refused -> {
				assertThat(refused.reason()).isEqualTo(Reason.ALREADY_REVIEWED);
				assertThat(refused.detail()).isEqualTo("li.na");
			});
		assertThat(risks.find(risk.id()).orElseThrow().history()).filteredOn(entry -> entry.action().reviews())
			.hasSize(1);
	}

	@Test
	void onlyTheOwnerTheManagerTheHeadOrAnAdminMayAnswerAReview() {
		var risk = register("zhang.wei", new Target.OfProject(project.code()), 3, 3, "sun.li",
				LocalDate.parse("2026-09-24"));
		reviews.askForReviews(SHANGHAI);
		// Emma is on the team and may see it, but does not answer for it; Chen Jie heads another department
		assertThatThrownBy(() -> risks.reviewUnchanged(risk.id(), 1, "emma.wilson"))
			.isInstanceOfSatisfying(RiskRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_REVIEWER));
		assertThatThrownBy(() -> risks.reviewUnchanged(risk.id(), 1, "chen.jie"))
			.isInstanceOfSatisfying(RiskRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_VISIBLE));
		// a card of an earlier round is stale
		assertThatThrownBy(() -> risks.reviewUnchanged(risk.id(), 0, "sun.li"))
			.isInstanceOfSatisfying(RiskRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.STALE_REVIEW));
		assertThat(risks.reviewUnchanged(risk.id(), 1, "admin").awaitingReview()).isFalse();
	}

}
