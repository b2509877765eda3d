package dev.steward.conversation.spi;

import java.util.List;
import java.util.Optional;

/**
 * A platform that can say who its members are and their e-mail addresses (Slack can; Discord does
 * not give bots e-mails). Implemented by a door, asked by the directory to match people by e-mail,
 * so the directory never needs a platform's user ids copied into its file. Every method keeps within
 * the platform's rate limits, waiting where it must, and so may take a while: call it off the
 * platform's acknowledgement path where it can.
 */
public interface Members {

	/** The door's name, e.g. {@code slack}. */
	String door();

	/** Every member of the workspace (paged, within the platform's rate limit). */
	List<Member> all() throws MembersUnavailable;

	/** One member by user id, as the platform knows them; empty when it does not answer. */
	Optional<Member> member(String userId);

	/** The member whose profile has this e-mail, if the platform finds one. */
	Optional<Member> byEmail(String email);

	/**
	 * A member as the platform shows them.
	 * @param email the profile's e-mail, or {@code null} when it has none (or Steward may not read it)
	 * @param bot whether it is a bot (or the platform's own account)
	 * @param deleted whether the account was deactivated
	 */
	record Member(String userId, String name, String email, boolean bot, boolean deleted) {
	}

	/** The platform could not list its members (down, a scope missing, too many retries). */
	class MembersUnavailable extends Exception {

		public MembersUnavailable(String message) {
			super(message);
		}

	}

}
