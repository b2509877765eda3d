package dev.steward.client.chat;

import java.util.Optional;

import dev.steward.client.Feedback.Step;
import dev.steward.conversation.Interaction;

/** Client feedback's buttons and forms, each with its typed arguments. */
final class FeedbackInteractions {

	private FeedbackInteractions() {
	}

	/**
	 * The form that records feedback (open to client contacts).
	 * @param project the project's code; empty: the form asks which of the person's projects
	 */
	@Interaction("feedback-record")
	record Record(Optional<String> project) {
	}

	/** A step's button on an item's card: Assign, Reassign, Propose solution, Record answer, Close. */
	@Interaction("feedback-step")
	record Take(long feedback, Step step) {
	}

	/** The form that gives an item its owner (or another one). */
	@Interaction("feedback-assign")
	record Assign(long feedback, Step step) {
	}

	/** The form that writes the solution proposed, or the answer given to the client. */
	@Interaction("feedback-write")
	record Write(long feedback, Step step) {
	}

	/**
	 * Another page of {@code /feedback list}: the same filter.
	 * @param scope a project code, or {@code all}
	 * @param status {@code open}, {@code closed} or {@code any}
	 */
	@Interaction("feedback-page")
	record ListPage(String scope, String status, boolean mine, int page) {
	}

}
