package dev.steward.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Keeps messages to one channel at least a given interval apart: Slack allows about one message a
 * second per channel and answers bursts with 429. Different channels do not wait for each other.
 */
class ChannelPacer {

	/** Waits; a seam so tests can pace without sleeping. */
	@FunctionalInterface
	interface Sleeper {

		void sleep(Duration duration) throws InterruptedException;

	}

	private final Duration interval;

	private final Clock clock;

	private final Sleeper sleeper;

	private final ConcurrentMap<String, Instant> next = new ConcurrentHashMap<>();

	ChannelPacer(Duration interval, Clock clock, Sleeper sleeper) {
		this.interval = interval;
		this.clock = clock;
		this.sleeper = sleeper;
	}

	/** Blocks until this channel may take another message, and books the slot after it. */
	void await(String channel) throws InterruptedException {
		if (interval.isZero() || interval.isNegative()) {
			return;
		}
		var now = clock.instant();
		// compute books the slot atomically, so two senders to one channel never share it
		var slot = next.compute(channel, (key, due) -> (due == null || due.isBefore(now) ? now : due).plus(interval))
			.minus(interval);
		var wait = Duration.between(now, slot);
		if (!wait.isNegative() && !wait.isZero()) {
			sleeper.sleep(wait);
		}
	}

}
