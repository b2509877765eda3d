package dev.steward.progress;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/**
 * What a week holds about one member besides their report: prompted, or excused. Part of its
 * {@link Cycle}; the table's key (cycle and person) is why a member is never prompted twice.
 */
@Table("progress_prompt")
record Prompt(String personId, Status status, Instant sentAt, String note) {

	/** What the row says about the member this week. */
	enum Status {

		SENT, SKIPPED, EXCUSED

	}

	Prompt excused(String note) {
		return new Prompt(personId, Status.EXCUSED, sentAt, note);
	}

}
