package dev.steward.client.chat;

import org.springframework.stereotype.Component;

import dev.steward.client.ClientRefused.Reason;
import dev.steward.conversation.RefusalKeys;

/** Why the client profiles refuse, as message keys; the kernel says them and rolls back. */
@Component
class ClientRefusalKeys implements RefusalKeys<Reason> {

	@Override
	public String key(Reason reason) {
		return switch (reason) {
			case UNKNOWN_CLIENT -> "client.refused.unknown";
			case NOT_IN_CIRCLE -> "client.refused.not-in-circle";
			case DUPLICATE_NAME -> "client.refused.duplicate";
			case INVALID -> "client.refused.invalid";
		};
	}

}
