package dev.steward.client;

/**
 * What a communication plan is for: a client as a whole, or one of its projects.
 * @param projectId the project, or {@code null} for the client as a whole
 * @param projectCode its code, or {@code null}
 */
public record PlanScope(long clientId, String clientName, Long projectId, String projectCode) {

	/** Whether the plan is a project's. */
	public boolean ofProject() {
		return projectId != null;
	}

	/** How people name it: the project's code, else the client's name. */
	public String label() {
		return ofProject() ? projectCode : clientName;
	}

}
