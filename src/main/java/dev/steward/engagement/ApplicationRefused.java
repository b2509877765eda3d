package dev.steward.engagement;

/** Why someone may not edit or resubmit a project application now. */
public class ApplicationRefused extends RuntimeException {

	/** The kinds of refusal. */
	public enum Reason {

		NOT_FOUND, NOT_APPLICANT, NOT_WAITING_FOR_CHANGES

	}

	private final Reason reason;

	public ApplicationRefused(Reason reason) {
		super(reason.name());
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
