package dev.steward.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Keeps messages to one channel about a second apart, as Slack asks, without holding anything
 * up: a message that comes too soon is told how long to wait, and the outbox delivers others
 * (to other channels) meanwhile.
 */
class ChannelPacer {

	private final Duration interval;

	private final Clock clock;

	private final ConcurrentMap<String, Instant> next = new ConcurrentHashMap<>();

	ChannelPacer(Duration interval, Clock clock) {
		this.interval = interval;
		this.clock = clock;
	}

	/** Books the channel's next slot now and answers empty, or answers how long until it is free. */
	Optional<Duration> reserve(String channel) {
		if (interval.isZero() || interval.isNegative()) {
			return Optional.empty();
		}
		var now = clock.instant();
		var wait = new Duration[1];
		// compute books the slot atomically, so two senders to one channel never share it
		next.compute(channel, (key, due) -> {
			if (due == null || !due.isAfter(now)) {
				return now.plus(interval);
			}
			wait[0] = Duration.between(now, due);
			return due;
		});
		return Optional.ofNullable(wait[0]);
	}

}
