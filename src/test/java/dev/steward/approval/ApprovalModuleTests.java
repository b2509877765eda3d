package dev.steward.approval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import dev.steward.approval.ApprovalEvents.CardsOutdated;
import dev.steward.approval.ApprovalEvents.Completed;
import dev.steward.approval.ApprovalEvents.StepOpened;

/** The approval module with its dependencies: events announce each step and the end. */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
@TestPropertySource(properties = "steward.approvals=src/test/resources/approvals-test.yaml")
class ApprovalModuleTests {

	@org.springframework.beans.factory.annotation.Autowired
	ApprovalManagement approvals;

	@Test
	void submittingOpensTheFirstStepForTheDepartmentHead(Scenario scenario) {
		scenario.stimulate(() -> approvals.submit("test-request", "s-1", "zhang.wei", "strategy", "Module test"))
			.andWaitForEventOfType(StepOpened.class)
			.matching(opened -> opened.subjectId().equals("s-1"))
			.toArriveAndVerify(opened -> {
				assertThat(opened.approverIds()).containsExactly("li.na");
				assertThat(opened.step()).isZero();
				assertThat(opened.steps()).isEqualTo(2);
			});
	}

	@Test
	void theLastApprovalCompletesTheRequest(Scenario scenario) {
		var request = approvals.submit("test-request", "s-2", "zhang.wei", "strategy", "Module test");
		approvals.decide(request.id(), "1.0", Decision.APPROVE, "li.na", null);
		scenario.stimulate(() -> approvals.decide(request.id(), "1.1", Decision.APPROVE, "wang.fang", null))
			.andWaitForEventOfType(Completed.class)
			.matching(completed -> completed.requestId() == request.id())
			.toArriveAndVerify(completed -> assertThat(completed.outcome()).isEqualTo(ApprovalStatus.APPROVED));
	}

	@Test
	void refreshingASubjectInReviewAnnouncesTheCardsOfItsOpenStep(Scenario scenario) {
		var request = approvals.submit("test-request", "s-4", "zhang.wei", "strategy", "Module test");
		approvals.decide(request.id(), "1.0", Decision.APPROVE, "li.na", null);
		scenario.stimulate(() -> approvals.refreshCards("test-request", "s-4"))
			.andWaitForEventOfType(CardsOutdated.class)
			.matching(outdated -> outdated.requestId() == request.id())
			.toArriveAndVerify(outdated -> {
				assertThat(outdated.token()).isEqualTo("1.1");
				assertThat(outdated.step()).isEqualTo(1);
				assertThat(outdated.approverIds()).containsExactlyInAnyOrder("wang.fang", "david.miller");
			});
	}

	@Test
	void aSubjectNotInReviewHasNoCardsToRefresh() {
		assertThat(approvals.refreshCards("test-request", "no-such-subject")).isFalse();
		var request = approvals.submit("test-request", "s-5", "zhang.wei", "strategy", "Module test");
		assertThat(approvals.refreshCards("test-request", "s-5")).isTrue();
		approvals.withdraw(request.id(), "zhang.wei", null);
		assertThat(approvals.refreshCards("test-request", "s-5")).isFalse();
	}

	@Test
	void aStepNobodyHoldsGoesToTheAdmins() {
		var request = approvals.submit("test-request", "s-3", "admin", "no-such-department", "Orphan");
		assertThat(request.current().approvers()).containsExactly("admin");
	}

}
