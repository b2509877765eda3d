package dev.steward.approval;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One line of a request's audit trail: who did what, when, at which step and why.
 *
 * @param token the round and step it concerns, e.g. {@code 1.0}
 * @param asAdmin whether an admin acted in the approver's place
 * @param onBehalfOf whose step a delegate decided, or {@code null}
 */
@Table("approval_entry")
public record ApprovalEntry(Instant at, String actorId, Action action, String stepName, String token,
		String comment, boolean asAdmin, String onBehalfOf) {

	public ApprovalEntry(Instant at, String actorId, Action action, String stepName, String token, String comment,
			boolean asAdmin) {
		this(at, actorId, action, stepName, token, comment, asAdmin, null);
	}

	/** What happened. */
	public enum Action {

		SUBMITTED, APPROVED, REJECTED, CHANGES_REQUESTED, RESUBMITTED, WITHDRAWN, REMINDED, ESCALATED;

		/** Whether this settles a step (a decision, or the request withdrawn). */
		public boolean settles() {
			return this == APPROVED || this == REJECTED || this == CHANGES_REQUESTED || this == WITHDRAWN;
		}

		public static Action of(Decision decision) {
			return switch (decision) {
				case APPROVE -> APPROVED;
				case REJECT -> REJECTED;
				case REQUEST_CHANGES -> CHANGES_REQUESTED;
			};
		}

	}

}
