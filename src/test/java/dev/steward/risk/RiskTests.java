package dev.steward.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.steward.risk.RiskEntry.Action;
import dev.steward.risk.RiskEvents.RiskReassessed;
import dev.steward.risk.RiskEvents.RiskReviewed;
import dev.steward.risk.RiskRefused.Reason;

/** One risk's rules, without a database. */
class RiskTests {

	static final Instant NOW = Instant.parse("2026-09-24T02:00:00Z");

	static final LocalDate NEXT = LocalDate.parse("2026-10-08");

	static Risk risk() {
		var details = new Risk.Details("client", "Sponsor leaves", "d", "c", new Assessment(3, 3), Strategy.REDUCE, "a");
		var risk = Risk.register(new Risk.Scope(1L, 1L, "strategy"), details, RiskLevel.MEDIUM, "sun.li", NEXT, "sun.li",
				NOW);
		// as the repository's first save leaves it
		org.springframework.test.util.ReflectionTestUtils.setField(risk, "id", 7L);
		return risk;
	}

	@Test
	void aReviewRoundIsAnsweredExactlyOnce() {
		var risk = risk();
		risk.reviewDue(NOW, NOW.plusSeconds(3600), "card");
		assertThat(risk.reviewRound()).isEqualTo(1);
		risk.reviewUnchanged(1, "sun.li", NOW, NEXT);
		assertThatThrownBy(() -> risk.reviewUnchanged(1, "zhang.wei", NOW, NEXT))
			.isInstanceOfSatisfying(RiskRefused.class, refused -> {
				assertThat(refused.reason()).isEqualTo(Reason.ALREADY_REVIEWED);
				assertThat(refused.detail()).isEqualTo("sun.li");
			});
		assertThat(risk.pendingEvents()).filteredOn(RiskReviewed.class::isInstance).hasSize(1);
		risk.reviewDue(NOW, NOW, "card-2");
		assertThatThrownBy(() -> risk.reviewEscalated(1, "sun.li", NOW, NEXT, null))
			.isInstanceOfSatisfying(RiskRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.STALE_REVIEW));
	}

	@Test
	void reassessingInAReviewSettlesItAndRecordsFromAndTo() {
		var risk = risk();
		risk.reviewDue(NOW, NOW, "card");
		var worse = new Risk.Details("client", "Sponsor leaves", "d", "c", new Assessment(5, 4), Strategy.AVOID, "b");
		risk.reassess(worse, RiskLevel.HIGH, NEXT, "zhang.wei", NOW, 1);
		assertThat(risk.awaitingReview()).isFalse();
		assertThat(risk.score()).isEqualTo(20);
		var reassessed = risk.pendingEvents().stream().filter(RiskReassessed.class::isInstance)
			.map(RiskReassessed.class::cast).findFirst().orElseThrow();
		assertThat(reassessed.fromLevel()).isEqualTo(RiskLevel.MEDIUM);
		assertThat(reassessed.toLevel()).isEqualTo(RiskLevel.HIGH);
		assertThat(reassessed.fromScore()).isEqualTo(9);
		assertThat(risk.history()).extracting(RiskEntry::action)
			.containsExactly(Action.REGISTERED, Action.REVIEW_DUE, Action.REVIEWED_REASSESSED);
		assertThat(risk.history().get(2).level()).isEqualTo(RiskLevel.HIGH);
		assertThat(risk.history().get(2).strategy()).isEqualTo(Strategy.AVOID);
	}

	@Test
	void aStrategyChangeOutsideAReviewIsItsOwnEntry() {
		var risk = risk();
		var transferred = new Risk.Details("client", "Sponsor leaves", "d", "c", new Assessment(3, 3),
				Strategy.TRANSFER, "Insurance");
		risk.reassess(transferred, RiskLevel.MEDIUM, null, "zhang.wei", NOW, 0);
		assertThat(risk.history()).extracting(RiskEntry::action).containsExactly(Action.REGISTERED, Action.STRATEGY_CHANGED);
		assertThat(risk.nextReview()).isEqualTo(NEXT);
	}

	@Test
	void closingNeedsAReasonAndEndsEverything() {
		var risk = risk();
		risk.reviewDue(NOW, NOW, "card");
		assertThatThrownBy(() -> risk.close(" ", "sun.li", NOW, 1)).isInstanceOfSatisfying(RiskRefused.class,
				refused -> assertThat(refused.reason()).isEqualTo(Reason.REASON_REQUIRED));
		risk.close("The sponsor signed for two more years", "sun.li", NOW, 1);
		assertThat(risk.open()).isFalse();
		assertThat(risk.awaitingReview()).isFalse();
		assertThat(risk.nextReview()).isNull();
		assertThat(risk.settlement(1)).map(RiskEntry::action).contains(Action.CLOSED);
		assertThatThrownBy(() -> risk.changeOwner("zhang.wei", "zhang.wei", NOW)).isInstanceOfSatisfying(
				RiskRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.CLOSED));
	}

}
