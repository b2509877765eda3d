package dev.steward.progress;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One member's report for one week, part of its {@link Cycle}.
 *
 * @param percent how complete their part is, 0–100
 * @param submittedAt when it first came in; {@code updatedAt} moves with each edit
 */
@Table("progress_report")
public record ProgressReport(String personId, String done, String nextWeek, String blockers, int percent, Rag rag,
		Instant submittedAt, Instant updatedAt) {

	public boolean hasBlockers() {
		return blockers != null && !blockers.isBlank();
	}

}
