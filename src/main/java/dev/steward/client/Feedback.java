package dev.steward.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import dev.steward.client.FeedbackEntry.Action;
import dev.steward.client.FeedbackEvents.AnswerRecorded;
import dev.steward.client.FeedbackEvents.FeedbackAssigned;
import dev.steward.client.FeedbackEvents.FeedbackClosed;
import dev.steward.client.FeedbackEvents.SolutionProposed;
import dev.steward.client.FeedbackRefused.Reason;

/**
 * One thing a client said (客户反馈, §3.2.3, §5.2.3), handled to closure: open, assigned to an
 * owner, a solution proposed, the answer given to the client recorded, closed. Each step checks
 * here that it comes next and registers its event; the version makes two clicks on one step end in
 * exactly one.
 */
@Table("feedback")
public class Feedback extends AbstractAggregateRoot<Feedback> {

	/** Who Steward is in the history (reminders, escalations). */
	public static final String STEWARD = "steward";

	/** The longest text: what the client said, a solution, an answer. */
	public static final int TEXT = 2000;

	/** Where an item stands, in the order it gets there. */
	public enum Status {

		OPEN, ASSIGNED, PROPOSED, ANSWERED, CLOSED

	}

	/** How much it matters; each has its deadline in working days ({@link FeedbackSettings}). */
	public enum Severity {

		HIGH, MEDIUM, LOW;

		/** Its word in ids and commands: {@code high}. */
		public String key() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** A step a person takes, each a button on the item's card. */
	public enum Step {

		/** Give an open item its owner: the project manager (or the department head, management, an admin). */
		ASSIGN,
		/** Give it another owner before the client is answered. */
		REASSIGN,
		/** The owner proposes a solution. */
		PROPOSE,
		/** The owner records the answer given to the client. */
		ANSWER,
		/** The owner or the project manager closes it. */
		CLOSE;

		/** Its word in ids: {@code propose}. */
		public String key() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		/** Whether the item, where it stands, waits for this step. */
		boolean waitsAt(Status status) {
			return switch (this) {
				case ASSIGN -> status == Status.OPEN;
				case REASSIGN -> status == Status.ASSIGNED || status == Status.PROPOSED;
				case PROPOSE -> status == Status.ASSIGNED;
				case ANSWER -> status == Status.PROPOSED;
				case CLOSE -> status == Status.ANSWERED;
			};
		}

		/** Where the item stands once this step is taken. */
		Status leadsTo() {
			return switch (this) {
				case ASSIGN, REASSIGN -> Status.ASSIGNED;
				case PROPOSE -> Status.PROPOSED;
				case ANSWER -> Status.ANSWERED;
				case CLOSE -> Status.CLOSED;
			};
		}

		/** The history line this step writes. */
		Action action() {
			return switch (this) {
				case ASSIGN -> Action.ASSIGNED;
				case REASSIGN -> Action.REASSIGNED;
				case PROPOSE -> Action.PROPOSED;
				case ANSWER -> Action.ANSWERED;
				case CLOSE -> Action.CLOSED;
			};
		}

	}

	/** How far an item past its deadline has gone: nobody yet, its owner reminded, the next person up. */
	public static final int REMINDED = 1;

	public static final int ESCALATED = 2;

	@Id
	private Long id;

	@Version
	private Integer version;

	private final long projectId;

	private final String projectCode;

	private final Long clientId;

	private final String category;

	private final Severity severity;

	private final String summary;

	private Status status;

	private String ownerId;

	private String solution;

	private String answer;

	private final String recordedBy;

	private final String contactName;

	private final Instant createdAt;

	private final Instant dueAt;

	private int followUpStage;

	private Instant followUpAt;

	private Instant closedAt;

	@MappedCollection(idColumn = "feedback_id", keyColumn = "seq")
	private final List<FeedbackEntry> history;

	@PersistenceCreator
	Feedback(Long id, Integer version, long projectId, String projectCode, Long clientId, String category,
			Severity severity, String summary, Status status, String ownerId, String solution, String answer,
			String recordedBy, String contactName, Instant createdAt, Instant dueAt, int followUpStage,
			Instant followUpAt, Instant closedAt, List<FeedbackEntry> history) {
		this.id = id;
		this.version = version;
		this.projectId = projectId;
		this.projectCode = projectCode;
		this.clientId = clientId;
		this.category = category;
		this.severity = severity;
		this.summary = summary;
		this.status = status;
		this.ownerId = ownerId;
		this.solution = solution;
		this.answer = answer;
		this.recordedBy = recordedBy;
		this.contactName = contactName;
		this.createdAt = createdAt;
		this.dueAt = dueAt;
		this.followUpStage = followUpStage;
		this.followUpAt = followUpAt;
		this.closedAt = closedAt;
		this.history = new ArrayList<>(history == null ? List.of() : history);
	}

	/** What the client said, as recorded: checked when made. */
	public record Details(String category, Severity severity, String summary) {

		public Details {
			summary = text(summary, "summary");
			if (category == null || category.isBlank()) {
				throw new FeedbackRefused(Reason.UNKNOWN_CATEGORY, "");
			}
			if (severity == null) {
				throw new FeedbackRefused(Reason.INVALID_TEXT, "severity");
			}
			category = category.strip().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/**
	 * A new item.
	 * @param recordedBy a directory person id, or a client contact's guest id
	 * @param contactName the contact as people read them ("Joanna (Initech)"), or {@code null}
	 * @param managerId the project manager, who is told of it and may assign it
	 */
	static Feedback record(long projectId, String projectCode, Long clientId, Details details, String recordedBy,
			String contactName, String managerId, Instant now, Instant dueAt) {
		var item = new Feedback(null, null, projectId, projectCode, clientId, details.category(), details.severity(),
				details.summary(), Status.OPEN, null, null, null, recordedBy, contactName, now, dueAt, 0, dueAt, null,
				List.of());
		item.history.add(new FeedbackEntry(now, recordedBy, contactName, Action.RECORDED, managerId, null));
		return item;
	}

	/** The event that announces it, once it has its id. */
	FeedbackEvents.FeedbackRecorded recorded(String managerId) {
		return new FeedbackEvents.FeedbackRecorded(id, projectId, recordedBy, managerId);
	}

	/** Gives the item an owner (first, or another one before the client is answered). */
	void assign(Step step, String newOwnerId, String actorId, Instant now) {
		check(step);
		var from = ownerId;
		this.ownerId = newOwnerId;
		this.status = Status.ASSIGNED;
		if (followUpStage > 0 && !newOwnerId.equals(from)) {
			// a new owner is reminded afresh if it is still late
			this.followUpStage = 0;
			this.followUpAt = now.isAfter(dueAt) ? now : dueAt;
		}
		history.add(new FeedbackEntry(now, actorId, null, step.action(), newOwnerId, null));
		registerEvent(new FeedbackAssigned(id, newOwnerId, from, actorId));
	}

	/** The owner proposes a solution. */
	void propose(String text, String actorId, Instant now) {
		check(Step.PROPOSE);
		this.solution = text(text, "solution");
		this.status = Status.PROPOSED;
		history.add(new FeedbackEntry(now, actorId, null, Action.PROPOSED, null, solution));
		registerEvent(new SolutionProposed(id, actorId));
	}

	/** The owner records the answer given to the client. */
	void answer(String text, String actorId, Instant now) {
		check(Step.ANSWER);
		this.answer = text(text, "answer");
		this.status = Status.ANSWERED;
		history.add(new FeedbackEntry(now, actorId, null, Action.ANSWERED, null, answer));
		registerEvent(new AnswerRecorded(id, actorId));
	}

	/** Closes the item: it needs no more follow-up. */
	void close(String actorId, Instant now) {
		check(Step.CLOSE);
		this.status = Status.CLOSED;
		this.closedAt = now;
		this.followUpAt = null;
		history.add(new FeedbackEntry(now, actorId, null, Action.CLOSED, null, null));
		registerEvent(new FeedbackClosed(id, actorId));
	}

	/**
	 * Checks the item waits for this step now; refuses a step already taken (naming who took it),
	 * one that comes later, and anything on a closed item.
	 */
	void check(Step step) {
		if (status == Status.CLOSED) {
			throw new FeedbackRefused(Reason.CLOSED, actorOf(Action.CLOSED).orElse(""));
		}
		if (step.waitsAt(status)) {
			return;
		}
		if (step != Step.REASSIGN && status.ordinal() >= step.leadsTo().ordinal()) {
			throw new FeedbackRefused(Reason.STEP_DONE, actorOf(step.action()).orElse(""));
		}
		throw new FeedbackRefused(Reason.OUT_OF_ORDER, next().map(Step::key).orElse(""));
	}

	/** The step the item waits for now (reassigning aside), or none once closed. */
	public Optional<Step> next() {
		return switch (status) {
			case OPEN -> Optional.of(Step.ASSIGN);
			case ASSIGNED -> Optional.of(Step.PROPOSE);
			case PROPOSED -> Optional.of(Step.ANSWER);
			case ANSWERED -> Optional.of(Step.CLOSE);
			case CLOSED -> Optional.empty();
		};
	}

	/** Records one follow-up of an item past its deadline, and when the next is due (or none). */
	void followedUp(int stage, Instant now, Instant nextAt, List<String> toIds) {
		this.followUpStage = stage;
		this.followUpAt = nextAt;
		var action = stage == REMINDED ? Action.REMINDED : Action.ESCALATED;
		if (toIds.isEmpty()) {
			history.add(new FeedbackEntry(now, STEWARD, null, action, null, null));
		}
		toIds.forEach(person -> history.add(new FeedbackEntry(now, STEWARD, null, action, person, null)));
	}

	/** Who took the latest step of this kind. */
	Optional<String> actorOf(Action action) {
		String found = null;
		for (var entry : history) {
			if (entry.action() == action) {
				found = entry.actorId();
			}
		}
		return Optional.ofNullable(found);
	}

	/** Everyone who was given the item's card: the manager told of it, its owners, those it went to. */
	public Set<String> cardReaders() {
		var readers = new LinkedHashSet<String>();
		history.stream().map(FeedbackEntry::personId).filter(java.util.Objects::nonNull).forEach(readers::add);
		return readers;
	}

	static String text(String value, String field) {
		if (value == null || value.isBlank() || value.strip().length() > TEXT) {
			throw new FeedbackRefused(Reason.INVALID_TEXT, field);
		}
		return value.strip();
	}

	public Long id() {
		return id;
	}

	public long projectId() {
		return projectId;
	}

	public String projectCode() {
		return projectCode;
	}

	public Long clientId() {
		return clientId;
	}

	public String category() {
		return category;
	}

	public Severity severity() {
		return severity;
	}

	public String summary() {
		return summary;
	}

	public Status status() {
		return status;
	}

	public boolean open() {
		return status != Status.CLOSED;
	}

	public String ownerId() {
		return ownerId;
	}

	public String solution() {
		return solution;
	}

	public String answer() {
		return answer;
	}

	/** Who recorded it: a directory person id, or a client contact's guest id. */
	public String recordedBy() {
		return recordedBy;
	}

	/** The client contact who recorded it ("Joanna (Initech)"), or {@code null} for a team member. */
	public String contactName() {
		return contactName;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant dueAt() {
		return dueAt;
	}

	public int followUpStage() {
		return followUpStage;
	}

	public Instant followUpAt() {
		return followUpAt;
	}

	public Instant closedAt() {
		return closedAt;
	}

	public List<FeedbackEntry> history() {
		return List.copyOf(history);
	}

}
