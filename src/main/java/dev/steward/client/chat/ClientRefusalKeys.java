package dev.steward.client.chat;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.steward.client.ClientRefused;
import dev.steward.client.ClientRefused.Reason;
import dev.steward.conversation.Caller;
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

	@Override
	public Optional<Reason> reasonOf(RuntimeException exception) {
		return exception instanceof ClientRefused refused ? Optional.of(refused.reason()) : Optional.empty();
	}

	@Override
	public Object[] arguments(Caller caller, RuntimeException exception) {
		return new Object[] { exception instanceof ClientRefused refused && refused.detail() != null ? refused.detail() : "" };
	}

}
