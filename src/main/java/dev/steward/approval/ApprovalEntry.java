package dev.steward.approval;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One line of a request's audit trail: who did what, when, at which step and why.
 *
 * @param token the round and step it concerns, e.g. {@code 1.0}
 * @param asAdmin whether an admin acted in the approver's place
 */
@Table("approval_entry")
public record ApprovalEntry(Instant at, String actorId, Action action, String stepName, String token,
		String comment, boolean asAdmin) {

	/** What happened. */
	public enum Action {

		SUBMITTED, APPROVED, REJECTED, CHANGES_REQUESTED, RESUBMITTED, WITHDRAWN;

		public static Action of(Decision decision) {
			return switch (decision) {
				case APPROVE -> APPROVED;
				case REJECT -> REJECTED;
				case REQUEST_CHANGES -> CHANGES_REQUESTED;
			};
		}

	}

}
