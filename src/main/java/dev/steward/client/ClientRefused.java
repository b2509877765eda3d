package dev.steward.client;

import dev.steward.firm.Refused;

/** A change or a look at a client the rules refuse; nothing is saved (a refused look is recorded). */
public class ClientRefused extends Refused {

	/** Why. */
	public enum Reason {

		/** No such client. */
		UNKNOWN_CLIENT,
		/** The details are for the client's circle (§5.1.2). */
		NOT_IN_CIRCLE,
		/** Another client already has this name (names match whatever their case). */
		DUPLICATE_NAME,
		/**
		 * A value missing, too long or malformed; the detail is the field's id: {@code name},
		 * {@code industry}, {@code size}, {@code scope}, {@code preferences}, {@code contacts}, or a
		 * contact's {@code contact-name}, {@code contact-role}, {@code contact-email},
		 * {@code contact-door}, {@code contact-chat}, {@code contact-line}.
		 */
		INVALID

	}

	public ClientRefused(Reason reason, String detail) {
		super(reason, detail);
	}

	@Override
	public Reason reason() {
		return (Reason) super.reason();
	}

}
