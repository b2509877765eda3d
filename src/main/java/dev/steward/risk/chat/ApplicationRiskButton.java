package dev.steward.risk.chat;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.ActionHandler;
import dev.steward.conversation.Button;
import dev.steward.conversation.Caller;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.engagement.chat.ApplicationFollowUps;
import dev.steward.risk.chat.RiskInteractions.Register;

/**
 * "Register a risk" on the applicant's confirmation of an application in review, so its risks are
 * in the register before approvers decide (policy §6.2.1); a click opens the risk form on that
 * application, once the register has checked the clicker may still register there (an application
 * decided meanwhile is refused politely).
 */
@Component
class ApplicationRiskButton implements ApplicationFollowUps, ActionHandler<Register> {

	private final RiskForm form;

	private final Texts texts;

	ApplicationRiskButton(RiskForm form, Texts texts) {
		this.form = form;
		this.texts = texts;
	}

	@Override
	public Access access() {
		return Access.of(Who.ADDRESSEE, Who.DEPARTMENT_HEAD, Who.MANAGEMENT, Who.ADMIN);
	}

	@Override
	public List<Button> buttons(Caller applicant, long applicationId) {
		return List.of(Button.of(texts.get(applicant, "risk.approval.button.register"),
				InteractionId.of(Register.onApplication(applicationId))));
	}

	@Override
	public Reply handle(ActionRequest<Register> request) {
		return form.open(request.caller(), request.args());
	}

}
