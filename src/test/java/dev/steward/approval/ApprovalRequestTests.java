package dev.steward.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.steward.approval.ApprovalEvents.Completed;
import dev.steward.approval.ApprovalEvents.StepDecided;
import dev.steward.approval.ApprovalEvents.StepOpened;
import dev.steward.approval.DecisionRefused.Reason;

/** The approval aggregate's rules, without a database. */
class ApprovalRequestTests {

	static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

	static final ApprovalRequest.Approvers APPROVERS = (rule, request) -> switch (rule.text()) {
		case "department-head" -> List.of("li.na");
		default -> List.of("wang.fang", "david.miller");
	};

	ApprovalRequest request;

	@BeforeEach
	void submit() throws Exception {
		request = ApprovalRequest.create("project-application", "7", "zhang.wei", "strategy", "Acme",
				List.of(ApprovalStep.waiting("department-review", ApproverRule.parse("department-head")),
						ApprovalStep.waiting("management-approval", ApproverRule.parse("role:management"))),
				NOW);
		var id = ApprovalRequest.class.getDeclaredField("id");
		id.setAccessible(true);
		id.set(request, 42L);
		request.start(APPROVERS, NOW);
	}

	@Test
	void firstStepOpensForTheDepartmentHead() {
		assertThat(request.status()).isEqualTo(ApprovalStatus.IN_REVIEW);
		assertThat(request.token()).isEqualTo("1.0");
		assertThat(request.current().approvers()).containsExactly("li.na");
		assertThat(request.pendingEvents()).singleElement().isInstanceOfSatisfying(StepOpened.class,
				opened -> assertThat(opened.approverIds()).containsExactly("li.na"));
	}

	@Test
	void approvalsWalkTheChainToTheEnd() {
		request.decide("1.0", Decision.APPROVE, "li.na", false, null, APPROVERS, NOW);
		assertThat(request.token()).isEqualTo("1.1");
		assertThat(request.current().approvers()).containsExactly("wang.fang", "david.miller");
		request.decide("1.1", Decision.APPROVE, "david.miller", false, null, APPROVERS, NOW);
		assertThat(request.status()).isEqualTo(ApprovalStatus.APPROVED);
		assertThat(request.closedAt()).isEqualTo(NOW);
		assertThat(request.pendingEvents()).last().isInstanceOfSatisfying(Completed.class,
				completed -> assertThat(completed.outcome()).isEqualTo(ApprovalStatus.APPROVED));
		assertThat(request.history()).extracting(ApprovalEntry::action)
			.containsExactly(ApprovalEntry.Action.SUBMITTED, ApprovalEntry.Action.APPROVED,
					ApprovalEntry.Action.APPROVED);
	}

	@Test
	void onlyTheStepsApproverOrAnAdminMayDecide() {
		assertThatThrownBy(() -> request.decide("1.0", Decision.APPROVE, "wang.fang", false, null, APPROVERS, NOW))
			.isInstanceOfSatisfying(DecisionRefused.class, refused -> {
				assertThat(refused.reason()).isEqualTo(Reason.NOT_APPROVER);
				assertThat(refused.approvers()).containsExactly("li.na");
			});
		request.decide("1.0", Decision.APPROVE, "admin", true, null, APPROVERS, NOW);
		assertThat(request.history().get(1).asAdmin()).isTrue();
		assertThat(request.history().get(1).actorId()).isEqualTo("admin");
	}

	@Test
	void aStaleOrRepeatedDecisionIsRefusedNamingWhoDecided() {
		request.decide("1.0", Decision.APPROVE, "li.na", false, null, APPROVERS, NOW);
		assertThatThrownBy(() -> request.decide("1.0", Decision.REJECT, "li.na", false, "no", APPROVERS, NOW))
			.isInstanceOfSatisfying(DecisionRefused.class, refused -> {
				assertThat(refused.reason()).isEqualTo(Reason.ALREADY_DECIDED);
				assertThat(refused.previous().actorId()).isEqualTo("li.na");
				assertThat(refused.previous().action()).isEqualTo(ApprovalEntry.Action.APPROVED);
			});
	}

	@Test
	void rejectingAndRequestingChangesNeedAReason() {
		assertThatThrownBy(() -> request.decide("1.0", Decision.REJECT, "li.na", false, " ", APPROVERS, NOW))
			.isInstanceOfSatisfying(DecisionRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.REASON_REQUIRED));
		assertThat(request.history()).hasSize(1);
	}

	@Test
	void changesGoBackToTheRequesterAndReturnToTheSameStep() {
		request.decide("1.0", Decision.APPROVE, "li.na", false, null, APPROVERS, NOW);
		request.decide("1.1", Decision.REQUEST_CHANGES, "wang.fang", false, "More detail", APPROVERS, NOW);
		assertThat(request.status()).isEqualTo(ApprovalStatus.CHANGES_REQUESTED);
		assertThatThrownBy(() -> request.decide("1.1", Decision.APPROVE, "david.miller", false, null, APPROVERS, NOW))
			.isInstanceOf(DecisionRefused.class);
		assertThatThrownBy(() -> request.resubmit("li.na", false, "Acme v2", APPROVERS, NOW))
			.isInstanceOfSatisfying(DecisionRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_REQUESTER));

		request.resubmit("zhang.wei", false, "Acme v2", APPROVERS, NOW);
		assertThat(request.status()).isEqualTo(ApprovalStatus.IN_REVIEW);
		assertThat(request.token()).isEqualTo("2.1");
		assertThat(request.title()).isEqualTo("Acme v2");
		assertThat(request.pendingEvents()).last().isInstanceOfSatisfying(StepOpened.class,
				opened -> assertThat(opened.afterChanges()).isTrue());
		// the old round's buttons are stale now
		assertThatThrownBy(() -> request.decide("1.1", Decision.APPROVE, "wang.fang", false, null, APPROVERS, NOW))
			.isInstanceOfSatisfying(DecisionRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.ALREADY_DECIDED));
		request.decide("2.1", Decision.APPROVE, "wang.fang", false, null, APPROVERS, NOW);
		assertThat(request.status()).isEqualTo(ApprovalStatus.APPROVED);
	}

	@Test
	void aWithdrawnRequestCannotBeDecided() {
		request.withdraw("zhang.wei", false, "Client went elsewhere", NOW);
		assertThat(request.status()).isEqualTo(ApprovalStatus.WITHDRAWN);
		assertThatThrownBy(() -> request.decide("1.0", Decision.APPROVE, "li.na", false, null, APPROVERS, NOW))
			.isInstanceOfSatisfying(DecisionRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.WITHDRAWN));
		assertThatThrownBy(() -> request.withdraw("zhang.wei", false, null, NOW))
			.isInstanceOfSatisfying(DecisionRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.CLOSED));
	}

	@Test
	void decisionsAnnounceWhetherTheStepWasTheLast() {
		request.decide("1.0", Decision.REJECT, "li.na", false, "Not for us", APPROVERS, NOW);
		assertThat(request.pendingEvents()).filteredOn(StepDecided.class::isInstance)
			.singleElement()
			.isInstanceOfSatisfying(StepDecided.class, decided -> {
				assertThat(decided.reason()).isEqualTo("Not for us");
				assertThat(decided.last()).isFalse();
			});
		assertThat(request.status()).isEqualTo(ApprovalStatus.REJECTED);
	}

}
