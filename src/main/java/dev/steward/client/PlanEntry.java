package dev.steward.client;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One line of a plan's history: made, changed, reminded, a contact logged (with its note), stopped.
 * @param due the due date the line is about (a contact's, a reminder's), or {@code null}
 */
@Table("communication_plan_entry")
public record PlanEntry(Instant at, String actorId, Action action, LocalDate due, String note) {

	/** What happened. */
	public enum Action {

		ADDED, CHANGED, REMINDED, LOGGED, STOPPED

	}

}
