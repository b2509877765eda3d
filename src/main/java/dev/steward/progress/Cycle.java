package dev.steward.progress;

import java.time.Instant;

/**
 * One project's reporting week.
 *
 * @param week the ISO week, e.g. {@code 2026-W48}
 * @param closedAt when the deadline passed and the project manager got the digest
 * @param forwardedAt when the project manager sent the digest on
 */
public record Cycle(long id, long projectId, String week, Instant deadlineAt, Instant announcedAt,
		Instant remindedAt, Instant closedAt, String pmComment, Instant forwardedAt, String forwardedBy) {

	public boolean closed() {
		return closedAt != null;
	}

	public boolean forwarded() {
		return forwardedAt != null;
	}

}
