package dev.steward.risk.chat;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.conversation.Button;
import dev.steward.conversation.Caller;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Texts;
import dev.steward.engagement.chat.ApplicationFollowUps;
import dev.steward.risk.chat.RiskInteractions.Register;

/**
 * "Register a risk" on the applicant's confirmation of an application in review, so its risks are
 * in the register before approvers decide (policy §6.2.1).
 */
@Component
class ApplicationRiskButton implements ApplicationFollowUps {

	private final Texts texts;

	ApplicationRiskButton(Texts texts) {
		this.texts = texts;
	}

	@Override
	public List<Button> buttons(Caller applicant, long applicationId) {
		return List.of(Button.of(texts.get(applicant, "risk.approval.button.register"),
				InteractionId.of(Register.onApplication(applicationId))));
	}

}
