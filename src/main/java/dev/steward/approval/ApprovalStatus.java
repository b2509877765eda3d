package dev.steward.approval;

/** Where a request stands. */
public enum ApprovalStatus {

	/** A step waits for its approver. */
	IN_REVIEW,
	/** An approver asked for changes; it waits for the requester to resubmit. */
	CHANGES_REQUESTED,
	APPROVED, REJECTED, WITHDRAWN;

	public boolean closed() {
		return this == APPROVED || this == REJECTED || this == WITHDRAWN;
	}

}
