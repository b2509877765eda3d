package dev.steward.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.steward.approval.DecisionRefused.Reason;
import dev.steward.directory.DirectoryManagement;
import dev.steward.directory.Person;
import dev.steward.directory.Role;

/** The approval engine's API: submit, decide, resubmit, withdraw, and what waits for whom. */
@Service
@Transactional
public class ApprovalManagement {

	private static final Logger log = LoggerFactory.getLogger(ApprovalManagement.class);

	private final ApprovalRequests requests;

	private final ApprovalChains chains;

	private final DirectoryManagement directory;

	private final Clock clock;

	ApprovalManagement(ApprovalRequests requests, ApprovalChains chains, DirectoryManagement directory, Clock clock) {
		this.requests = requests;
		this.chains = chains;
		this.directory = directory;
		this.clock = clock;
	}

	/** Starts a request of a configured type; its first step opens at once. */
	public ApprovalRequest submit(String type, String subjectId, String requesterId, String departmentId,
			String title) {
		var request = requests.save(ApprovalRequest.create(type, subjectId, requesterId, departmentId, title,
				chains.stepsFor(type), now()));
		request.start(this::resolve, now());
		return requests.save(request);
	}

	/** Throws {@link DecisionRefused} unless the person may decide the step named by the token now. */
	@Transactional(readOnly = true)
	public ApprovalRequest checkMayDecide(long requestId, String token, String personId) {
		var request = load(requestId);
		request.checkMayDecide(token, personId, isAdmin(personId));
		return request;
	}

	/**
	 * Decides a step. Of two concurrent decisions on one step exactly one is saved: the other
	 * fails with an optimistic-locking error and, run again, is refused as already decided.
	 */
	public ApprovalRequest decide(long requestId, String token, Decision decision, String personId, String reason) {
		var request = load(requestId);
		request.decide(token, decision, personId, isAdmin(personId), reason, this::resolve, now());
		return requests.save(request);
	}

	/** The requester sends a request back after making the changes asked for. */
	public ApprovalRequest resubmit(long requestId, String personId, String title) {
		var request = load(requestId);
		request.resubmit(personId, isAdmin(personId), title, this::resolve, now());
		return requests.save(request);
	}

	public ApprovalRequest withdraw(long requestId, String personId, String reason) {
		var request = load(requestId);
		request.withdraw(personId, isAdmin(personId), reason, now());
		return requests.save(request);
	}

	@Transactional(readOnly = true)
	public Optional<ApprovalRequest> find(long requestId) {
		return requests.findById(requestId);
	}

	@Transactional(readOnly = true)
	public Optional<ApprovalRequest> latestFor(String type, String subjectId) {
		return requests.findLatestForSubject(type, subjectId);
	}

	/** Requests whose open step waits for this person. */
	@Transactional(readOnly = true)
	public List<ApprovalRequest> waitingFor(String personId) {
		return requests.findByStatusOrderBySubmittedAt(ApprovalStatus.IN_REVIEW)
			.stream()
			.filter(request -> request.current().approvers().contains(personId))
			.toList();
	}

	/** Every request with an open step (for admins). */
	@Transactional(readOnly = true)
	public List<ApprovalRequest> inReview() {
		return requests.findByStatusOrderBySubmittedAt(ApprovalStatus.IN_REVIEW);
	}

	@Transactional(readOnly = true)
	public List<ApprovalRequest> requestedBy(String personId) {
		return requests.findByRequesterIdOrderBySubmittedAtDesc(personId);
	}

	private ApprovalRequest load(long requestId) {
		return requests.findById(requestId).orElseThrow(() -> new DecisionRefused(Reason.NOT_FOUND));
	}

	private boolean isAdmin(String personId) {
		return directory.person(personId).map(Person::isAdmin).orElse(false);
	}

	/** Who may decide a step; when nobody matches, the admins, so nothing waits silently. */
	List<String> resolve(String rule, ApprovalRequest request) {
		List<String> approvers;
		if ("department-head".equals(rule)) {
			approvers = directory.headOf(request.departmentId()).map(Person::id).stream().toList();
		}
		else {
			var role = Role.fromKey(rule.substring("role:".length()));
			approvers = directory.withRole(role).stream().map(Person::id).toList();
		}
		if (approvers.isEmpty()) {
			approvers = directory.withRole(Role.ADMIN).stream().map(Person::id).toList();
			log.warn("Nobody holds '{}' for request {}; its step goes to the admins {}", rule, request.id(), approvers);
		}
		return approvers;
	}

	private Instant now() {
		return clock.instant();
	}

}
