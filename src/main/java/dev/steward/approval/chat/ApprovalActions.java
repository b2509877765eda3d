package dev.steward.approval.chat;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.steward.approval.ApprovalManagement;
import dev.steward.approval.ApprovalRequest;
import dev.steward.approval.Decision;
import dev.steward.approval.DecisionRefused;
import dev.steward.conversation.ActionHandler;
import dev.steward.conversation.Caller;
import dev.steward.conversation.Refusal;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;

/**
 * The Approve / Request changes / Reject buttons ({@code approval:<request>:<token>:<decision>});
 * the last two first ask why, with {@link ReasonForm}.
 */
@Component
class ApprovalActions implements ActionHandler {

	private final ApprovalManagement approvals;

	private final ApprovalCards cards;

	private final Texts texts;

	ApprovalActions(ApprovalManagement approvals, ApprovalCards cards, Texts texts) {
		this.approvals = approvals;
		this.cards = cards;
		this.texts = texts;
	}

	@Override
	public String name() {
		return ApprovalCards.ACTION;
	}

	@Override
	public Reply handle(ActionRequest request) {
		var caller = request.caller();
		long id = requestId(caller, request.id().arg(0));
		var token = request.id().arg(1);
		Decision decision;
		try {
			decision = Decision.fromKey(request.id().arg(2));
		}
		catch (IllegalArgumentException ex) {
			return Reply.say(texts.get(caller, "kernel.unknown-action"));
		}
		if (decision.needsReason()) {
			guarded(caller, id, () -> approvals.checkMayDecide(id, token, caller.personId()));
			return Reply.openForm(ReasonForm.NAME, List.of(String.valueOf(id), token, decision.key()), Map.of());
		}
		return decide(caller, id, token, decision, null);
	}

	Reply decide(Caller caller, long id, String token, Decision decision, String reason) {
		var decided = guarded(caller, id, () -> approvals.decide(id, token, decision, caller.personId(), reason));
		return Reply.say(texts.get(caller, "approval.done." + decision.key(), decided.title(),
				cards.names(List.of(decided.requesterId()))));
	}

	private ApprovalRequest guarded(Caller caller, long id, java.util.function.Supplier<ApprovalRequest> work) {
		try {
			return work.get();
		}
		catch (DecisionRefused refused) {
			var request = approvals.find(id).orElse(null);
			throw new Refusal(request == null ? texts.get(caller, "approval.refused.not-found")
					: cards.refusal(caller, refused, request));
		}
	}

	long requestId(Caller caller, String arg) {
		try {
			return Long.parseLong(arg);
		}
		catch (NumberFormatException ex) {
			throw new Refusal(texts.get(caller, "approval.refused.not-found"));
		}
	}

}
