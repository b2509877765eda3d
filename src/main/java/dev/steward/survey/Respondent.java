package dev.steward.survey;

import dev.steward.survey.SurveyRefused.Reason;

/**
 * Who answers: a chat account (door and platform user id), which must be the one the survey asked;
 * or the holder of the contact's signed link, which names the contact itself.
 */
public record Respondent(String door, String chatId) {

	/** Whoever holds the contact's signed link: the link is the proof. */
	public static final Respondent LINK = new Respondent(null, null);

	public static Respondent chat(String door, String chatId) {
		if (door == null || chatId == null) {
			throw new SurveyRefused(Reason.NOT_YOURS, null);
		}
		return new Respondent(door, chatId);
	}

	void check(Invitation invitation) {
		if (this.equals(LINK)) {
			return;
		}
		if (!door.equals(invitation.door()) || !chatId.equals(invitation.chatId())) {
			throw new SurveyRefused(Reason.NOT_YOURS, null);
		}
	}

}
