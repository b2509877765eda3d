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

	/**
	 * A message to the channel has just reached Slack (or failed to): its next slot is a whole interval
	 * from now, not from when the slot was booked, since the call itself may have taken a while.
	 */
	void sent(String channel) {
		if (interval.isZero() || interval.isNegative()) {
			return;
		}
		var free = clock.instant().plus(interval);
		next.merge(channel, free, (booked, now) -> booked.isAfter(now) ? booked : now);
	}

}
