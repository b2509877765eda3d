package dev.steward.risk.chat;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.Caller;
import dev.steward.conversation.FormHandler;
import dev.steward.conversation.FormSpec;
import dev.steward.conversation.Input;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.risk.RiskManagement;
import dev.steward.risk.chat.RiskInteractions.Close;

/** Closes a risk, asking why (a review's answer, or at any time). */
@Component
class CloseForm implements FormHandler<Close> {

	static final String REASON = "reason";

	private final RiskManagement risks;

	private final Texts texts;

	CloseForm(RiskManagement risks, Texts texts) {
		this.risks = risks;
		this.texts = texts;
	}

	Reply open(Caller caller, long riskId, int round) {
		risks.checkMayAnswer(riskId, round, caller.personId());
		return Reply.openForm(new Close(riskId, round), Map.of());
	}

	@Override
	public Access access() {
		return Access.of(Who.ADDRESSEE, Who.PROJECT_MANAGER, Who.DEPARTMENT_HEAD, Who.ADMIN);
	}

	@Override
	public FormSpec spec(Caller caller, Close args) {
		return FormSpec.single(texts.get(caller, "risk.close.title", args.risk()), texts.get(caller, "risk.close.submit"),
				List.of(Input.longText(REASON, texts.get(caller, "risk.close.reason"), true, 1000)));
	}

	@Override
	public Reply submit(FormRequest<Close> request) {
		var caller = request.caller();
		if (request.value(REASON).isEmpty()) {
			return Reply.errors(Map.of(REASON, texts.get(caller, "risk.refused.reason-required")));
		}
		var risk = risks.close(request.args().risk(), caller.personId(), request.value(REASON), request.args().round());
		return Reply.say(texts.get(caller, "risk.closed", risk.id(), risk.title()));
	}

}
