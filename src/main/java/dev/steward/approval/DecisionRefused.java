package dev.steward.approval;

import java.time.Instant;
import java.util.List;

/**
 * Why someone may not act on a request now, with what the chat face needs to say so politely.
 *
 * @param approvers who may decide the current step (for {@link Reason#NOT_APPROVER})
 * @param previous the entry that already settled it (for {@link Reason#ALREADY_DECIDED})
 */
public class DecisionRefused extends RuntimeException {

	/** The kinds of refusal. */
	public enum Reason {

		NOT_APPROVER, ALREADY_DECIDED, WITHDRAWN, WAITING_FOR_CHANGES, CLOSED, REASON_REQUIRED, NOT_REQUESTER,
		NOT_WAITING_FOR_CHANGES, NOT_FOUND

	}

	private final Reason reason;

	private final transient List<String> approvers;

	private final transient ApprovalEntry previous;

	public DecisionRefused(Reason reason, List<String> approvers, ApprovalEntry previous) {
		super(reason.name());
		this.reason = reason;
		this.approvers = approvers == null ? List.of() : List.copyOf(approvers);
		this.previous = previous;
	}

	public DecisionRefused(Reason reason) {
		this(reason, List.of(), null);
	}

	public Reason reason() {
		return reason;
	}

	public List<String> approvers() {
		return approvers;
	}

	public ApprovalEntry previous() {
		return previous;
	}

	public Instant previousAt() {
		return previous == null ? null : previous.at();
	}

}
