package dev.steward.scheduling;

import java.util.concurrent.TimeUnit;

import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Quartz as operators watch it: its health ({@code scheduler}, in the readiness group: up once
 * the scheduler runs, with its instance and whether it is clustered) and each job's lag, from the
 * moment its trigger was due to the moment it ran ({@code steward.jobs.lag}, by job group).
 */
@Configuration(proxyBeanMethods = false)
class SchedulerMonitoring {

	@Bean("schedulerHealthIndicator")
	HealthIndicator schedulerHealth(Scheduler scheduler) {
		return () -> {
			try {
				var running = scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown();
				var meta = scheduler.getMetaData();
				return (running ? Health.up() : Health.down()).withDetail("instance", meta.getSchedulerInstanceId())
					.withDetail("clustered", meta.isJobStoreClustered())
					.withDetail("jobsRun", meta.getNumberOfJobsExecuted())
					.build();
			}
			catch (SchedulerException ex) {
				return Health.down().withDetail("error", ex.getClass().getSimpleName()).build();
			}
		};
	}

	@Bean
	SchedulerFactoryBeanCustomizer stewardJobLag(MeterRegistry meters) {
		return factory -> factory.setGlobalJobListeners(new JobLag(meters));
	}

	/** Records how late each job ran after its trigger was due. */
	static final class JobLag implements JobListener {

		private final MeterRegistry meters;

		JobLag(MeterRegistry meters) {
			this.meters = meters;
		}

		@Override
		public String getName() {
			return "steward-job-lag";
		}

		@Override
		public void jobToBeExecuted(JobExecutionContext context) {
			var due = context.getScheduledFireTime();
			var ran = context.getFireTime();
			if (due == null || ran == null) {
				return; // run now by hand: not late
			}
			Timer.builder("steward.jobs.lag")
				.description("How long after its trigger was due a job ran")
				.tag("group", context.getJobDetail().getKey().getGroup())
				.register(meters)
				.record(Math.max(0, ran.getTime() - due.getTime()), TimeUnit.MILLISECONDS);
		}

		@Override
		public void jobExecutionVetoed(JobExecutionContext context) {
		}

		@Override
		public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
		}

	}

}
