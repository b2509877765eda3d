package dev.steward.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import dev.steward.support.PostgresDatabase;

/**
 * Quartz's JDBC store on PostgreSQL: job data (bytea) written and read back by a run, and every
 * change to the store made in a transaction.
 */
@SpringBootTest
@ActiveProfiles("test")
@ContextConfiguration(initializers = PostgresDatabase.class)
class SchedulingPostgresTests {

	@Autowired
	Scheduling scheduling;

	@Autowired
	org.quartz.Scheduler scheduler;

	@Test
	void jobsAndTheirDataRoundTripThroughPostgres() {
		scheduling.runAt("test", "pg", Instant.now().plus(Duration.ofHours(1)), SchedulingTests.RecordingJob.class,
				Map.of("note", "from postgres"));
		assertThat(scheduling.nextFire("test", "pg")).isPresent();
		assertThat(scheduling.jobs()).extracting(Scheduling.ScheduledJob::name).contains("pg");
		assertThat(scheduling.jobNames("test")).contains("pg");
		scheduling.runNow("test", "pg");
		await().atMost(Duration.ofSeconds(20)).until(() -> "from postgres".equals(SchedulingTests.RUNS.get("pg")));
	}

	/**
	 * Quartz's store on the application's database writes a job and its trigger in several statements
	 * and takes its cluster lock on the connection it is given: without a transaction each statement
	 * commits alone and the lock goes at once, and the scheduler's look for due triggers once found a
	 * trigger without its schedule at a start. Each change, made here outside any transaction, is in one.
	 */
	@Test
	void everyChangeToTheStoreIsMadeInATransaction() throws Exception {
		var changes = new java.util.concurrent.CopyOnWriteArrayList<String>();
		var listener = new org.quartz.listeners.SchedulerListenerSupport() {
			@Override
			public void jobScheduled(org.quartz.Trigger trigger) {
				changes.add("scheduled in a transaction: " + inTransaction());
			}

			@Override
			public void jobDeleted(org.quartz.JobKey job) {
				changes.add("deleted in a transaction: " + inTransaction());
			}

			private boolean inTransaction() {
				return org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive();
			}
		};
		scheduler.getListenerManager().addSchedulerListener(listener);
		try {
			scheduling.runAt("test", "in-a-transaction", Instant.now().plus(Duration.ofHours(1)),
					SchedulingTests.RecordingJob.class, Map.of("note", "x"));
			scheduling.keepAt("test", "in-a-transaction", java.util.Optional.of(Instant.now().plus(Duration.ofHours(2))),
					Instant.now(), SchedulingTests.RecordingJob.class, Map.of("note", "y"));
			scheduling.runNow("test", "in-a-transaction");
			scheduling.cancel("test", "in-a-transaction");
		}
		finally {
			scheduler.getListenerManager().removeSchedulerListener(listener);
		}
		assertThat(changes).containsExactly("scheduled in a transaction: true", "scheduled in a transaction: true",
				"scheduled in a transaction: true", "deleted in a transaction: true");
	}

}
