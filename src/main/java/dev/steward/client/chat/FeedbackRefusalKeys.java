package dev.steward.client.chat;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.steward.client.FeedbackRefused;
import dev.steward.client.FeedbackRefused.Reason;
import dev.steward.conversation.Caller;
import dev.steward.conversation.RefusalKeys;
import dev.steward.conversation.Texts;
import dev.steward.directory.DirectoryManagement;

/** Why client feedback refuses, as message keys; the kernel says them and rolls back. */
@Component
class FeedbackRefusalKeys implements RefusalKeys<Reason> {

	private DirectoryManagement directory;

	private Texts texts;

	/** Names people and steps in refusals; without them (a mapping made on its own) ids are shown. */
	@Autowired
	void words(DirectoryManagement directory, Texts texts) {
		this.directory = directory;
		this.texts = texts;
	}

	@Override
	public String key(Reason reason) {
		return switch (reason) {
			case NOT_FOUND -> "feedback.refused.not-found";
			case UNKNOWN_PROJECT -> "feedback.refused.unknown-project";
			case NOT_VISIBLE -> "feedback.refused.not-visible";
			case MAY_NOT_RECORD -> "feedback.refused.may-not-record";
			case NOT_A_CONTACT -> "feedback.refused.not-a-contact";
			case MAY_NOT_ASSIGN -> "feedback.refused.may-not-assign";
			case NOT_OWNER -> "feedback.refused.not-owner";
			case MAY_NOT_CLOSE -> "feedback.refused.may-not-close";
			case OWNER_NOT_ON_TEAM -> "feedback.refused.owner-not-on-team";
			case STEP_DONE -> "feedback.refused.step-done";
			case OUT_OF_ORDER -> "feedback.refused.out-of-order";
			case CLOSED -> "feedback.refused.closed";
			case UNKNOWN_CATEGORY -> "feedback.refused.unknown-category";
			case INVALID_TEXT -> "feedback.refused.invalid-text";
		};
	}

	@Override
	public Object[] arguments(Caller caller, RuntimeException exception) {
		if (!(exception instanceof FeedbackRefused refused)) {
			return new Object[] { "" };
		}
		var detail = refused.detail();
		return switch (refused.reason()) {
			case NOT_OWNER, OWNER_NOT_ON_TEAM, STEP_DONE, CLOSED -> new Object[] { person(detail) };
			case OUT_OF_ORDER -> new Object[] { step(caller, detail) };
			default -> new Object[] { detail };
		};
	}

	private String person(String id) {
		if (id == null || id.isEmpty()) {
			return "—";
		}
		if (id.startsWith("guest:")) {
			return id.substring(id.lastIndexOf(':') + 1);
		}
		return directory == null ? id : directory.name(id);
	}

	private String step(Caller caller, String step) {
		if (texts == null) {
			return step;
		}
		return switch (step) {
			case "assign" -> texts.get(caller, "feedback.step.assign");
			case "propose" -> texts.get(caller, "feedback.step.propose");
			case "answer" -> texts.get(caller, "feedback.step.answer");
			case "close" -> texts.get(caller, "feedback.step.close");
			default -> "—";
		};
	}

}
