package dev.steward.approval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import dev.steward.approval.ApprovalEvents.Completed;
import dev.steward.approval.ApprovalEvents.StepDecided;
import dev.steward.approval.ApprovalEvents.StepOpened;
import dev.steward.approval.ApprovalEvents.Withdrawn;
import dev.steward.approval.ApprovalStep.State;
import dev.steward.approval.DecisionRefused.Reason;

/**
 * A request that walks a chain of approval steps. Every change checks its rule here and records
 * an audit entry; the version makes two concurrent decisions on one step end in exactly one.
 */
@Table("approval_request")
public class ApprovalRequest extends AbstractAggregateRoot<ApprovalRequest> {

	/** Finds who may decide a step, when it opens. */
	@FunctionalInterface
	public interface Approvers {

		List<String> resolve(ApproverRule rule, ApprovalRequest request);

		/** Delegates of approvers who are away now, delegate → principal. */
		default java.util.Map<String, String> delegatesOf(List<String> approvers) {
			return java.util.Map.of();
		}

	}

	/** Who the bot itself is in the audit trail (reminders, escalations). */
	public static final String STEWARD = "steward";

	@Id
	private Long id;

	@Version
	private Integer version;

	private final String type;

	private final String subjectId;

	private final String requesterId;

	private final String departmentId;

	private String title;

	private ApprovalStatus status;

	private int currentStep;

	private int round;

	private final Instant submittedAt;

	private Instant closedAt;

	@MappedCollection(idColumn = "request_id", keyColumn = "position")
	private final List<ApprovalStep> steps;

	@MappedCollection(idColumn = "request_id", keyColumn = "seq")
	private final List<ApprovalEntry> history;

	@PersistenceCreator
	ApprovalRequest(Long id, Integer version, String type, String subjectId, String requesterId, String departmentId,
			String title, ApprovalStatus status, int currentStep, int round, Instant submittedAt, Instant closedAt,
			List<ApprovalStep> steps, List<ApprovalEntry> history) {
		this.id = id;
		this.version = version;
		this.type = type;
		this.subjectId = subjectId;
		this.requesterId = requesterId;
		this.departmentId = departmentId;
		this.title = title;
		this.status = status;
		this.currentStep = currentStep;
		this.round = round;
		this.submittedAt = submittedAt;
		this.closedAt = closedAt;
		this.steps = new ArrayList<>(steps);
		this.history = new ArrayList<>(history);
	}

	/** A new request with its chain's steps, not yet open: call {@link #start}. */
	static ApprovalRequest create(String type, String subjectId, String requesterId, String departmentId, String title,
			List<ApprovalStep> steps, Instant now) {
		if (steps.isEmpty()) {
			throw new IllegalArgumentException("An approval chain needs a step: " + type);
		}
		return new ApprovalRequest(null, null, type, subjectId, requesterId, departmentId, title,
				ApprovalStatus.IN_REVIEW, 0, 1, now, null, steps, List.of());
	}

	/** Records the submission and opens the first step. */
	void start(Approvers approvers, Instant now) {
		history.add(new ApprovalEntry(now, requesterId, ApprovalEntry.Action.SUBMITTED, null, null, null, false));
		openCurrent(approvers, now, false);
	}

	/** Checks whether the actor may decide the step named by the token now; throws if not. */
	void checkMayDecide(String token, String actorId, boolean actorIsAdmin) {
		if (status == ApprovalStatus.WITHDRAWN) {
			throw new DecisionRefused(Reason.WITHDRAWN, List.of(), lastEntry(ApprovalEntry.Action.WITHDRAWN));
		}
		if (!token().equals(token) || status.closed()) {
			throw new DecisionRefused(Reason.ALREADY_DECIDED, List.of(), decisionFor(token).orElse(null));
		}
		if (status == ApprovalStatus.CHANGES_REQUESTED) {
			throw new DecisionRefused(Reason.WAITING_FOR_CHANGES, List.of(), decisionFor(token).orElse(null));
		}
		if (!current().approvers().contains(actorId) && !actorIsAdmin) {
			throw new DecisionRefused(Reason.NOT_APPROVER, current().approvers(), null);
		}
	}

	/** Decides the current step; moves to the next step, or ends the request. */
	void decide(String token, Decision decision, String actorId, boolean actorIsAdmin, String reason,
			Approvers approvers, Instant now) {
		checkMayDecide(token, actorId, actorIsAdmin);
		if (decision.needsReason() && (reason == null || reason.isBlank())) {
			throw new DecisionRefused(Reason.REASON_REQUIRED);
		}
		var step = current();
		boolean asAdmin = !step.approvers().contains(actorId);
		history.add(new ApprovalEntry(now, actorId, ApprovalEntry.Action.of(decision), step.name(), token,
				reason == null || reason.isBlank() ? null : reason.strip(), asAdmin,
				step.principalOf(actorId).orElse(null)));
		boolean last = currentStep == steps.size() - 1;
		registerEvent(new StepDecided(id, type, subjectId, token, currentStep, step.name(), step.approvers(), decision, actorId,
				asAdmin, reason, requesterId, last));
		switch (decision) {
			case APPROVE -> {
				step.close(State.APPROVED);
				if (last) {
					finish(ApprovalStatus.APPROVED, now);
				}
				else {
					currentStep++;
					openCurrent(approvers, now, false);
				}
			}
			case REJECT -> {
				step.close(State.REJECTED);
				finish(ApprovalStatus.REJECTED, now);
			}
			case REQUEST_CHANGES -> {
				step.close(State.CHANGES_REQUESTED);
				status = ApprovalStatus.CHANGES_REQUESTED;
			}
		}
	}

	/** The requester sends the request back to the step that asked for changes. */
	void resubmit(String actorId, boolean actorIsAdmin, String title, Approvers approvers, Instant now) {
		if (!requesterId.equals(actorId) && !actorIsAdmin) {
			throw new DecisionRefused(Reason.NOT_REQUESTER, List.of(requesterId), null);
		}
		if (status != ApprovalStatus.CHANGES_REQUESTED) {
			throw new DecisionRefused(Reason.NOT_WAITING_FOR_CHANGES);
		}
		this.title = title;
		round++;
		history.add(new ApprovalEntry(now, actorId, ApprovalEntry.Action.RESUBMITTED, current().name(), token(), null,
				!requesterId.equals(actorId)));
		openCurrent(approvers, now, true);
	}

	/** The requester takes the request back; nobody need decide it any more. */
	void withdraw(String actorId, boolean actorIsAdmin, String reason, Instant now) {
		if (!requesterId.equals(actorId) && !actorIsAdmin) {
			throw new DecisionRefused(Reason.NOT_REQUESTER, List.of(requesterId), null);
		}
		if (status.closed()) {
			throw new DecisionRefused(Reason.CLOSED, List.of(), history.get(history.size() - 1));
		}
		var openStep = status == ApprovalStatus.IN_REVIEW ? current() : null;
		history.add(new ApprovalEntry(now, actorId, ApprovalEntry.Action.WITHDRAWN,
				openStep == null ? null : openStep.name(), token(), reason, !requesterId.equals(actorId)));
		registerEvent(new Withdrawn(id, type, subjectId, token(), currentStep, openStep == null ? List.of() : openStep.approvers(),
				requesterId));
		finish(ApprovalStatus.WITHDRAWN, now);
	}

	/** Reminds the open step's approvers, once, if the token still names it. */
	boolean remind(String token, Instant now) {
		if (status != ApprovalStatus.IN_REVIEW || !token().equals(token) || !current().remind()) {
			return false;
		}
		history.add(new ApprovalEntry(now, STEWARD, ApprovalEntry.Action.REMINDED, current().name(), token, null, false));
		registerEvent(new ApprovalEvents.StepReminded(id, type, subjectId, token, currentStep, current().approvers(),
				requesterId));
		return true;
	}

	/** Lets people one level up decide the open step too, once, if the token still names it. */
	boolean escalate(String token, List<String> upTheChain, Instant now) {
		if (status != ApprovalStatus.IN_REVIEW || !token().equals(token)) {
			return false;
		}
		var before = current().approvers();
		var added = current().escalate(upTheChain);
		if (added.isEmpty()) {
			return false;
		}
		history.add(new ApprovalEntry(now, STEWARD, ApprovalEntry.Action.ESCALATED, current().name(), token,
				String.join(",", added), false));
		registerEvent(new ApprovalEvents.StepEscalated(id, type, subjectId, token, currentStep, added, before,
				requesterId));
		return true;
	}

	/** The chain's step after the open one, if any. */
	public java.util.Optional<ApprovalStep> nextStep() {
		return currentStep + 1 < steps.size() ? java.util.Optional.of(steps.get(currentStep + 1))
				: java.util.Optional.empty();
	}

	private void openCurrent(Approvers approvers, Instant now, boolean afterChanges) {
		status = ApprovalStatus.IN_REVIEW;
		var step = current();
		var resolved = approvers.resolve(step.approverRule(), this);
		step.open(resolved, approvers.delegatesOf(resolved), now);
		registerEvent(new StepOpened(id, type, subjectId, token(), currentStep, steps.size(), step.name(),
				step.approvers(), requesterId, afterChanges));
	}

	private void finish(ApprovalStatus outcome, Instant now) {
		status = outcome;
		closedAt = now;
		registerEvent(new Completed(id, type, subjectId, outcome, requesterId));
	}

	private Optional<ApprovalEntry> decisionFor(String token) {
		return history.stream()
			.filter(entry -> token.equals(entry.token()) && entry.action().settles())
			.reduce((first, second) -> second);
	}

	private ApprovalEntry lastEntry(ApprovalEntry.Action action) {
		return history.stream().filter(entry -> entry.action() == action).reduce((a, b) -> b).orElse(null);
	}

	/** The events registered and not yet published (for tests of the rules). */
	List<Object> pendingEvents() {
		return List.copyOf(domainEvents());
	}

	/** The round and step now open, e.g. {@code 2.0}: second round, first step. */
	public String token() {
		return round + "." + currentStep;
	}

	public ApprovalStep current() {
		return steps.get(currentStep);
	}

	public Long id() {
		return id;
	}

	public String type() {
		return type;
	}

	public String subjectId() {
		return subjectId;
	}

	public String requesterId() {
		return requesterId;
	}

	public String departmentId() {
		return departmentId;
	}

	public String title() {
		return title;
	}

	public ApprovalStatus status() {
		return status;
	}

	public int currentStep() {
		return currentStep;
	}

	public Instant submittedAt() {
		return submittedAt;
	}

	public Instant closedAt() {
		return closedAt;
	}

	public List<ApprovalStep> steps() {
		return List.copyOf(steps);
	}

	public List<ApprovalEntry> history() {
		return List.copyOf(history);
	}

}
