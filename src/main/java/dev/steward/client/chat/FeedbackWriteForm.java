package dev.steward.client.chat;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.steward.client.Feedback;
import dev.steward.client.Feedback.Step;
import dev.steward.client.FeedbackManagement;
import dev.steward.client.chat.FeedbackInteractions.Write;
import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.Caller;
import dev.steward.conversation.FormHandler;
import dev.steward.conversation.FormSpec;
import dev.steward.conversation.Input;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;

/**
 * The owner's two texts: the solution proposed (解决方案), and the answer given to the client
 * (处理结果反馈给客户), each recorded in the item's history.
 */
@Component
class FeedbackWriteForm implements FormHandler<Write> {

	static final String TEXT = "text";

	private final FeedbackManagement feedback;

	private final Texts texts;

	FeedbackWriteForm(FeedbackManagement feedback, Texts texts) {
		this.feedback = feedback;
		this.texts = texts;
	}

	/** Opens the form after checking the step is the caller's and the item waits for it. */
	Reply open(Caller caller, long feedbackId, Step step) {
		feedback.checkMayTake(feedbackId, caller.personId(), step);
		return Reply.openForm(new Write(feedbackId, step), Map.of());
	}

	@Override
	public Access access() {
		return Access.of(Who.ADDRESSEE);
	}

	@Override
	public FormSpec spec(Caller caller, Write args) {
		boolean answer = args.step() == Step.ANSWER;
		var input = Input.longText(TEXT, texts.get(caller, answer ? "feedback.write.answer" : "feedback.write.solution"),
				true, Feedback.TEXT)
			.withHint(texts.get(caller, answer ? "feedback.write.answer-hint" : "feedback.write.solution-hint"));
		return FormSpec.single(
				texts.get(caller, answer ? "feedback.write.answer-title" : "feedback.write.solution-title", args.feedback()),
				texts.get(caller, "feedback.write.submit"), List.of(input));
	}

	@Override
	public Reply submit(FormRequest<Write> request) {
		var caller = request.caller();
		var args = request.args();
		var text = request.value(TEXT);
		if (text.isEmpty() || text.length() > Feedback.TEXT) {
			return Reply.errors(Map.of(TEXT, texts.get(caller, "feedback.form.error.summary", Feedback.TEXT)));
		}
		if (args.step() == Step.ANSWER) {
			var item = feedback.answer(args.feedback(), caller.personId(), text);
			return Reply.say(texts.get(caller, "feedback.answered", item.id()));
		}
		var item = feedback.propose(args.feedback(), caller.personId(), text);
		return Reply.say(texts.get(caller, "feedback.proposed", item.id()));
	}

}
