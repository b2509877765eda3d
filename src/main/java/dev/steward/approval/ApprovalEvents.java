package dev.steward.approval;

import java.util.List;

/** What the approval engine announces; other modules and the chat face react to these. */
public final class ApprovalEvents {

	private ApprovalEvents() {
	}

	/**
	 * A step now waits for its approvers.
	 * @param token the round and step, e.g. {@code 1.0}; buttons carry it so stale clicks are seen
	 * @param afterChanges whether the requester just resubmitted after a request for changes
	 */
	public record StepOpened(long requestId, String type, String subjectId, String token, int step, int steps,
			String stepName, List<String> approverIds, String requesterId, boolean afterChanges) {
	}

	/** An approver decided a step. */
	public record StepDecided(long requestId, String type, String subjectId, String token, int step, String stepName,
			List<String> approverIds, Decision decision, String deciderId, boolean asAdmin, String reason,
			String requesterId, boolean last) {
	}

	/** An open step has waited past its reminder time: its approvers are reminded once. */
	public record StepReminded(long requestId, String type, String subjectId, String token, int step,
			List<String> approverIds, String requesterId) {
	}

	/** An open step has waited past its escalation time: people one level up may decide it too. */
	public record StepEscalated(long requestId, String type, String subjectId, String token, int step,
			List<String> addedApproverIds, List<String> earlierApproverIds, String requesterId) {
	}

	/** A request reached its end: approved by the last step, rejected, or withdrawn. */
	public record Completed(long requestId, String type, String subjectId, ApprovalStatus outcome,
			String requesterId) {
	}

	/**
	 * What approvers should see of a subject in review changed (another module's
	 * {@link ApprovalNotes}): the open step's cards are to be shown again, in place.
	 * @param token the open round and step, e.g. {@code 1.0}, whose cards these are
	 */
	public record CardsOutdated(long requestId, String type, String subjectId, String token, int step,
			List<String> approverIds) {

		public CardsOutdated {
			approverIds = List.copyOf(approverIds);
		}

	}

	/** The requester withdrew a request; the open step's approvers need not decide. */
	public record Withdrawn(long requestId, String type, String subjectId, String token, int step,
			List<String> approverIds,
			String requesterId) {
	}

}
