package dev.steward.engagement;

/**
 * A project as one row, without its team and history: for jobs that touch many projects and need
 * only what a message names (a survey round, a list).
 * @param clientId the client's profile, or {@code null} when the project names none
 */
public record ProjectSummary(long id, String code, String title, Long clientId, String managerId,
		Project.Status status) {

	/** The title and code, as messages name a project: {@code Rollout (P-2026-0001)}. */
	public String titleAndCode() {
		return title + " (" + code + ")";
	}

}
