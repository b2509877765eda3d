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

	private final ApproverRule approverRule;

	private String approverIds;

	private State state;

	private Instant openedAt;

	private boolean reminded;

	private boolean escalated;

	/** Who decides for whom while away: {@code delegate>principal}, comma-separated. */
	private String delegations;

	@org.springframework.data.annotation.PersistenceCreator
	ApprovalStep(String name, ApproverRule approverRule, String approverIds, State state, Instant openedAt, boolean reminded,
			boolean escalated, String delegations) {
		this.name = name;
		this.approverRule = approverRule;
		this.approverIds = approverIds;
		this.state = state;
		this.openedAt = openedAt;
		this.reminded = reminded;
		this.escalated = escalated;
		this.delegations = delegations == null ? "" : delegations;
	}

	static ApprovalStep waiting(String name, ApproverRule approverRule) {
		return new ApprovalStep(name, approverRule, "", State.WAITING, null, false, false, "");
	}

	/** Opens the step for its approvers and, for those away, their delegates (delegate → principal). */
	void open(List<String> approvers, java.util.Map<String, String> delegates, Instant now) {
		var all = new java.util.LinkedHashSet<>(approvers);
		all.addAll(delegates.keySet());
		this.approverIds = String.join(",", all);
		this.delegations = String.join(",", delegates.entrySet().stream().map(e -> e.getKey() + ">" + e.getValue()).toList());
		this.state = State.OPEN;
		this.openedAt = now;
		this.reminded = false;
		this.escalated = false;
	}

	/** Marks the reminder sent; answers false if it already was. */
	boolean remind() {
		if (reminded) {
			return false;
		}
		reminded = true;
		return true;
	}

	/** Adds approvers one level up; answers those added, none if already escalated. */
	List<String> escalate(List<String> more) {
		if (escalated) {
			return List.of();
		}
		escalated = true;
		var added = more.stream().filter(person -> !approvers().contains(person)).distinct().toList();
		if (!added.isEmpty()) {
			approverIds = approverIds.isEmpty() ? String.join(",", added) : approverIds + "," + String.join(",", added);
		}
		return added;
	}

	/** Whose place a delegate decides in, if they are one here. */
	java.util.Optional<String> principalOf(String delegate) {
		return Arrays.stream(delegations.split(","))
			.filter(pair -> pair.startsWith(delegate + ">"))
			.map(pair -> pair.substring(pair.indexOf('>') + 1))
			.findFirst();
	}

	void close(State outcome) {
		this.state = outcome;
	}

	public String name() {
		return name;
	}

	public ApproverRule approverRule() {
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
