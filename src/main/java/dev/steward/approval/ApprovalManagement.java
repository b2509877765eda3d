package dev.steward.approval;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.steward.approval.DecisionRefused.Reason;
import dev.steward.directory.DirectoryManagement;
import dev.steward.directory.Person;
import dev.steward.directory.Role;
import dev.steward.firm.FirmDefaults;
import dev.steward.scheduling.WorkingCalendars;

/** The approval engine's API: submit, decide, resubmit, withdraw, and what waits for whom. */
@Service
@Transactional
public class ApprovalManagement {

	private static final Logger log = LoggerFactory.getLogger(ApprovalManagement.class);

	private final ApprovalRequests requests;

	private final ApprovalChains chains;

	private final DirectoryManagement directory;

	private final Clock clock;

	private final Delegations delegations;

	private final ZoneId firmZone;

	private final WorkingCalendars calendars;

	private final ApplicationEventPublisher events;

	ApprovalManagement(ApprovalRequests requests, ApprovalChains chains, DirectoryManagement directory, Clock clock,
			Delegations delegations, FirmDefaults firm,
			WorkingCalendars calendars, ApplicationEventPublisher events) {
		this.calendars = calendars;
		this.events = events;
		this.requests = requests;
		this.chains = chains;
		this.directory = directory;
		this.clock = clock;
		this.delegations = delegations;
		this.firmZone = firm.zone();
	}

	/** Finds a step's approvers, and the delegates of those away today. */
	private final ApprovalRequest.Approvers approvers = new ApprovalRequest.Approvers() {

		@Override
		public List<String> resolve(ApproverRule rule, ApprovalRequest request) {
			return ApprovalManagement.this.resolve(rule, request);
		}

		@Override
		public Map<String, String> delegatesOf(List<String> people) {
			var today = LocalDate.ofInstant(now(), firmZone);
			var delegates = new LinkedHashMap<String, String>();
			people.forEach(person -> delegations.activeFor(person, today)
				.filter(delegate -> !people.contains(delegate.delegateId()))
				.ifPresent(delegate -> delegates.put(delegate.delegateId(), person)));
			return delegates;
		}

	};

	/** The open step's approvers are reminded, once, if it still waits (called by its job). */
	public void remind(long requestId, String token) {
		requests.findById(requestId).ifPresent(request -> {
			if (request.remind(token, now())) {
				requests.save(request);
			}
		});
	}

	/**
	 * People one level up may decide the open step too, once, if it still waits: the next step's
	 * approvers, or the admins at the last step (called by its job).
	 */
	public void escalate(long requestId, String token) {
		requests.findById(requestId).ifPresent(request -> {
			var up = request.nextStep().map(next -> resolve(next.approverRule(), request))
				.orElseGet(() -> directory.withRole(Role.ADMIN).stream().map(Person::id).toList());
			if (request.escalate(token, up, now())) {
				requests.save(request);
			}
		});
	}

	/** When an open step's reminder and escalation are due, counted in working time; empty when not configured. */
	Optional<Instant> reminderDue(ApprovalRequest request, Instant openedAt) {
		return chains.chain(request.type()).map(ApprovalChains.Chain::remindAfter)
			.map(after -> calendars.afterWorkingTime(openedAt, after));
	}

	Optional<Instant> escalationDue(ApprovalRequest request, Instant openedAt) {
		return chains.chain(request.type()).map(ApprovalChains.Chain::escalateAfter)
			.map(after -> calendars.afterWorkingTime(openedAt, after));
	}

	/** An approver names who decides in their place between two dates (out of office). */
	public Delegation delegate(String personId, String delegateId, LocalDate from, LocalDate to) {
		if (personId.equals(delegateId)) {
			throw new IllegalArgumentException("self");
		}
		return delegations.add(personId, delegateId, from, to, now());
	}

	/** A person's delegations that have not ended. */
	@Transactional(readOnly = true)
	public List<Delegation> delegationsOf(String personId) {
		return delegations.of(personId, LocalDate.ofInstant(now(), firmZone));
	}

	/** Starts a request of a configured type; its first step opens at once. */
	public ApprovalRequest submit(String type, String subjectId, String requesterId, String departmentId,
			String title) {
		var request = requests.save(ApprovalRequest.create(type, subjectId, requesterId, departmentId, title,
				chains.stepsFor(type), now()));
		request.start(approvers, now());
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
		request.decide(token, decision, personId, isAdmin(personId), reason, approvers, now());
		return requests.save(request);
	}

	/** The requester sends a request back after making the changes asked for. */
	public ApprovalRequest resubmit(long requestId, String personId, String title) {
		var request = load(requestId);
		request.resubmit(personId, isAdmin(personId), title, approvers, now());
		return requests.save(request);
	}

	public ApprovalRequest withdraw(long requestId, String personId, String reason) {
		var request = load(requestId);
		request.withdraw(personId, isAdmin(personId), reason, now());
		return requests.save(request);
	}

	/**
	 * What approvers should see of a subject changed (another module's {@link ApprovalNotes}, e.g. a
	 * risk registered against an application in review): the open step's cards are shown again, in
	 * place, with buttons. Nothing happens unless the subject's latest request is in review.
	 * <p>
	 * The request's row stays locked until the caller's transaction ends, so a decision on the step
	 * made meanwhile waits for it: its own card update (buttons taken away) then always comes after
	 * this one, never before.
	 * @return whether an open step's cards are to be shown again
	 */
	public boolean refreshCards(String type, String subjectId) {
		var request = requests.findLatestForSubject(type, subjectId)
			.flatMap(latest -> requests.findLockedById(latest.id()))
			.filter(found -> found.status() == ApprovalStatus.IN_REVIEW);
		request.ifPresent(open -> events.publishEvent(new ApprovalEvents.CardsOutdated(open.id(), open.type(),
				open.subjectId(), open.token(), open.currentStep(), open.current().approvers())));
		return request.isPresent();
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
		return directory.isAdmin(personId);
	}

	/** Who may decide a step; when nobody matches, the admins, so nothing waits silently. */
	List<String> resolve(ApproverRule rule, ApprovalRequest request) {
		List<String> approvers;
		if (rule instanceof ApproverRule.HoldsRole holds) {
			approvers = directory.withRole(holds.role()).stream().map(Person::id).toList();
		}
		else {
			approvers = directory.headOf(request.departmentId()).map(Person::id).stream().toList();
		}
		if (approvers.isEmpty()) {
			approvers = directory.withRole(Role.ADMIN).stream().map(Person::id).toList();
			log.warn("Nobody holds '{}' for request {}; its step goes to the admins {}", rule.text(), request.id(),
					approvers);
		}
		return approvers;
	}

	private Instant now() {
		return clock.instant();
	}

}
