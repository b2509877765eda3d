package dev.steward.progress;

/**
 * Why the weekly cycle refuses what someone asked; the chat face turns the {@link Reason} into
 * words. Thrown before anything is changed.
 */
public class ProgressRefused extends RuntimeException {

	/** The kinds of refusal. */
	public enum Reason {

		/** The person is not on the project's team, so has nothing to report. */
		NOT_MEMBER,

		/** Only the project manager (or an admin) may do that. */
		NOT_MANAGER,

		/** This week's digest has gone out: reports are closed until next week. */
		FORWARDED,

		/** The digest can be sent on only after the deadline closed the week. */
		NOT_CLOSED,

		/** The digest has been sent on already. */
		ALREADY_FORWARDED

	}

	private final Reason reason;

	public ProgressRefused(Reason reason) {
		super(reason.name());
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
