package dev.steward.survey;

import java.util.List;

/** What happens to surveys, past tense. */
public final class SurveyEvents {

	private SurveyEvents() {
	}

	/**
	 * A survey went out: its chat contacts get their cards, the project manager the web links.
	 * @param requestedBy who sent it now; {@code null} when the schedule did
	 */
	public record SurveySent(long surveyId, long projectId, String projectCode, String requestedBy) {
	}

	/** A contact answered (once). */
	public record SurveyAnswered(long surveyId, long projectId, int contact, Invitation.Via via) {
	}

	/** The contacts who had not answered were reminded, once. */
	public record SurveyReminded(long surveyId, long projectId, List<Integer> pending) {
	}

	/** The survey closed: no answer is taken after this. */
	public record SurveyClosed(long surveyId, long projectId, int answered, int asked) {
	}

	/** A project's survey schedule changed (cadence {@code null}: no scheduled surveys). */
	public record ScheduleChanged(long projectId, QualityPolicy.Cadence cadence, String byId) {
	}

	/** A survey closed under target opened an improvement action: its owner and department head are told. */
	public record ActionOpened(long actionId, long projectId, String ownerId) {
	}

	/** An open improvement action reached its deadline, or another reminder after it. */
	public record ActionReminded(long actionId, long projectId, String ownerId, int reminders) {
	}

	/** An improvement action closed with what was done. */
	public record ActionClosed(long actionId, long projectId, String ownerId, String byId) {
	}

}
