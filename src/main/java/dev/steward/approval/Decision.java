package dev.steward.approval;

import java.util.Locale;

/** What an approver decides on a step. */
public enum Decision {

	APPROVE, REJECT, REQUEST_CHANGES;

	/** Whether the approver must say why. */
	public boolean needsReason() {
		return this != APPROVE;
	}

	public String key() {
		return this == REQUEST_CHANGES ? "changes" : name().toLowerCase(Locale.ROOT);
	}

	public static Decision fromKey(String key) {
		return "changes".equals(key) ? REQUEST_CHANGES : valueOf(key.toUpperCase(Locale.ROOT));
	}

}
