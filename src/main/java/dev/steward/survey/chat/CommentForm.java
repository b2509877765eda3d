package dev.steward.survey.chat;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.FormHandler;
import dev.steward.conversation.FormSpec;
import dev.steward.conversation.Input;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.survey.Survey;
import dev.steward.survey.SurveyManagement;
import dev.steward.survey.chat.SurveyInteractions.Comment;

/** The last step of a chat answer: an optional comment, then the answer goes, once. */
@Component
class CommentForm implements FormHandler<Comment> {

	static final String COMMENT = "comment";

	private final SurveyManagement surveys;

	private final SurveyActions actions;

	private final Texts texts;

	CommentForm(SurveyManagement surveys, SurveyActions actions, Texts texts) {
		this.surveys = surveys;
		this.actions = actions;
		this.texts = texts;
	}

	@Override
	public Access access() {
		return Access.of(Who.ADDRESSEE).withGuests();
	}

	@Override
	public FormSpec spec(dev.steward.conversation.Caller caller, Comment args) {
		return FormSpec.single(texts.get(caller, "survey.comment.title"), texts.get(caller, "survey.comment.submit"),
				List.of(Input.longText(COMMENT, texts.get(caller, "survey.comment.label"), false, Survey.MAX_COMMENT)));
	}

	@Override
	public Reply submit(FormRequest<Comment> request) {
		var caller = request.caller();
		var comment = request.value(COMMENT);
		if (comment.length() > Survey.MAX_COMMENT) {
			return Reply.errors(Map.of(COMMENT, texts.get(caller, "survey.refused.comment-too-long", Survey.MAX_COMMENT)));
		}
		var args = request.args();
		surveys.answerInChat(args.survey(), args.contact(), comment, actions.respondent(caller, request.channel()));
		return Reply.say(texts.get(caller, "survey.answered"));
	}

}
