package dev.steward.risk;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.steward.approval.ApprovalManagement;
import dev.steward.engagement.EngagementManagement;
import dev.steward.risk.RiskEvents.RiskClosed;
import dev.steward.risk.RiskEvents.RiskReassessed;
import dev.steward.risk.RiskEvents.RiskRegistered;

/**
 * Keeps the approval cards of an application in review showing its risks (policy §6.2.1): a risk
 * registered, reassessed or closed against it has the open step's cards shown again, in place,
 * with what the risk register now notes (the notes themselves are {@code risk.chat}'s).
 */
@Component
class ApplicationRiskCards {

	private final RiskManagement risks;

	private final ApprovalManagement approvals;

	ApplicationRiskCards(RiskManagement risks, ApprovalManagement approvals) {
		this.risks = risks;
		this.approvals = approvals;
	}

	@ApplicationModuleListener
	void on(RiskRegistered registered) {
		if (registered.projectId() == null && registered.applicationId() != null) {
			refresh(registered.applicationId());
		}
	}

	@ApplicationModuleListener
	void on(RiskReassessed reassessed) {
		refreshFor(reassessed.riskId());
	}

	@ApplicationModuleListener
	void on(RiskClosed closed) {
		refreshFor(closed.riskId());
	}

	private void refreshFor(long riskId) {
		risks.find(riskId).filter(Risk::ofApplication).ifPresent(risk -> refresh(risk.applicationId()));
	}

	private void refresh(long applicationId) {
		approvals.refreshCards(EngagementManagement.APPLICATION, String.valueOf(applicationId));
	}

}
