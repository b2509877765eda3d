package dev.steward.engagement.chat;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.approval.DecisionRefused;
import dev.steward.conversation.ActionHandler;
import dev.steward.conversation.Refusal;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.engagement.EngagementManagement;

/**
 * The applicant's "Edit and resubmit" button ({@code project-edit:<application>}), sent when an
 * approver asks for changes: opens the application form filled in as it was.
 */
@Component
class EditAction implements ActionHandler {

	static final String NAME = "project-edit";

	private final EngagementManagement engagements;

	private final Texts texts;

	EditAction(EngagementManagement engagements, Texts texts) {
		this.engagements = engagements;
		this.texts = texts;
	}

	@Override
	public String name() {
		return NAME;
	}

	/** "Edit and resubmit": the application form again, filled in as it was. */
	@Override
	public Reply handle(ActionRequest request) {
		var caller = request.caller();
		long id;
		try {
			id = Long.parseLong(request.id().arg(0));
		}
		catch (NumberFormatException ex) {
			return Reply.say(texts.get(caller, "kernel.unknown-action"));
		}
		try {
			var application = engagements.checkMayRevise(id, caller.personId());
			return Reply.openForm(ApplicationForm.FORM, List.of(String.valueOf(id)), application.details().asMap());
		}
		catch (DecisionRefused refused) {
			throw new Refusal(texts.get(caller, "engagement.edit.refused." + refused.reason().name().toLowerCase()));
		}
	}

}
