package dev.steward.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import dev.steward.risk.RiskEntry.Action;
import dev.steward.risk.RiskEvents.OwnerChanged;
import dev.steward.risk.RiskEvents.RiskClosed;
import dev.steward.risk.RiskEvents.RiskReassessed;
import dev.steward.risk.RiskEvents.RiskRegistered;
import dev.steward.risk.RiskEvents.RiskReviewed;
import dev.steward.risk.RiskRefused.Reason;

/**
 * One risk of a project, of an application in review, or of the whole firm (§6): what it is, how
 * likely and how bad, how it is answered, who owns it, when it is next reviewed, and its whole
 * history. Each change checks its rule here; the version makes two clicks on one review end in
 * exactly one.
 */
@Table("risk")
public class Risk extends AbstractAggregateRoot<Risk> implements RiskLine {

	/** Who the bot itself is in the history (due reviews, reminders). */
	public static final String STEWARD = "steward";

	/** Why Steward closed a risk whose application was rejected: readers see it in their words. */
	public static final String APPLICATION_REJECTED = "application-rejected";

	/** Why Steward closed a risk whose application was withdrawn. */
	public static final String APPLICATION_WITHDRAWN = "application-withdrawn";

	/** Whether a risk is still watched. */
	public enum Status {

		OPEN, CLOSED

	}

	/** How far a review past its deadline has gone: nobody yet, the owner reminded, the manager, the head. */
	public static final int REMINDED = 1;

	public static final int TO_MANAGER = 2;

	public static final int TO_HEAD = 3;

	@Id
	private Long id;

	@Version
	private Integer version;

	private Long projectId;

	private Long applicationId;

	private final String departmentId;

	private final String category;

	private String title;

	private String description;

	private String cause;

	private int likelihood;

	private int impact;

	private int score;

	private RiskLevel level;

	private Strategy strategy;

	private String actions;

	private String ownerId;

	private Status status;

	private LocalDate nextReview;

	private int reviewRound;

	private boolean awaitingReview;

	private Instant reviewDueAt;

	private int followUpStage;

	private Instant followUpAt;

	private String reviewCard;

	private final String createdBy;

	private final Instant createdAt;

	private Instant closedAt;

	@MappedCollection(idColumn = "risk_id", keyColumn = "seq")
	private final List<RiskEntry> history;

	@PersistenceCreator
	Risk(Long id, Integer version, Long projectId, Long applicationId, String departmentId, String category,
			String title, String description, String cause, int likelihood, int impact, int score, RiskLevel level,
			Strategy strategy, String actions, String ownerId, Status status, LocalDate nextReview, int reviewRound,
			boolean awaitingReview, Instant reviewDueAt, int followUpStage, Instant followUpAt, String reviewCard,
			String createdBy, Instant createdAt, Instant closedAt, List<RiskEntry> history) {
		this.id = id;
		this.version = version;
		this.projectId = projectId;
		this.applicationId = applicationId;
		this.departmentId = departmentId;
		this.category = category;
		this.title = title;
		this.description = description;
		this.cause = cause;
		this.likelihood = likelihood;
		this.impact = impact;
		this.score = score;
		this.level = level;
		this.strategy = strategy;
		this.actions = actions;
		this.ownerId = ownerId;
		this.status = status;
		this.nextReview = nextReview;
		this.reviewRound = reviewRound;
		this.awaitingReview = awaitingReview;
		this.reviewDueAt = reviewDueAt;
		this.followUpStage = followUpStage;
		this.followUpAt = followUpAt;
		this.reviewCard = reviewCard;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.closedAt = closedAt;
		this.history = new ArrayList<>(history);
	}

	/** What a risk says when identified or assessed again. */
	public record Details(String category, String title, String description, String cause, Assessment assessment,
			Strategy strategy, String actions) {
	}

	/** Where a risk belongs: a project, an application in review, or nowhere (the firm). */
	public record Scope(Long projectId, Long applicationId, String departmentId) {

		public static Scope firmWide(String departmentId) {
			return new Scope(null, null, departmentId);
		}

	}

	static Risk register(Scope scope, Details details, RiskLevel level, String ownerId, LocalDate nextReview,
			String actorId, Instant now) {
		var assessment = details.assessment();
		var risk = new Risk(null, null, scope.projectId(), scope.applicationId(), scope.departmentId(),
				details.category(), details.title(), details.description(), details.cause(), assessment.likelihood(),
				assessment.impact(), assessment.score(), level, details.strategy(), details.actions(), ownerId,
				Status.OPEN, nextReview, 0, false, null, 0, null, null, actorId, now, null, List.of());
		risk.record(now, actorId, Action.REGISTERED, 0, null);
		return risk;
	}

	/** The event that announces the registration, once the risk has its id. */
	RiskRegistered registered() {
		return new RiskRegistered(id, projectId, applicationId, title, level, score, ownerId, createdBy);
	}

	/**
	 * Assesses the risk again, possibly with a new strategy and actions; in a review round, this
	 * settles it.
	 * @param round the review round answered, or 0 outside a review
	 */
	void reassess(Details details, RiskLevel newLevel, LocalDate nextReview, String actorId, Instant now, int round) {
		checkOpen();
		if (round > 0) {
			checkRound(round);
		}
		var fromLevel = level;
		int fromScore = score;
		var assessment = details.assessment();
		boolean assessmentChanged = assessment.likelihood() != likelihood || assessment.impact() != impact;
		boolean strategyChanged = details.strategy() != strategy || !java.util.Objects.equals(details.actions(), actions);
		this.title = details.title();
		this.description = details.description();
		this.cause = details.cause();
		this.likelihood = assessment.likelihood();
		this.impact = assessment.impact();
		this.score = assessment.score();
		this.level = newLevel;
		this.strategy = details.strategy();
		this.actions = details.actions();
		if (round > 0) {
			record(now, actorId, Action.REVIEWED_REASSESSED, round, null);
			settleReview(round, Action.REVIEWED_REASSESSED, actorId, nextReview);
		}
		else {
			if (assessmentChanged || !strategyChanged) {
				record(now, actorId, Action.REASSESSED, 0, null);
			}
			if (strategyChanged) {
				record(now, actorId, Action.STRATEGY_CHANGED, 0, null);
			}
			if (nextReview != null && !awaitingReview) {
				this.nextReview = nextReview;
			}
		}
		registerEvent(new RiskReassessed(id, title, fromLevel, newLevel, fromScore, score, actorId, round > 0));
	}

	/** A review found the risk as it was. */
	void reviewUnchanged(int round, String actorId, Instant now, LocalDate nextReview) {
		checkOpen();
		checkRound(round);
		record(now, actorId, Action.REVIEWED_UNCHANGED, round, null);
		settleReview(round, Action.REVIEWED_UNCHANGED, actorId, nextReview);
	}

	/** A review escalated the risk to the people above. */
	void reviewEscalated(int round, String actorId, Instant now, LocalDate nextReview, String note) {
		checkOpen();
		checkRound(round);
		record(now, actorId, Action.REVIEWED_ESCALATED, round, note);
		settleReview(round, Action.REVIEWED_ESCALATED, actorId, nextReview);
	}

	/**
	 * Closes the risk with a reason: at any time, or as a review's answer.
	 * @param round the review round answered, or 0
	 */
	void close(String reason, String actorId, Instant now, int round) {
		checkOpen();
		if (reason == null || reason.isBlank()) {
			throw new RiskRefused(Reason.REASON_REQUIRED);
		}
		if (round > 0) {
			checkRound(round);
		}
		int settled = awaitingReview ? reviewRound : 0;
		record(now, actorId, Action.CLOSED, settled, reason.strip());
		var card = reviewCard;
		this.status = Status.CLOSED;
		this.closedAt = now;
		this.nextReview = null;
		this.awaitingReview = false;
		this.followUpAt = null;
		this.followUpStage = 0;
		registerEvent(new RiskClosed(id, title, actorId, reason.strip()));
		if (settled > 0) {
			registerEvent(new RiskReviewed(id, settled, Action.CLOSED, actorId, card));
		}
	}

	/** Hands the risk to another owner; a review waiting goes with it. */
	void changeOwner(String newOwnerId, String actorId, Instant now) {
		checkOpen();
		if (newOwnerId.equals(ownerId)) {
			return;
		}
		var from = ownerId;
		this.ownerId = newOwnerId;
		record(now, actorId, Action.OWNER_CHANGED, 0, from + " → " + newOwnerId);
		registerEvent(new OwnerChanged(id, from, newOwnerId, actorId));
	}

	/**
	 * Asks for a review: a new round begins, due by {@code dueAt}; its first follow-up (the reminder)
	 * is then.
	 */
	void reviewDue(Instant now, Instant dueAt, String cardKey) {
		checkOpen();
		this.reviewRound++;
		this.awaitingReview = true;
		this.reviewDueAt = dueAt;
		this.followUpStage = 0;
		this.followUpAt = dueAt;
		this.reviewCard = cardKey;
		record(now, STEWARD, Action.REVIEW_DUE, reviewRound, null);
	}

	/** Records one follow-up of a review past its deadline and when the next one is due (or none). */
	void followedUp(int stage, Instant now, Instant nextAt, String recipients) {
		this.followUpStage = stage;
		this.followUpAt = nextAt;
		record(now, STEWARD, stage == REMINDED ? Action.REMINDED : Action.REVIEW_ESCALATED, reviewRound, recipients);
	}

	/** The application it was registered against was approved: it is now the project's. */
	void moveToProject(long newProjectId, Instant now) {
		if (projectId != null) {
			return;
		}
		this.projectId = newProjectId;
		record(now, STEWARD, Action.MOVED_TO_PROJECT, 0, null);
	}

	private void settleReview(int round, Action outcome, String actorId, LocalDate next) {
		var card = reviewCard;
		this.awaitingReview = false;
		this.followUpAt = null;
		this.followUpStage = 0;
		this.nextReview = next;
		registerEvent(new RiskReviewed(id, round, outcome, actorId, card));
	}

	/**
	 * Checks the risk can be answered now: open and, for a review's answer, the round still
	 * waiting (a button's form is refused before it opens, as its answer would be).
	 * @param round the review round answered, or 0 outside a review
	 */
	void checkAnswerable(int round) {
		checkOpen();
		if (round > 0) {
			checkRound(round);
		}
	}

	private void checkOpen() {
		if (status == Status.CLOSED) {
			throw new RiskRefused(Reason.CLOSED);
		}
	}

	/** A review answer must be for the round now waiting, and only once. */
	private void checkRound(int round) {
		if (round != reviewRound) {
			throw new RiskRefused(round < reviewRound ? Reason.STALE_REVIEW : Reason.NOT_FOUND);
		}
		if (!awaitingReview) {
			throw new RiskRefused(Reason.ALREADY_REVIEWED,
					settlement(round).map(RiskEntry::actorId).orElse(null));
		}
	}

	private void record(Instant at, String actorId, Action action, int round, String comment) {
		history.add(new RiskEntry(at, actorId, action, likelihood, impact, level, strategy, round, comment));
	}

	/** The events waiting to be published with the next save. */
	java.util.Collection<Object> pendingEvents() {
		return domainEvents();
	}

	/** The entry that settled a review round, if any. */
	public Optional<RiskEntry> settlement(int round) {
		return history.stream().filter(entry -> entry.round() == round && entry.action().reviews()).findFirst();
	}

	public boolean firmWide() {
		return projectId == null && applicationId == null;
	}

	/** Whether it belongs to an application still in review (not yet a project). */
	public boolean ofApplication() {
		return projectId == null && applicationId != null;
	}

	public Long id() {
		return id;
	}

	public Long projectId() {
		return projectId;
	}

	public Long applicationId() {
		return applicationId;
	}

	public String departmentId() {
		return departmentId;
	}

	public String category() {
		return category;
	}

	public String title() {
		return title;
	}

	public String description() {
		return description;
	}

	public String cause() {
		return cause;
	}

	public Assessment assessment() {
		return new Assessment(likelihood, impact);
	}

	public int likelihood() {
		return likelihood;
	}

	public int impact() {
		return impact;
	}

	public int score() {
		return score;
	}

	public RiskLevel level() {
		return level;
	}

	public Strategy strategy() {
		return strategy;
	}

	public String actions() {
		return actions;
	}

	public String ownerId() {
		return ownerId;
	}

	public Status status() {
		return status;
	}

	public boolean open() {
		return status == Status.OPEN;
	}

	public LocalDate nextReview() {
		return nextReview;
	}

	public int reviewRound() {
		return reviewRound;
	}

	public boolean awaitingReview() {
		return awaitingReview;
	}

	public Instant reviewDueAt() {
		return reviewDueAt;
	}

	public int followUpStage() {
		return followUpStage;
	}

	public Instant followUpAt() {
		return followUpAt;
	}

	public String reviewCard() {
		return reviewCard;
	}

	public String createdBy() {
		return createdBy;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant closedAt() {
		return closedAt;
	}

	public Details details() {
		return new Details(category, title, description, cause, assessment(), strategy, actions);
	}

	public List<RiskEntry> history() {
		return List.copyOf(history);
	}

}
