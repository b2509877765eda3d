package dev.steward.conversation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox delivers ({@code steward.outbox.*}).
 *
 * @param poll how often the dispatcher looks for rows nobody woke it for (a restart's leftovers)
 * @param workers how many conversations are delivered side by side
 */
@ConfigurationProperties("steward.outbox")
record OutboxSettings(@DefaultValue("1s") Duration poll, @DefaultValue("4") int workers) {

	OutboxSettings {
		if (poll.isNegative() || poll.isZero()) {
			throw new IllegalArgumentException("steward.outbox.poll must be positive: " + poll);
		}
		if (workers < 1) {
			throw new IllegalArgumentException("steward.outbox.workers must be at least 1: " + workers);
		}
	}

}
