package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** One channel's messages wait their turn, without blocking; other channels do not wait for it. */
class ChannelPacerTests {

	static final Instant START = Instant.parse("2026-11-27T09:00:00Z");

	/** A clock the test moves by hand. */
	static final class Hand extends Clock {

		Instant now = START;

		@Override
		public ZoneId getZone() {
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

	final Hand clock = new Hand();

	final ChannelPacer pacer = new ChannelPacer(Duration.ofSeconds(1), clock);

	@Test
	void aSecondMessageToOneChannelIsToldToWaitTheRestOfTheSecond() {
		assertThat(pacer.reserve("C1")).isEmpty();
		clock.now = START.plusMillis(10);
		pacer.sent("C1");
		clock.now = START.plusMillis(300);
		assertThat(pacer.reserve("C1")).contains(Duration.ofMillis(710));
		assertThat(pacer.reserve("C1")).as("asking again books nothing").contains(Duration.ofMillis(710));
		clock.now = START.plusMillis(1010);
		assertThat(pacer.reserve("C1")).isEmpty();
		pacer.sent("C1");
		assertThat(pacer.reserve("C1")).contains(Duration.ofSeconds(1));
	}

	@Test
	void askingHowLongUntilAChannelIsReadyBooksNothing() {
		assertThat(pacer.readyIn("C1")).isZero();
		assertThat(pacer.reserve("C1")).isEmpty();
		assertThat(pacer.readyIn("C1")).as("a post on its way").isEqualTo(Duration.ofSeconds(1));
		clock.now = START.plusMillis(10);
		pacer.sent("C1");
		clock.now = START.plusMillis(300);
		assertThat(pacer.readyIn("C1")).isEqualTo(Duration.ofMillis(710));
		clock.now = START.plusMillis(1010);
		assertThat(pacer.readyIn("C1")).isZero();
		assertThat(pacer.readyIn("C2")).isZero();
		assertThat(pacer.reserve("C1")).as("nothing was booked by asking").isEmpty();
	}

	@Test
	void aSlowCallMovesTheNextSlotToAWholeIntervalAfterItEnds() {
		assertThat(pacer.reserve("C1")).isEmpty();
		// the post took 800 ms to reach Slack and come back
		clock.now = START.plusMillis(800);
		pacer.sent("C1");
		clock.now = START.plusSeconds(1);
		assertThat(pacer.reserve("C1")).as("a second after booking is too soon").contains(Duration.ofMillis(800));
		clock.now = START.plusMillis(1800);
		assertThat(pacer.reserve("C1")).isEmpty();
	}

	@Test
	void evenAQuickCallIsFollowedByAWholeInterval() {
		assertThat(pacer.reserve("C1")).isEmpty();
		clock.now = START.plusMillis(50);
		pacer.sent("C1");
		clock.now = START.plusMillis(1000);
		assertThat(pacer.reserve("C1")).as("a second after the call ended, not after booking").contains(Duration.ofMillis(50));
	}

	@Test
	void noSecondPostStartsWhileOneIsOnItsWay() {
		assertThat(pacer.reserve("C1")).isEmpty();
		clock.now = START.plusSeconds(5);
		assertThat(pacer.reserve("C1")).as("the first has not come back").contains(Duration.ofSeconds(1));
		pacer.sent("C1");
		clock.now = START.plusSeconds(6);
		assertThat(pacer.reserve("C1")).isEmpty();
	}

	@Test
	void otherChannelsDoNotWait() {
		assertThat(pacer.reserve("C1")).isEmpty();
		assertThat(pacer.reserve("C2")).isEmpty();
		assertThat(pacer.reserve("D3")).isEmpty();
	}

	@Test
	void noPacingWhenTheIntervalIsZero() {
		var unpaced = new ChannelPacer(Duration.ZERO, clock);
		assertThat(unpaced.reserve("C1")).isEmpty();
		assertThat(unpaced.reserve("C1")).isEmpty();
	}

}
