package dev.steward.engagement.chat;

import java.util.Optional;

import dev.steward.conversation.Interaction;

/** The engagement module's buttons and forms, each with its typed arguments. */
final class EngagementInteractions {

	private EngagementInteractions() {
	}

	/** "Edit and resubmit" on an application an approver sent back. */
	@Interaction(EditAction.NAME)
	record Edit(long application) {
	}

	/**
	 * The application form: a new application, or the revision of one sent back for changes.
	 * @param revising the application being revised, if any
	 */
	@Interaction("project-application")
	record Apply(Optional<Long> revising) {

		static Apply fresh() {
			return new Apply(Optional.empty());
		}

	}

}
