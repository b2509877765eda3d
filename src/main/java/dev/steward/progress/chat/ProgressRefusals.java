package dev.steward.progress.chat;

import dev.steward.conversation.Caller;
import org.springframework.stereotype.Component;

import dev.steward.conversation.Refusal;
import dev.steward.conversation.RefusalKeys;
import dev.steward.conversation.Texts;
import dev.steward.progress.ProgressRefused;

/** The one place a refusal of the weekly cycle becomes words. */
@Component
class ProgressRefusals implements RefusalKeys<ProgressRefused.Reason> {

	@Override
	public String key(ProgressRefused.Reason reason) {
		return keyOf(reason);
	}

	static String keyOf(ProgressRefused.Reason reason) {
		return switch (reason) {
			case NOT_MEMBER -> "progress.refused.not-member";
			case NOT_MANAGER -> "progress.refused.not-manager";
			case FORWARDED -> "progress.refused.forwarded";
			case NOT_CLOSED -> "progress.refused.not-closed";
			case ALREADY_FORWARDED -> "progress.refused.already-forwarded";
		};
	}

	/** The refusal the kernel shows the actor; {@code projectCode} fills the messages that name the project. */
	static Refusal refusal(Texts texts, Caller caller, ProgressRefused refused, String projectCode) {
		return new Refusal(texts.get(caller, keyOf(refused.reason()), projectCode));
	}

}
