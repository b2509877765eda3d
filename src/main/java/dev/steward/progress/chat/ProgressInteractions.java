package dev.steward.progress.chat;

import dev.steward.conversation.Interaction;

/** The progress module's buttons and forms, each with its typed arguments. */
final class ProgressInteractions {

	private ProgressInteractions() {
	}

	/** A prompt's "Submit report" button, and the report form it opens. */
	@Interaction("progress-report")
	record Report(long project) {
	}

	/** The digest's "Add comment and send" and "Send as is" buttons. */
	@Interaction("progress-forward")
	record Forward(long cycle, How how) {

		/** With a comment first, or as it is. */
		enum How {

			COMMENT, PLAIN

		}

	}

	/** The comment the project manager adds before sending the digest on. */
	@Interaction("progress-comment")
	record Comment(long cycle) {
	}

	/** The form that changes when a project reports. */
	@Interaction("progress-schedule")
	record Schedule(long project) {
	}

}
