package dev.steward.client;

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

import dev.steward.client.PlanEntry.Action;
import dev.steward.client.PlanRefused.Reason;

/**
 * A communication plan (沟通计划, §5.2.1–2) for a client, or for one of its projects: goal, channel,
 * frequency, content, owner, and when the next contact is due. The owner is reminded once a due
 * date; logging the contact moves the due date on by the frequency. The version makes two clicks
 * at once end in one log; its history keeps every contact with its note.
 */
@Table("communication_plan")
public class CommunicationPlan extends AbstractAggregateRoot<CommunicationPlan> {

	@Id
	private Long id;

	@Version
	private Integer version;

	private final long clientId;

	private final Long projectId;

	private String goal;

	private ContactChannel channel;

	private int everyDays;

	private String content;

	private String ownerId;

	private LocalDate nextDue;

	private Instant lastContactAt;

	private String lastContactBy;

	private LocalDate remindedDue;

	private boolean active;

	@MappedCollection(idColumn = "plan_id", keyColumn = "seq")
	private final List<PlanEntry> history;

	private final String createdBy;

	private final Instant createdAt;

	@PersistenceCreator
	CommunicationPlan(Long id, Integer version, long clientId, Long projectId, String goal, ContactChannel channel,
			int everyDays, String content, String ownerId, LocalDate nextDue, Instant lastContactAt,
			String lastContactBy, LocalDate remindedDue, boolean active, List<PlanEntry> history, String createdBy,
			Instant createdAt) {
		this.id = id;
		this.version = version;
		this.clientId = clientId;
		this.projectId = projectId;
		this.goal = goal;
		this.channel = channel;
		this.everyDays = everyDays;
		this.content = content;
		this.ownerId = ownerId;
		this.nextDue = nextDue;
		this.lastContactAt = lastContactAt;
		this.lastContactBy = lastContactBy;
		this.remindedDue = remindedDue;
		this.active = active;
		this.history = new ArrayList<>(history == null ? List.of() : history);
		this.createdBy = createdBy;
		this.createdAt = createdAt;
	}

	/** A new plan, its first contact due on a day. */
	static CommunicationPlan create(long clientId, Long projectId, PlanDetails details, LocalDate firstDue,
			String actorId, Instant now) {
		var plan = new CommunicationPlan(null, null, clientId, projectId, details.goal(), details.channel(),
				details.everyDays(), details.content(), details.ownerId(), firstDue, null, null, null, true, List.of(),
				actorId, now);
		plan.history.add(new PlanEntry(now, actorId, Action.ADDED, firstDue, null));
		return plan;
	}

	/** The event that announces the plan, once it has its id. */
	PlanEvents.PlanAdded added() {
		return new PlanEvents.PlanAdded(id, clientId, projectId, ownerId, createdBy);
	}

	/** Changes what the plan says and when the next contact is due. */
	void edit(PlanDetails details, LocalDate due, String actorId, Instant now) {
		checkActive();
		this.goal = details.goal();
		this.channel = details.channel();
		this.everyDays = details.everyDays();
		this.content = details.content();
		this.ownerId = details.ownerId();
		this.nextDue = due;
		history.add(new PlanEntry(now, actorId, Action.CHANGED, due, null));
		registerEvent(new PlanEvents.PlanChanged(id, ownerId, actorId));
	}

	/**
	 * Reminds the owner of the contact due, once a due date.
	 * @return whether a reminder is due now (not yet sent for this due date)
	 */
	boolean remind(LocalDate today, Instant now) {
		if (!active || nextDue.isAfter(today) || nextDue.equals(remindedDue)) {
			return false;
		}
		remindedDue = nextDue;
		history.add(new PlanEntry(now, "steward", Action.REMINDED, nextDue, null));
		registerEvent(new PlanEvents.ContactDue(id, ownerId, nextDue));
		return true;
	}

	/**
	 * Logs the contact due on a day, with a note; the next is due on {@code next}.
	 * @throws PlanRefused if the plan was stopped, or that contact was logged already
	 */
	void log(LocalDate due, String actorId, String note, Instant now, LocalDate next) {
		checkMayLog(due);
		this.lastContactAt = now;
		this.lastContactBy = actorId;
		this.nextDue = next;
		history.add(new PlanEntry(now, actorId, Action.LOGGED, due, note));
		registerEvent(new PlanEvents.ContactLogged(id, due, actorId, now, note, next));
	}

	/** Refuses a log of a contact no longer due: the plan stopped, or it was logged (by whom). */
	void checkMayLog(LocalDate due) {
		checkActive();
		if (!due.equals(nextDue)) {
			throw new PlanRefused(Reason.ALREADY_LOGGED, logOf(due).map(PlanEntry::actorId).orElse(lastContactBy));
		}
	}

	/** Stops the plan: no more reminders. */
	void stop(String actorId, Instant now) {
		checkActive();
		active = false;
		history.add(new PlanEntry(now, actorId, Action.STOPPED, null, null));
		registerEvent(new PlanEvents.PlanStopped(id, actorId));
	}

	private void checkActive() {
		if (!active) {
			throw new PlanRefused(Reason.STOPPED, null);
		}
	}

	/** Whether the contact is overdue by more than the plan's frequency on a day (§5.2.2). */
	public boolean overdue(LocalDate today) {
		return active && today.isAfter(nextDue.plusDays(everyDays));
	}

	/** The log of the contact due on a day, if it was logged. */
	public Optional<PlanEntry> logOf(LocalDate due) {
		PlanEntry found = null;
		for (var entry : history) {
			if (entry.action() == Action.LOGGED && due.equals(entry.due())) {
				found = entry;
			}
		}
		return Optional.ofNullable(found);
	}

	public Long id() {
		return id;
	}

	public int version() {
		return version == null ? 0 : version;
	}

	public long clientId() {
		return clientId;
	}

	/** The project the plan is for, or {@code null} for the client as a whole. */
	public Long projectId() {
		return projectId;
	}

	public PlanDetails details() {
		return new PlanDetails(goal, channel, everyDays, content, ownerId);
	}

	public String goal() {
		return goal;
	}

	public ContactChannel channel() {
		return channel;
	}

	public int everyDays() {
		return everyDays;
	}

	public String content() {
		return content;
	}

	public String ownerId() {
		return ownerId;
	}

	public LocalDate nextDue() {
		return nextDue;
	}

	/** When the last contact was logged, or {@code null}. */
	public Instant lastContactAt() {
		return lastContactAt;
	}

	public String lastContactBy() {
		return lastContactBy;
	}

	public boolean active() {
		return active;
	}

	public List<PlanEntry> history() {
		return List.copyOf(history);
	}

	public String createdBy() {
		return createdBy;
	}

	public Instant createdAt() {
		return createdAt;
	}

}
