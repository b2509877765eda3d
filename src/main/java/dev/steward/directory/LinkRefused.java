package dev.steward.directory;

import dev.steward.firm.Refused;

/** Why the directory will not link or unlink an account, or decide a claim. Nothing is saved. */
public class LinkRefused extends Refused {

	/** The reasons. */
	public enum Reason {

		/** No active person has that id. */
		UNKNOWN_PERSON,
		/** The account is someone else's already. */
		ACCOUNT_TAKEN,
		/** The person has an account on that door already. */
		PERSON_LINKED,
		/** The directory file names another account for the person: the file's id wins. */
		ID_DISAGREES,
		/** The person has no account linked while Steward ran (the detail: their id). */
		NOT_LINKED,
		/**
		 * A claim that cannot go to the admins: the e-mail is nobody's, or that person has an account there
		 * already; said the same way for both, so a claim never tells who exists.
		 */
		CLAIM_REFUSED,
		/** The claim was decided already (the detail: who decided it). */
		CLAIM_DECIDED,
		/** There is no such claim. */
		CLAIM_UNKNOWN,
		/** Only admins decide claims and unlink accounts. */
		NOT_ADMIN

	}

	LinkRefused(Reason reason, String detail) {
		super(reason, detail);
	}

	LinkRefused(Reason reason) {
		this(reason, null);
	}

	@Override
	public Reason reason() {
		return (Reason) super.reason();
	}

}
