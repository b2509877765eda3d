package dev.steward.client.chat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.steward.client.Feedback.Step;
import dev.steward.client.FeedbackManagement;
import dev.steward.client.FeedbackRefused;
import dev.steward.client.chat.FeedbackInteractions.Assign;
import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.Caller;
import dev.steward.conversation.FormHandler;
import dev.steward.conversation.FormSpec;
import dev.steward.conversation.Input;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;

/** Gives a feedback item its owner, or another one: a person of the project's team. */
@Component
class FeedbackAssignForm implements FormHandler<Assign> {

	static final String OWNER = "owner";

	private final FeedbackManagement feedback;

	private final FeedbackViews views;

	private final Texts texts;

	FeedbackAssignForm(FeedbackManagement feedback, FeedbackViews views, Texts texts) {
		this.feedback = feedback;
		this.views = views;
		this.texts = texts;
	}

	/** Opens the form after checking the step is the caller's and the item waits for it. */
	Reply open(Caller caller, long feedbackId, Step step) {
		var item = feedback.checkMayTake(feedbackId, caller.personId(), step);
		var initial = new HashMap<String, String>();
		if (item.ownerId() != null) {
			initial.put(OWNER, item.ownerId());
		}
		return Reply.openForm(new Assign(feedbackId, step), initial);
	}

	@Override
	public Access access() {
		return Access.of(Who.PROJECT_MANAGER, Who.DEPARTMENT_HEAD, Who.MANAGEMENT, Who.ADMIN);
	}

	@Override
	public FormSpec spec(Caller caller, Assign args) {
		return FormSpec.single(texts.get(caller, "feedback.assign.title", args.feedback()),
				texts.get(caller, "feedback.assign.submit"),
				List.of(Input.person(OWNER, texts.get(caller, "feedback.assign.owner"), true)
					.withHint(texts.get(caller, "feedback.assign.owner-hint"))));
	}

	@Override
	public Reply submit(FormRequest<Assign> request) {
		var caller = request.caller();
		var args = request.args();
		try {
			var item = feedback.assign(args.feedback(), caller.personId(), args.step(), request.value(OWNER));
			return Reply.say(texts.get(caller, "feedback.assigned", item.id(), views.name(item.ownerId())));
		}
		catch (FeedbackRefused refused) {
			if (refused.reason() == FeedbackRefused.Reason.OWNER_NOT_ON_TEAM) {
				return Reply.errors(Map.of(OWNER, texts.get(caller, "feedback.assign.not-on-team",
						views.name(request.value(OWNER)))));
			}
			throw refused;
		}
	}

}
