package dev.steward.engagement.chat;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.approval.DecisionRefused;
import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.ActionHandler;
import dev.steward.conversation.Refusal;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.engagement.chat.EngagementInteractions.Apply;
import dev.steward.engagement.chat.EngagementInteractions.Edit;
import dev.steward.engagement.EngagementManagement;

/**
 * The applicant's "Edit and resubmit" button ({@code project-edit:<application>}), sent when an
 * approver asks for changes: opens the application form filled in as it was.
 */
@Component
class EditAction implements ActionHandler<Edit> {

	static final String NAME = "project-edit";

	private final EngagementManagement engagements;

	private final Texts texts;

	EditAction(EngagementManagement engagements, Texts texts) {
		this.engagements = engagements;
		this.texts = texts;
	}

	/** "Edit and resubmit": the application form again, filled in as it was. */
	@Override
	public Access access() {
		return Access.of(Who.ADDRESSEE, Who.ADMIN);
	}

	@Override
	public Reply handle(ActionRequest<Edit> request) {
		long id = request.args().application();
		var application = engagements.checkMayRevise(id, request.caller().personId());
		return Reply.openForm(new Apply(java.util.Optional.of(id)), application.details().asMap());
	}

}
