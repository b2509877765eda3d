package dev.steward.client;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One line of a feedback item's history: who did what, when.
 *
 * @param actorId a directory person id, {@code steward} for Steward itself, or a client contact's
 * guest id ({@code guest:DOOR:USER})
 * @param actorName how the actor is named when the directory does not know them: a client contact
 * as "Joanna (Initech)"; else {@code null}
 * @param personId the person the step concerns: the project manager told of a new item, the owner
 * assigned, the person reminded or escalated to; each of them has the item's card
 * @param note what the step says: the solution, the answer given to the client
 */
@Table("feedback_entry")
public record FeedbackEntry(Instant at, String actorId, String actorName, Action action, String personId, String note) {

	/** What happened. */
	public enum Action {

		/** Recorded (by a team member, or by a client contact). */
		RECORDED,
		/** Given an owner. */
		ASSIGNED,
		/** Given another owner. */
		REASSIGNED,
		/** The owner proposed a solution. */
		PROPOSED,
		/** The owner recorded the answer given to the client. */
		ANSWERED,
		/** Closed. */
		CLOSED,
		/** Open past its deadline: its owner was reminded. */
		REMINDED,
		/** Still open: it went to the next person up. */
		ESCALATED

	}

}
