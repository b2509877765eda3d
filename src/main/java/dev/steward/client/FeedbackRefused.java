package dev.steward.client;

import dev.steward.firm.Refused;

/**
 * Why someone may not do this to client feedback now. The transaction is rolled back; the chat face
 * says the reason politely, with {@link #detail()} where it names something (a code, a person, a
 * step).
 */
public class FeedbackRefused extends Refused {

	/** The kinds of refusal. */
	public enum Reason {

		/** No such feedback item. */
		NOT_FOUND,
		/** No project with that code. */
		UNKNOWN_PROJECT,
		/** The person may not see this project's feedback. */
		NOT_VISIBLE,
		/** The person may not record feedback on this project. */
		MAY_NOT_RECORD,
		/** Neither a person of the directory nor a client contact named on a profile. */
		NOT_A_CONTACT,
		/** Only the project manager, the department head, management or an admin assigns. */
		MAY_NOT_ASSIGN,
		/** Only the owner proposes the solution and records the answer; the detail is the owner. */
		NOT_OWNER,
		/** Only the owner or the project manager closes. */
		MAY_NOT_CLOSE,
		/** The new owner is not on the project's team; the detail is who. */
		OWNER_NOT_ON_TEAM,
		/** This step was already taken (a double click, or someone was first); the detail is who. */
		STEP_DONE,
		/** This step comes later: an earlier one is still to be taken. */
		OUT_OF_ORDER,
		/** The item is closed; the detail is who closed it. */
		CLOSED,
		/** The category is not among the firm's. */
		UNKNOWN_CATEGORY,
		/** A text is missing or too long; the detail is its field: summary, solution or answer. */
		INVALID_TEXT

	}

	public FeedbackRefused(Reason reason, String detail) {
		super(reason, detail);
	}

	@Override
	public Reason reason() {
		return (Reason) super.reason();
	}

	public FeedbackRefused(Reason reason) {
		this(reason, null);
	}

	/** What the refusal names (a project code, a person, a field), or empty. */
	public String detail() {
		var detail = super.detail();
		return detail == null ? "" : detail;
	}

}
