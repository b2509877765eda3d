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

/** Quartz's JDBC store on PostgreSQL: job data (bytea) written and read back by a run. */
@SpringBootTest
@ActiveProfiles("test")
@ContextConfiguration(initializers = PostgresDatabase.class)
class SchedulingPostgresTests {

	@Autowired
	Scheduling scheduling;

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

}
