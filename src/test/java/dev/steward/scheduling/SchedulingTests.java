package dev.steward.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;

import dev.steward.StewardApplication;

/** Jobs in the JDBC store: they run, they can be run now, and they survive a restart. */
class SchedulingTests {

	static final Map<String, String> RUNS = new ConcurrentHashMap<>();

	/** Records that it ran, with its data. */
	public static class RecordingJob implements Job {

		@Override
		public void execute(JobExecutionContext context) {
			RUNS.put(context.getJobDetail().getKey().getName(), context.getMergedJobDataMap().getString("note"));
		}

	}

	/** Steward on an H2 file database in the given folder (arguments outrank the test profile's). */
	static org.springframework.context.ConfigurableApplicationContext steward(java.nio.file.Path data) {
		return new SpringApplicationBuilder(StewardApplication.class).profiles("test")
			.run("--spring.datasource.url=jdbc:h2:file:" + data.resolve("steward")
					+ ";DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE", "--server.port=0",
				"--spring.quartz.scheduler-name=steward-restart");
	}

	@Test
	void aJobRunsWhenDueAndCanBeRunNow() throws Exception {
		var data = Files.createTempDirectory("steward-scheduling");
		try (var app = steward(data)) {
			var scheduling = app.getBean(Scheduling.class);
			scheduling.runAt("test", "soon", Instant.now().plusMillis(300), RecordingJob.class, Map.of("note", "due"));
			await().atMost(Duration.ofSeconds(20)).until(() -> "due".equals(RUNS.get("soon")));

			scheduling.runAt("test", "later", Instant.now().plus(Duration.ofDays(3)), RecordingJob.class,
					Map.of("note", "early"));
			scheduling.runNow("test", "later");
			await().atMost(Duration.ofSeconds(20)).until(() -> "early".equals(RUNS.get("later")));
			assertThat(scheduling.nextFire("test", "later")).as("running now leaves the schedule").isPresent();

			scheduling.cancel("test", "later");
			assertThat(scheduling.nextFire("test", "later")).isEmpty();
		}
	}

	@Test
	void scheduledJobsSurviveARestart() throws Exception {
		var data = Files.createTempDirectory("steward-restart");
		var when = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		try (var first = steward(data)) {
			first.getBean(Scheduling.class).runAt("test", "persistent", when, RecordingJob.class, Map.of("note", "kept"));
			first.getBean(Scheduling.class).runAt("test", "sooner", when.minusSeconds(3600), RecordingJob.class,
					Map.of("note", "kept"));
		}
		try (var second = steward(data)) {
			var scheduling = second.getBean(Scheduling.class);
			assertThat(scheduling.nextFire("test", "persistent")).contains(when);
			assertThat(scheduling.jobs()).filteredOn(job -> job.group().equals("test"))
				.as("soonest first, with when each is due")
				.containsExactly(new Scheduling.ScheduledJob("test", "sooner", when.minusSeconds(3600)),
						new Scheduling.ScheduledJob("test", "persistent", when));
		}
	}

}
