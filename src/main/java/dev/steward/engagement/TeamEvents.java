package dev.steward.engagement;

/** What changes in a project's team and running state; the progress cycle listens. */
public final class TeamEvents {

	private TeamEvents() {
	}

	/** Someone joined the team (or had their duty changed). */
	public record MemberAdded(long projectId, String code, String personId, String duty, String byId) {
	}

	/** Someone left the team. */
	public record MemberRemoved(long projectId, String code, String personId, String byId) {
	}

	/** The project was paused (no prompts) or resumed. */
	public record RunningChanged(long projectId, String code, boolean paused, String byId) {
	}

}
