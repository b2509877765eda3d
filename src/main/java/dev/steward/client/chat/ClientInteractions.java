package dev.steward.client.chat;

import dev.steward.conversation.Interaction;

/** The client profiles' forms and buttons, each with its typed arguments. */
final class ClientInteractions {

	private ClientInteractions() {
	}

	/**
	 * The profile form: a new client, or the changes to one.
	 * @param client the client's id, or 0 for a new one
	 */
	@Interaction("client-profile")
	record Profile(long client) {

		static Profile added() {
			return new Profile(0);
		}

		boolean isNew() {
			return client == 0;
		}

	}

	/** "Edit" under a profile: opens the form filled in with what it says now. */
	@Interaction("client-edit")
	record Edit(long client) {
	}

}
