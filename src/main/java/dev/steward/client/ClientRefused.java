package dev.steward.client;

/** A change or a look at a client the rules refuse; nothing is saved (a refused look is recorded). */
public class ClientRefused extends RuntimeException {

	/** Why. */
	public enum Reason {

		/** No such client. */
		UNKNOWN_CLIENT,
		/** The details are for the client's circle (§5.1.2). */
		NOT_IN_CIRCLE,
		/** Another client already has this name (names match whatever their case). */
		DUPLICATE_NAME,
		/** A value missing or too long; the detail names the field. */
		INVALID

	}

	private final Reason reason;

	private final String detail;

	public ClientRefused(Reason reason, String detail) {
		super(reason + (detail == null ? "" : ": " + detail));
		this.reason = reason;
		this.detail = detail;
	}

	public Reason reason() {
		return reason;
	}

	/** The field, or the name, the refusal is about; may be {@code null}. */
	public String detail() {
		return detail;
	}

}
