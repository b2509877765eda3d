package dev.steward.survey;

import dev.steward.firm.Refused;

/** Why a survey's action is refused; the chat face says it in the person's words. */
public class SurveyRefused extends Refused {

	/** What went wrong. */
	public enum Reason {

		/** No such project (or survey). */
		UNKNOWN_PROJECT, UNKNOWN_SURVEY,
		/** Only the project's manager, management and admins may schedule, send or read links. */
		NOT_MANAGER,
		/** The project has no client profile, or the profile names no contact to ask. */
		NO_CONTACTS,
		/** The project is paused: its client is not surveyed. */
		NOT_ACTIVE,
		/** The survey asks someone else (the card was forwarded, or the account is not theirs). */
		NOT_YOURS,
		/** The contact answered already: one answer is kept. */
		ANSWERED,
		/** The survey closed. */
		CLOSED,
		/** A score outside 1 to 5, or a dimension the survey does not ask. */
		SCORE,
		/** Not every dimension has a score yet. */
		INCOMPLETE,
		/** A comment (or an action's outcome) longer than allowed. */
		COMMENT_TOO_LONG,
		/** No such improvement action. */
		UNKNOWN_ACTION,
		/** The improvement action was closed already. */
		ACTION_CLOSED,
		/** An improvement action closes with what was done. */
		OUTCOME_REQUIRED,
		/** Only the action's owner, the project manager, management and admins close it. */
		NOT_ACTION_OWNER,
		/** Firm-wide results are for management and admins. */
		NOT_MANAGEMENT

	}

	public SurveyRefused(Reason reason, String detail) {
		super(reason, detail);
	}

	@Override
	public Reason reason() {
		return (Reason) super.reason();
	}

}
