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
 * (to other channels) meanwhile. The interval counts from when a post ended, and while one post to
 * a channel is on its way no other starts (two outbox conversations may share a Slack channel).
 */
class ChannelPacer {

	private final Duration interval;

	/** No pacing at all (an interval of zero). */
	private final boolean off;

	private final Clock clock;

	/** A channel's state: when it is next free, and whether a post to it is on its way. */
	private record Slot(Instant free, boolean busy) {
	}

	private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();

	ChannelPacer(Duration interval, Clock clock) {
		this.interval = interval;
		this.off = interval.isZero() || interval.isNegative();
		this.clock = clock;
	}

	/**
	 * Books the channel now and answers empty, or answers how long to wait. A booking must be
	 * followed by {@link #sent}, whatever became of the post.
	 */
	Optional<Duration> reserve(String channel) {
		if (off) {
			return Optional.empty();
		}
		var now = clock.instant();
		var wait = new Duration[1];
		// compute books the slot atomically, so two senders to one channel never share it
		slots.compute(channel, (key, slot) -> {
			if (slot == null || (!slot.busy() && !slot.free().isAfter(now))) {
				return new Slot(now.plus(interval), true);
			}
			wait[0] = slot.busy() ? interval : Duration.between(now, slot.free());
			return slot;
		});
		return Optional.ofNullable(wait[0]);
	}

	/**
	 * How long until {@link #reserve} would book the channel, booking nothing: zero if now; a whole
	 * interval while a post to it is on its way.
	 */
	Duration readyIn(String channel) {
		var slot = off ? null : slots.get(channel);
		if (slot == null) {
			return Duration.ZERO;
		}
		if (slot.busy()) {
			return interval;
		}
		var wait = Duration.between(clock.instant(), slot.free());
		return wait.isNegative() ? Duration.ZERO : wait;
	}

	/**
	 * The booked post has reached Slack (or failed to): the channel is next free a whole interval from
	 * now, or later if it was booked so.
	 */
	void sent(String channel) {
		if (off) {
			return;
		}
		var free = clock.instant().plus(interval);
		slots.compute(channel, (key, slot) -> new Slot(slot != null && slot.free().isAfter(free) ? slot.free() : free,
				false));
	}

}
