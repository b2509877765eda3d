package dev.steward.scheduling;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The scheduling API: run a module's job once at a moment, move it, cancel it, or run it now.
 * Jobs live in the JDBC store, so they survive restarts; a fire missed while Steward was down
 * is handed to the job once, late (Quartz's fire-now misfire policy): the job decides whether it
 * is still within its grace period.
 * <p>
 * Every change to the store runs in a transaction: the caller's, or one of its own. Quartz's job
 * store on the application's database (Spring's, a container-managed one) writes a job and its
 * trigger in several statements and takes its cluster lock on the connection it is given; on a
 * connection without a transaction each statement commits alone and the lock is let go at once,
 * and the scheduler's look for due triggers could find a trigger without its schedule (and, with
 * the change failing half-way, go on finding it, and fire nothing more).
 */
@Service
public class Scheduling {

	private final Scheduler scheduler;

	private final JdbcClient jdbc;

	/** The caller's transaction, or a new one outside any. */
	private final TransactionTemplate inTransaction;

	/** A transaction of its own, for after the caller's has committed. */
	private final TransactionTemplate inNewTransaction;

	Scheduling(Scheduler scheduler, JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.scheduler = scheduler;
		this.jdbc = jdbc;
		this.inTransaction = new TransactionTemplate(transactions);
		this.inNewTransaction = new TransactionTemplate(transactions);
		this.inNewTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** A change to Quartz's store, in the caller's transaction or one of its own. */
	private interface Change {

		void run() throws SchedulerException;

	}

	private void change(TransactionTemplate template, Change change, String failure) {
		try {
			template.executeWithoutResult(status -> {
				try {
					change.run();
				}
				catch (SchedulerException ex) {
					throw new IllegalStateException(failure, ex);
				}
			});
		}
		catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException ex) {
			throw new IllegalStateException(failure, ex);
		}
	}

	/** A scheduled job as listed for people: its group, name and next fire. */
	public record ScheduledJob(String group, String name, Instant nextFire) {
	}

	/** Schedules (or moves) a one-off run of a job; the data reaches the job in its data map. */
	public void runAt(String group, String name, Instant at, Class<? extends Job> job, Map<String, ?> data) {
		var key = JobKey.jobKey(name, group);
		var detail = JobBuilder.newJob(job)
			.withIdentity(key)
			.usingJobData(new JobDataMap(data))
			.storeDurably(false)
			.requestRecovery(true)
			.build();
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(TriggerKey.triggerKey(name, group))
			.forJob(key)
			.startAt(Date.from(at))
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
			.build();
		change(inTransaction, () -> scheduler.scheduleJob(detail, java.util.Set.of(trigger), true),
				"Could not schedule " + group + "/" + name);
	}

	/**
	 * Keeps one job at the soonest moment of its work, as a module whose work is rows (reminders,
	 * closings, rounds) plans it: runs it then (now, if that is past), cancels it when there is none,
	 * and leaves it alone when it is already planned for that moment. Compared to the millisecond,
	 * as Quartz keeps time: a moment read from the database has more, and would otherwise rewrite
	 * the trigger every time.
	 */
	public void keepAt(String group, String name, Optional<Instant> soonest, Instant now, Class<? extends Job> job,
			Map<String, ?> data) {
		if (soonest.isEmpty()) {
			cancel(group, name);
			return;
		}
		var at = (soonest.get().isAfter(now) ? soonest.get() : now).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		inTransaction.executeWithoutResult(status -> {
			var planned = nextFire(group, name);
			if (planned.isEmpty() || !planned.get().equals(at)) {
				runAt(group, name, at, job, data);
			}
		});
	}

	public void cancel(String group, String name) {
		change(inTransaction, () -> scheduler.deleteJob(JobKey.jobKey(name, group)),
				"Could not cancel " + group + "/" + name);
	}

	/**
	 * When a job next runs, if it is planned. Quartz reads a trigger in two statements without a lock,
	 * so a trigger replaced between them (its job planning its next run as it finishes) reads as
	 * missing half-way: that read is made again, a few times, rather than failing.
	 */
	public Optional<Instant> nextFire(String group, String name) {
		for (int attempt = 1;; attempt++) {
			try {
				var trigger = scheduler.getTrigger(TriggerKey.triggerKey(name, group));
				return Optional.ofNullable(trigger).map(Trigger::getNextFireTime).map(Date::toInstant);
			}
			catch (SchedulerException ex) {
				if (attempt >= 5 || !replacedWhileRead(ex)) {
					throw new IllegalStateException("Could not read " + group + "/" + name, ex);
				}
			}
		}
	}

	private static boolean replacedWhileRead(Throwable ex) {
		for (var cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof org.quartz.impl.jdbcjobstore.NoRecordFoundException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Runs a scheduled job now, leaving its schedule as it was (the playground's time travel).
	 * Inside a transaction it runs after the commit: the scheduler looks for due work as soon as
	 * it is asked, and would not yet see a trigger the transaction has not committed.
	 */
	public void runNow(String group, String name) {
		Change trigger = () -> scheduler.triggerJob(JobKey.jobKey(name, group));
		var failure = "Could not run " + group + "/" + name;
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					change(inNewTransaction, trigger, failure);
				}
			});
		}
		else {
			change(inTransaction, trigger, failure);
		}
	}

	/** The names of a group's jobs: one look-up, however many jobs there are. */
	public java.util.Set<String> jobNames(String group) {
		try {
			var names = new java.util.HashSet<String>();
			scheduler.getJobKeys(GroupMatcher.jobGroupEquals(group)).forEach(key -> names.add(key.getName()));
			return names;
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Could not list the jobs of " + group, ex);
		}
	}

	/**
	 * Every scheduled job, soonest first: one query of Quartz's triggers table (which this module's
	 * migration owns), where asking Quartz would read each of a large firm's thousands of triggers
	 * one by one.
	 */
	public List<ScheduledJob> jobs() {
		try {
			return jdbc.sql("""
					select trigger_group, trigger_name, next_fire_time from qrtz_triggers
					where sched_name = :scheduler and next_fire_time > 0
					order by next_fire_time, trigger_group, trigger_name""")
				.param("scheduler", scheduler.getSchedulerName())
				.query((rs, n) -> new ScheduledJob(rs.getString("trigger_group"), rs.getString("trigger_name"),
						Instant.ofEpochMilli(rs.getLong("next_fire_time"))))
				.list();
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Could not list jobs", ex);
		}
	}

}
