package dev.steward.scheduling;

/** What happens to an occurrence that falls on a non-working day. */
public enum Shift {

	/** It moves to the working day before. */
	PREVIOUS,
	/** It moves to the working day after. */
	NEXT,
	/** It does not happen that week. */
	SKIP

}
