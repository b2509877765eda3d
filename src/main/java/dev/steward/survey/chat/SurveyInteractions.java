package dev.steward.survey.chat;

import dev.steward.conversation.Interaction;

/** The surveys' buttons and forms, each with its typed arguments. */
final class SurveyInteractions {

	private SurveyInteractions() {
	}

	/**
	 * A score button on a contact's card.
	 * @param contact the contact's place in the survey
	 * @param dimension 0-based
	 */
	@Interaction("survey-score")
	record Score(long survey, int contact, int dimension, int score) {
	}

	/** The card's last button: add a comment and send the answer. */
	@Interaction("survey-finish")
	record Finish(long survey, int contact) {
	}

	/** The comment form that sends the answer. */
	@Interaction("survey-comment")
	record Comment(long survey, int contact) {
	}

	/** The form that sets how often a project's client is surveyed. */
	@Interaction("survey-schedule")
	record Schedule(String code) {
	}

	/** An improvement action's button: close it with what was done. */
	@Interaction("survey-action-close")
	record CloseAction(long action) {
	}

	/** The form that closes an improvement action. */
	@Interaction("survey-action-outcome")
	record ActionOutcome(long action) {
	}

}
