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
 * @param lease how long an instance's claim on a conversation lasts unless renewed (it is renewed
 *     while the instance delivers): how soon another instance takes over a dead one's conversations
 * @param linger how long at least an instance keeps a conversation after delivering it (it keeps it
 *     for the rest of its claim), so that a channel's next paced message goes out from the instance
 *     that paces it (at least the doors' pacing)
 */
@ConfigurationProperties("steward.outbox")
record OutboxSettings(@DefaultValue("1s") Duration poll, @DefaultValue("4") int workers,
		@DefaultValue("20s") Duration shutdownWait, @DefaultValue("15m") Duration staleAfter,
		@DefaultValue("10s") Duration lease, @DefaultValue("3s") Duration linger) {

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
		if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("steward.outbox.lease must be at least 1s: " + lease);
		}
		if (linger.isNegative() || linger.compareTo(lease) >= 0) {
			throw new IllegalArgumentException(
					"steward.outbox.linger must be at least 0 and shorter than steward.outbox.lease: " + linger);
		}
		if (workers < 1) {
			throw new IllegalArgumentException("steward.outbox.workers must be at least 1: " + workers);
		}
	}

}
