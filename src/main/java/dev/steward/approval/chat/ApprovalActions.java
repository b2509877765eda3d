package dev.steward.approval.chat;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.steward.approval.ApprovalManagement;
import dev.steward.approval.ApprovalRequest;
import dev.steward.approval.Decision;
import dev.steward.approval.DecisionRefused;
import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
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
class ApprovalActions implements ActionHandler<Decide> {

	private final ApprovalManagement approvals;

	private final ApprovalCards cards;

	private final Texts texts;

	ApprovalActions(ApprovalManagement approvals, ApprovalCards cards, Texts texts) {
		this.approvals = approvals;
		this.cards = cards;
		this.texts = texts;
	}

	@Override
	public Access access() {
		return Access.of(Who.ADDRESSEE, Who.ADMIN);
	}

	@Override
	public Reply handle(ActionRequest<Decide> request) {
		var caller = request.caller();
		long id = request.args().request();
		var token = request.args().token();
		var decision = request.args().decision();
		if (decision.needsReason()) {
			guarded(caller, id, () -> approvals.checkMayDecide(id, token, caller.personId()));
			return Reply.openForm(ReasonForm.Why.of(request.args()), Map.of());
		}
		return decide(caller, id, token, decision, null);
	}

	Reply decide(Caller caller, long id, String token, Decision decision, String reason) {
		var decided = guarded(caller, id, () -> approvals.decide(id, token, decision, caller.personId(), reason));
		var done = switch (decision) {
			case APPROVE -> "approval.done.approve";
			case REJECT -> "approval.done.reject";
			case REQUEST_CHANGES -> "approval.done.changes";
		};
		return Reply.say(texts.get(caller, done, decided.title(), cards.names(List.of(decided.requesterId()))));
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

}
