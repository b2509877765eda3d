package dev.steward.progress;

import java.time.Instant;

/**
 * One member's report for one week.
 *
 * @param percent how complete their part is, 0–100
 */
public record ProgressReport(long cycleId, String personId, String done, String nextWeek, String blockers,
		int percent, Rag rag, Instant submittedAt, Instant updatedAt) {

	public boolean hasBlockers() {
		return blockers != null && !blockers.isBlank();
	}

}
