package dev.steward.client.chat;

import org.springframework.stereotype.Component;

import dev.steward.client.FeedbackManagement;
import dev.steward.client.chat.FeedbackInteractions.Take;
import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.ActionHandler;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;

/**
 * The step buttons of a feedback card: Assign and Reassign open the owner form, Propose solution and
 * Record answer their text form, Close closes at once. A step already taken, one that comes later,
 * or one that is not the clicker's gets a polite refusal (the kernel says
 * {@link dev.steward.client.FeedbackRefused}'s reason) and changes nothing.
 */
@Component
class FeedbackActions implements ActionHandler<Take> {

	private final FeedbackManagement feedback;

	private final FeedbackAssignForm assign;

	private final FeedbackWriteForm write;

	private final Texts texts;

	FeedbackActions(FeedbackManagement feedback, FeedbackAssignForm assign, FeedbackWriteForm write, Texts texts) {
		this.feedback = feedback;
		this.assign = assign;
		this.write = write;
		this.texts = texts;
	}

	/** Anyone who may take one of the steps: the owner, the project manager, those who manage it. */
	@Override
	public Access access() {
		return Access.of(Who.ADDRESSEE, Who.PROJECT_MANAGER, Who.DEPARTMENT_HEAD, Who.MANAGEMENT, Who.ADMIN);
	}

	/** Whose step it is: (re)assigning is for those who manage it, answering for its owner, closing for either. */
	@Override
	public Access access(Take button) {
		return switch (button.step()) {
			case ASSIGN, REASSIGN -> Access.of(Who.PROJECT_MANAGER, Who.DEPARTMENT_HEAD, Who.MANAGEMENT, Who.ADMIN);
			case PROPOSE, ANSWER -> Access.of(Who.ADDRESSEE);
			case CLOSE -> Access.of(Who.ADDRESSEE, Who.PROJECT_MANAGER);
		};
	}

	@Override
	public Reply handle(ActionRequest<Take> request) {
		var caller = request.caller();
		var args = request.args();
		return switch (args.step()) {
			case ASSIGN, REASSIGN -> assign.open(caller, args.feedback(), args.step());
			case PROPOSE, ANSWER -> write.open(caller, args.feedback(), args.step());
			case CLOSE -> {
				var item = feedback.close(args.feedback(), caller.personId());
				yield Reply.say(texts.get(caller, "feedback.closed", item.id()));
			}
		};
	}

}
