package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** One channel's messages wait their turn; other channels do not wait for it. */
class ChannelPacerTests {

	final Instant start = Instant.parse("2026-11-27T09:00:00Z");

	final List<Duration> waits = new ArrayList<>();

	final ChannelPacer pacer = new ChannelPacer(Duration.ofSeconds(1), Clock.fixed(start, ZoneOffset.UTC), waits::add);

	@Test
	void messagesToOneChannelAreASecondApart() throws InterruptedException {
		pacer.await("C1");
		pacer.await("C1");
		pacer.await("C1");
		assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
	}

	@Test
	void otherChannelsDoNotWait() throws InterruptedException {
		pacer.await("C1");
		pacer.await("C2");
		pacer.await("D3");
		assertThat(waits).isEmpty();
	}

}
