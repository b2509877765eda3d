package dev.steward.progress;

import java.util.List;

/** What the progress cycle announces; its chat face turns these into messages. */
public final class ProgressEvents {

	private ProgressEvents() {
	}

	/** Members of a project are prompted for this week's report (each once a week, never twice). */
	public record MembersPrompted(long projectId, long cycleId, java.util.List<String> personIds, boolean late) {
	}

	/** A week's prompts began: the project channel gets a summary line. */
	public record CycleAnnounced(long projectId, long cycleId, List<String> memberIds) {
	}

	/** The deadline is near: these members have not reported. */
	public record ReminderDue(long projectId, long cycleId, List<String> memberIds) {
	}

	/** The deadline passed: the project manager gets the digest and who is missing. */
	public record CycleClosed(long projectId, long cycleId) {
	}

	/** A report was submitted or edited. */
	public record ReportSubmitted(long projectId, long cycleId, String personId, boolean edited) {
	}

	/** The project manager (or an admin) excused a member, on leave, from the week's report. */
	public record MemberExcused(long projectId, long cycleId, String personId, String byId) {
	}

	/** The project manager sent the digest on to the department head and management. */
	public record DigestForwarded(long projectId, long cycleId, String byId) {
	}

	/** Time for management's weekly roll-up of every active project. */
	public record PortfolioDue(String week) {
	}

}
