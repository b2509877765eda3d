package dev.steward.conversation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox delivers ({@code steward.outbox.*}).
 *
 * @param poll how often the dispatcher looks for rows nobody woke it for (a restart's leftovers)
 * @param workers how many conversations are delivered side by side
 * @param shutdownWait how long stopping waits for the messages being handed to platforms
 * @param staleAfter how long a due message may wait before the outbox's health is down
 */
@ConfigurationProperties("steward.outbox")
record OutboxSettings(@DefaultValue("1s") Duration poll, @DefaultValue("4") int workers,
		@DefaultValue("20s") Duration shutdownWait, @DefaultValue("15m") Duration staleAfter) {

	OutboxSettings {
		if (poll.isNegative() || poll.isZero()) {
			throw new IllegalArgumentException("steward.outbox.poll must be positive: " + poll);
		}
		if (shutdownWait.isNegative()) {
			throw new IllegalArgumentException("steward.outbox.shutdown-wait may not be negative: " + shutdownWait);
		}
		if (staleAfter.isNegative() || staleAfter.isZero()) {
			throw new IllegalArgumentException("steward.outbox.stale-after must be positive: " + staleAfter);
		}
		if (workers < 1) {
			throw new IllegalArgumentException("steward.outbox.workers must be at least 1: " + workers);
		}
	}

}
