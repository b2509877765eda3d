package dev.steward.survey.chat;

import org.springframework.stereotype.Component;

import dev.steward.conversation.Caller;
import dev.steward.conversation.RefusalKeys;
import dev.steward.conversation.Texts;
import dev.steward.survey.SurveyRefused;
import dev.steward.survey.SurveyRefused.Reason;

/** Why the surveys refuse, as message keys; the kernel says them and rolls back. */
@Component
class SurveyRefusalKeys implements RefusalKeys<Reason> {

	private Texts texts;

	/** Names a dimension in refusals; without it (a mapping made on its own) its id is shown. */
	@org.springframework.beans.factory.annotation.Autowired
	void words(Texts texts) {
		this.texts = texts;
	}

	@Override
	public String key(Reason reason) {
		return switch (reason) {
			case UNKNOWN_PROJECT -> "survey.refused.unknown-project";
			case UNKNOWN_SURVEY -> "survey.refused.unknown-survey";
			case NOT_MANAGER -> "survey.refused.not-manager";
			case NO_CONTACTS -> "survey.refused.no-contacts";
			case NOT_ACTIVE -> "survey.refused.not-active";
			case NOT_YOURS -> "survey.refused.not-yours";
			case ANSWERED -> "survey.refused.answered";
			case CLOSED -> "survey.refused.closed";
			case SCORE -> "survey.refused.score";
			case INCOMPLETE -> "survey.refused.incomplete";
			case COMMENT_TOO_LONG -> "survey.refused.comment-too-long";
			case UNKNOWN_ACTION -> "survey.refused.unknown-action";
			case ACTION_CLOSED -> "survey.refused.action-closed";
			case OUTCOME_REQUIRED -> "survey.refused.outcome-required";
			case NOT_ACTION_OWNER -> "survey.refused.not-action-owner";
			case NOT_MANAGEMENT -> "survey.refused.not-management";
		};
	}

	@Override
	public Object[] arguments(Caller caller, RuntimeException exception) {
		var arguments = RefusalKeys.super.arguments(caller, exception);
		if (texts != null && exception instanceof SurveyRefused refused && refused.reason() == Reason.INCOMPLETE
				&& refused.detail() != null) {
			// the first dimension without a score, in the reader's words
			return new Object[] { texts.named(caller.locale(), "survey.dimension." + refused.detail(), refused.detail()) };
		}
		return arguments;
	}

}
