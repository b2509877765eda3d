package dev.steward.engagement.chat;

import java.util.List;

import dev.steward.conversation.Button;
import dev.steward.conversation.Caller;

/**
 * Buttons other modules offer an applicant on the confirmation of the application they just
 * submitted or resubmitted, e.g. the risk register's "Register a risk" (policy §6.2.1), so the
 * engagement module knows none of them. Implemented by other modules' chat faces; the confirmation
 * shows the buttons of every implementation.
 */
@org.springframework.modulith.NamedInterface("chat")
public interface ApplicationFollowUps {

	/**
	 * The buttons for this applicant, in their language.
	 * @param applicationId the application now in review
	 * @return the buttons, in the order shown; none when there is nothing to offer
	 */
	List<Button> buttons(Caller applicant, long applicationId);

}
