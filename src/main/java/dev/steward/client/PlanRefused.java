package dev.steward.client;

import dev.steward.firm.Refused;

/** A change or a look at a communication plan the rules refuse; nothing is saved. */
public class PlanRefused extends Refused {

	/** Why. */
	public enum Reason {

		/** No such plan. */
		UNKNOWN_PLAN,
		/** No such project (the detail is what was typed). */
		UNKNOWN_PROJECT,
		/** The project names no client profile, so it has no plan of its own. */
		NO_CLIENT,
		/** A plan is for the client's circle, a project's plan for those who may see the project. */
		NOT_ALLOWED,
		/** Only the plan's owner, the project manager or an admin logs a contact. */
		NOT_OWNER,
		/** The contact was logged already (the detail is who logged it). */
		ALREADY_LOGGED,
		/** The plan was stopped. */
		STOPPED,
		/** The owner is not in the directory (the detail is the id). */
		UNKNOWN_OWNER,
		/** The owner may not read the plan (outside the client's circle, or the project's people). */
		OWNER_OUTSIDE,
		/** The first contact is set in the past (the detail is the date). */
		DUE_PAST,
		/**
		 * A value missing, too long or out of range; the detail is the field's id: {@code goal},
		 * {@code channel}, {@code every}, {@code content}, {@code owner}, {@code note}.
		 */
		INVALID

	}

	public PlanRefused(Reason reason, String detail) {
		super(reason, detail);
	}

	@Override
	public Reason reason() {
		return (Reason) super.reason();
	}

}
