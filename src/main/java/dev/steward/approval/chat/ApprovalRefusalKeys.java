package dev.steward.approval.chat;

import org.springframework.stereotype.Component;

import dev.steward.approval.DecisionRefused.Reason;
import dev.steward.conversation.RefusalKeys;

/** Why the approval engine refuses, as message keys. */
@Component
class ApprovalRefusalKeys implements RefusalKeys<Reason> {

	@Override
	public String key(Reason reason) {
		return switch (reason) {
			case NOT_APPROVER -> "approval.refused.not-approver";
			case ALREADY_DECIDED -> "approval.refused.already";
			case WITHDRAWN -> "approval.refused.withdrawn";
			case WAITING_FOR_CHANGES -> "approval.refused.waiting";
			case CLOSED -> "approval.refused.closed";
			case REASON_REQUIRED -> "approval.refused.reason";
			case NOT_REQUESTER -> "approval.refused.not-requester";
			case NOT_WAITING_FOR_CHANGES -> "approval.refused.not-waiting";
			case NOT_FOUND -> "approval.refused.not-found";
		};
	}

}
