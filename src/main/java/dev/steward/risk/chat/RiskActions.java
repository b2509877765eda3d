package dev.steward.risk.chat;

import org.springframework.stereotype.Component;

import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.ActionHandler;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.risk.RiskManagement;
import dev.steward.risk.chat.RiskInteractions.Review;

/**
 * The buttons of a review card: Unchanged and Escalate answer at once; Reassess and Close open
 * their forms. A stale card, a second click or a click by someone who may not answer gets a polite
 * refusal (the kernel says {@link dev.steward.risk.RiskRefused}'s reason), and exactly one answer
 * is recorded.
 */
@Component
class RiskActions implements ActionHandler<Review> {

	private final RiskManagement risks;

	private final AssessForm assess;

	private final CloseForm close;

	private final Texts texts;

	RiskActions(RiskManagement risks, AssessForm assess, CloseForm close, Texts texts) {
		this.risks = risks;
		this.assess = assess;
		this.close = close;
		this.texts = texts;
	}

	@Override
	public Access access() {
		return Access.of(Who.ADDRESSEE, Who.PROJECT_MANAGER, Who.DEPARTMENT_HEAD, Who.ADMIN);
	}

	@Override
	public Reply handle(ActionRequest<Review> request) {
		var caller = request.caller();
		var args = request.args();
		return switch (args.answer()) {
			case UNCHANGED -> {
				var risk = risks.reviewUnchanged(args.risk(), args.round(), caller.personId());
				yield Reply.say(texts.get(caller, "risk.reviewed.unchanged", risk.id(), risk.title(),
						risk.nextReview() == null ? "—" : risk.nextReview().toString()));
			}
			case ESCALATE -> {
				var risk = risks.reviewEscalate(args.risk(), args.round(), caller.personId(), null);
				yield Reply.say(texts.get(caller, "risk.reviewed.escalated", risk.id(), risk.title()));
			}
			case REASSESS -> assess.open(caller, args.risk(), args.round());
			case CLOSE -> close.open(caller, args.risk(), args.round());
		};
	}

}
