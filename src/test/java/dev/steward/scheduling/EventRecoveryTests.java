package dev.steward.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An event whose listener was cut short (here it throws, as a killed process leaves it: the
 * publication incomplete) is handed to the listener again by the recovery job, once it has been
 * incomplete long enough, and is then complete.
 */
@SpringBootTest(properties = { "steward.events.recover-every=300ms", "steward.events.resubmit-after=1s" })
@ActiveProfiles("test")
@Import(EventRecoveryTests.CutShortConfiguration.class)
class EventRecoveryTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Tally listener;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEventWhoseListenerWasCutShortIsHandledAgainAndCompleted() {
		long started = System.nanoTime();
		tx.executeWithoutResult(status -> events.publishEvent(new Nudged("n-1")));

		await().atMost(Duration.ofSeconds(20)).until(() -> listener.handled.contains("n-1"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not before it was incomplete for a second")
			.isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null and event_type like :type")
				.param("type", "%Nudged%")
				.query(Long.class)
				.single() == 0);
		assertThat(listener.handled).containsExactly("n-1");
		assertThat(listener.calls).hasValue(2);
	}

	public record Nudged(String id) {
	}

	/** What the listener was asked, and what it finished. */
	static class Tally {

		final AtomicInteger calls = new AtomicInteger();

		final List<String> handled = new CopyOnWriteArrayList<>();

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CutShortConfiguration {

		@org.springframework.context.annotation.Bean
		Tally tally() {
			return new Tally();
		}

		@org.springframework.context.annotation.Bean
		CutShort cutShort(Tally tally) {
			return new CutShort(tally);
		}

	}

	/** A module's listener whose first run is cut short. */
	static class CutShort {

		private final Tally tally;

		CutShort(Tally tally) {
			this.tally = tally;
		}

		@ApplicationModuleListener
		public void on(Nudged nudged) {
			if (tally.calls.incrementAndGet() == 1) {
				throw new IllegalStateException("cut short, as by a kill");
			}
			tally.handled.add(nudged.id());
		}

	}

}
