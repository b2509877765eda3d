package dev.steward.digest;

import java.time.Instant;

/**
 * The digest a section is asked for: a project's week.
 * @param projectId the project's id
 * @param code its code, e.g. {@code P-2026-0001}
 * @param clientId the client's profile, or {@code null} when the project names none
 * @param week the ISO week, e.g. {@code 2026-W39}
 * @param at the moment the digest is written for: what is overdue is overdue then
 */
public record ProjectWeek(long projectId, String code, Long clientId, String week, Instant at) {
}
