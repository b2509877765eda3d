package dev.steward.approval.chat;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.approval.Decision;
import dev.steward.conversation.Caller;
import dev.steward.conversation.FormHandler;
import dev.steward.conversation.FormSpec;
import dev.steward.conversation.Input;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;

/** Asks an approver why they reject or request changes ({@code approval-reason}), then decides. */
@Component
class ReasonForm implements FormHandler {

	static final String NAME = "approval-reason";

	private final ApprovalActions actions;

	private final Texts texts;

	ReasonForm(ApprovalActions actions, Texts texts) {
		this.actions = actions;
		this.texts = texts;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public FormSpec spec(Caller caller, List<String> args) {
		var decision = Decision.fromKey(args.get(2));
		return FormSpec.single(texts.get(caller, "approval.reason.title." + decision.key()),
				texts.get(caller, "approval.button." + decision.key()),
				List.of(Input.longText("reason", texts.get(caller, "approval.reason.label"), true, 1000)
					.withHint(texts.get(caller, "approval.reason.hint." + decision.key()))));
	}

	@Override
	public Reply submit(FormRequest request) {
		var caller = request.caller();
		long id = actions.requestId(caller, request.args().get(0));
		return actions.decide(caller, id, request.args().get(1), Decision.fromKey(request.args().get(2)),
				request.value("reason"));
	}

}
