package dev.steward.client.chat;

import org.springframework.stereotype.Component;

import dev.steward.client.PlanRefused;
import dev.steward.client.PlanRefused.Reason;
import dev.steward.conversation.Caller;
import dev.steward.conversation.RefusalKeys;
import dev.steward.conversation.Texts;
import dev.steward.directory.DirectoryManagement;

/** Why the communication plans refuse, as message keys; the kernel says them and rolls back. */
@Component
class PlanRefusalKeys implements RefusalKeys<Reason> {

	private DirectoryManagement directory;

	private Texts texts;

	/** Names people and fields in refusals; without them (a mapping made on its own) ids are shown. */
	@org.springframework.beans.factory.annotation.Autowired
	void words(DirectoryManagement directory, Texts texts) {
		this.directory = directory;
		this.texts = texts;
	}

	@Override
	public String key(Reason reason) {
		return switch (reason) {
			case UNKNOWN_PLAN -> "client.plan.refused.unknown";
			case UNKNOWN_PROJECT -> "client.plan.refused.unknown-project";
			case NO_CLIENT -> "client.plan.refused.no-client";
			case NOT_ALLOWED -> "client.plan.refused.not-allowed";
			case NOT_OWNER -> "client.plan.refused.not-owner";
			case ALREADY_LOGGED -> "client.plan.refused.already-logged";
			case STOPPED -> "client.plan.refused.stopped";
			case UNKNOWN_OWNER -> "client.plan.refused.unknown-owner";
			case OWNER_OUTSIDE -> "client.plan.refused.owner-outside";
			case DUE_PAST -> "client.plan.refused.due-past";
			case INVALID -> "client.plan.refused.invalid";
		};
	}

	@Override
	public Object[] arguments(Caller caller, RuntimeException exception) {
		if (!(exception instanceof PlanRefused refused) || refused.detail() == null) {
			return new Object[] { "" };
		}
		return switch (refused.reason()) {
			case NOT_OWNER, ALREADY_LOGGED, OWNER_OUTSIDE, UNKNOWN_OWNER ->
				new Object[] { directory == null ? refused.detail() : directory.name(refused.detail()) };
			case INVALID -> new Object[] { texts == null ? refused.detail() : texts.get(caller, fieldKey(refused.detail())) };
			default -> new Object[] { refused.detail() };
		};
	}

	/** The words for a field a refusal names by its id. */
	static String fieldKey(String field) {
		return switch (field) {
			case "goal" -> "client.plan.field.goal";
			case "channel" -> "client.plan.field.channel";
			case "every" -> "client.plan.field.every";
			case "content" -> "client.plan.field.content";
			case "owner" -> "client.plan.field.owner";
			default -> "client.plan.field.note";
		};
	}

}
