package dev.steward.approval.chat;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.approval.Decision;
import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.Caller;
import dev.steward.conversation.FormHandler;
import dev.steward.conversation.FormSpec;
import dev.steward.conversation.Input;
import dev.steward.conversation.Interaction;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;

/** Asks an approver why they reject or request changes ({@code approval-reason}), then decides. */
@Component
class ReasonForm implements FormHandler<ReasonForm.Why> {

	/**
	 * What the approver is asked to explain: the same decision as the button they pressed.
	 *
	 * @param token the round and step, so a stale form is refused like a stale click
	 */
	@Interaction("approval-reason")
	record Why(long request, String token, Decision decision) {

		static Why of(Decide decide) {
			return new Why(decide.request(), decide.token(), decide.decision());
		}

	}

	private final ApprovalActions actions;

	private final Texts texts;

	ReasonForm(ApprovalActions actions, Texts texts) {
		this.actions = actions;
		this.texts = texts;
	}

	@Override
	public Access access() {
		return Access.of(Who.ADDRESSEE, Who.ADMIN);
	}

	@Override
	public FormSpec spec(Caller caller, Why args) {
		var rejecting = args.decision() == Decision.REJECT;
		return FormSpec.single(
				texts.get(caller, rejecting ? "approval.reason.title.reject" : "approval.reason.title.changes"),
				texts.get(caller, rejecting ? "approval.button.reject" : "approval.button.changes"),
				List.of(Input.longText("reason", texts.get(caller, "approval.reason.label"), true, 1000)
					.withHint(texts.get(caller,
							rejecting ? "approval.reason.hint.reject" : "approval.reason.hint.changes"))));
	}

	@Override
	public Reply submit(FormRequest<Why> request) {
		var args = request.args();
		return actions.decide(request.caller(), args.request(), args.token(), args.decision(), request.value("reason"));
	}

}
