package dev.steward.client;

import java.time.Instant;
import java.time.LocalDate;

/** What happens to communication plans (§5.2). */
public final class PlanEvents {

	private PlanEvents() {
	}

	/** A plan was made, for a client or one of its projects ({@code projectId} then set). */
	public record PlanAdded(long planId, long clientId, Long projectId, String ownerId, String actorId) {
	}

	/** A plan's details, owner or next due date changed. */
	public record PlanChanged(long planId, String ownerId, String actorId) {
	}

	/** A contact is due: the owner is reminded, once a due date. */
	public record ContactDue(long planId, String ownerId, LocalDate due) {
	}

	/** The owner (or the project manager) logged the contact due on a day; the next is due then. */
	public record ContactLogged(long planId, LocalDate due, String actorId, Instant at, String note, LocalDate nextDue) {
	}

	/** A plan was stopped: no more reminders. */
	public record PlanStopped(long planId, String actorId) {
	}

}
