package dev.steward.approval;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One step of a request's chain: who may decide it, and once decided, who did, when and why.
 * Persisted as part of its {@link ApprovalRequest}.
 */
@Table("approval_step")
public class ApprovalStep {

	/** Where a step stands. */
	public enum State {

		WAITING, OPEN, APPROVED, REJECTED, CHANGES_REQUESTED

	}

	private final String name;

	private final String approverRule;

	private String approverIds;

	private State state;

	private Instant openedAt;

	ApprovalStep(String name, String approverRule, String approverIds, State state, Instant openedAt) {
		this.name = name;
		this.approverRule = approverRule;
		this.approverIds = approverIds;
		this.state = state;
		this.openedAt = openedAt;
	}

	static ApprovalStep waiting(String name, String approverRule) {
		return new ApprovalStep(name, approverRule, "", State.WAITING, null);
	}

	void open(List<String> approvers, Instant now) {
		this.approverIds = String.join(",", approvers);
		this.state = State.OPEN;
		this.openedAt = now;
	}

	void close(State outcome) {
		this.state = outcome;
	}

	public String name() {
		return name;
	}

	public String approverRule() {
		return approverRule;
	}

	public List<String> approvers() {
		return approverIds == null || approverIds.isEmpty() ? List.of() : Arrays.asList(approverIds.split(","));
	}

	public State state() {
		return state;
	}

	public Instant openedAt() {
		return openedAt;
	}

}
