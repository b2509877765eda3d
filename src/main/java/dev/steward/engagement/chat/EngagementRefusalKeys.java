package dev.steward.engagement.chat;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.steward.conversation.RefusalKeys;
import dev.steward.engagement.ApplicationRefused;
import dev.steward.engagement.ApplicationRefused.Reason;

/** Why an application may not be edited or resubmitted, as message keys. */
@Component
class EngagementRefusalKeys implements RefusalKeys<Reason> {

	@Override
	public String key(Reason reason) {
		return switch (reason) {
			case NOT_FOUND -> "engagement.refused.not-found";
			case NOT_APPLICANT -> "engagement.refused.not-applicant";
			case NOT_WAITING_FOR_CHANGES -> "engagement.refused.not-waiting-for-changes";
		};
	}

	@Override
	public Optional<Reason> reasonOf(RuntimeException exception) {
		return exception instanceof ApplicationRefused refused ? Optional.of(refused.reason()) : Optional.empty();
	}

}
