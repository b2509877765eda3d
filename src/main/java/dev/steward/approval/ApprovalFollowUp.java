package dev.steward.approval;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.steward.approval.ApprovalEvents.StepOpened;
import dev.steward.scheduling.Scheduling;

/**
 * Nothing waits silently: when a step opens, its reminder and escalation are scheduled (in the
 * same transaction, in the JDBC job store); each does nothing if the step was decided by then.
 */
@Component
class ApprovalFollowUp {

	static final String GROUP = "approval";

	private final ApprovalManagement approvals;

	private final Scheduling scheduling;

	ApprovalFollowUp(ApprovalManagement approvals, Scheduling scheduling) {
		this.approvals = approvals;
		this.scheduling = scheduling;
	}

	@EventListener
	void on(StepOpened opened) {
		var request = approvals.find(opened.requestId()).orElseThrow();
		var openedAt = request.current().openedAt();
		var data = Map.of(ApprovalReminderJob.REQUEST, opened.requestId(), ApprovalReminderJob.TOKEN, opened.token());
		approvals.reminderDue(request, openedAt).ifPresent(at -> scheduling.runAt(GROUP,
				"remind-" + opened.requestId() + "-" + opened.token(), at, ApprovalReminderJob.class, data));
		approvals.escalationDue(request, openedAt).ifPresent(at -> scheduling.runAt(GROUP,
				"escalate-" + opened.requestId() + "-" + opened.token(), at, ApprovalEscalationJob.class, data));
	}

}
