package dev.steward.scheduling;

import java.time.Duration;

import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Component;

import dev.steward.firm.Database;

/**
 * Hands again to its listener every event whose handling a crash cut short: a module's listener
 * runs after the commit that published the event, and Spring Modulith records the publication
 * until the listener is done, so a process killed in between leaves it incomplete. On the embedded
 * database (one process alone) those are resubmitted as soon as Steward is up again. On a shared
 * database another instance may still be handling one, so a clustered Quartz job, run on one
 * instance at a time every {@code steward.events.recover-every} (default {@code 1m}), resubmits only
 * those incomplete for longer than {@code steward.events.resubmit-after} (default {@code 5m}), far
 * longer than any listener takes, and not resubmitted again within as long. Listeners are written
 * to be run twice without harm. A publication whose listener failed ten times is left for a person.
 */
@Component
class EventRecovery {

	private static final Logger log = LoggerFactory.getLogger(EventRecovery.class);

	static final JobKey JOB = JobKey.jobKey("event-recovery", "steward");

	/** How many times a publication is handed to its listener before it waits for someone to look. */
	static final int MAX_ATTEMPTS = 10;

	private final Scheduler scheduler;

	private final ObjectProvider<IncompleteEventPublications> incomplete;

	private final Database database;

	private final Duration every;

	private final Duration after;

	/** Quartz's store is changed in a transaction (see {@link Scheduling}). */
	private final org.springframework.transaction.support.TransactionTemplate inTransaction;

	EventRecovery(Scheduler scheduler, ObjectProvider<IncompleteEventPublications> incomplete, Database database,
			@Value("${steward.events.recover-every:1m}") Duration every,
			@Value("${steward.events.resubmit-after:5m}") Duration after,
			org.springframework.transaction.PlatformTransactionManager transactions) {
		this.inTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
		if (every.isNegative() || every.isZero()) {
			throw new IllegalArgumentException("steward.events.recover-every must be positive: " + every);
		}
		if (after.isNegative()) {
			throw new IllegalArgumentException("steward.events.resubmit-after may not be negative: " + after);
		}
		this.scheduler = scheduler;
		this.incomplete = incomplete;
		this.database = database;
		this.every = every;
		this.after = after;
	}

	@EventListener(ApplicationReadyEvent.class)
	void plan() throws SchedulerException {
		var publications = incomplete.getIfAvailable();
		if (publications == null) {
			return;
		}
		if (database.embedded()) {
			// this process alone opens the database: whatever is incomplete, its previous run left
			publications.resubmitIncompletePublications(ResubmissionOptions.defaults());
		}
		var trigger = TriggerBuilder.newTrigger()
			.withIdentity(TriggerKey.triggerKey(JOB.getName(), JOB.getGroup()))
			.forJob(JOB)
			.startNow()
			.withSchedule(SimpleScheduleBuilder.simpleSchedule()
				.withIntervalInMilliseconds(every.toMillis())
				.repeatForever()
				.withMisfireHandlingInstructionNextWithRemainingCount())
			.build();
		var job = JobBuilder.newJob(EventRecoveryJob.class).withIdentity(JOB).storeDurably().build();
		inTransaction.executeWithoutResult(status -> {
			try {
				scheduler.addJob(job, true);
				var existing = scheduler.getTrigger(trigger.getKey());
				if (existing == null) {
					scheduler.scheduleJob(trigger);
				}
				else if (!(existing instanceof org.quartz.SimpleTrigger simple)
						|| simple.getRepeatInterval() != every.toMillis()) {
					scheduler.rescheduleJob(trigger.getKey(), trigger);
				}
			}
			catch (SchedulerException ex) {
				throw new IllegalStateException("Could not plan the recovery of events", ex);
			}
		});
	}

	/** Resubmits what has been incomplete for longer than any listener takes. */
	void recover() {
		var publications = incomplete.getIfAvailable();
		if (publications != null) {
			try {
				var cutoff = java.time.Instant.now().minus(after);
				// a publication resubmitted lately may be being handled now; one that failed ten times waits for a fix
				publications.resubmitIncompletePublications(publication -> publication.getPublicationDate().isBefore(cutoff)
						&& (publication.getLastResubmissionDate() == null
								|| publication.getLastResubmissionDate().isBefore(cutoff))
						&& publication.getCompletionAttempts() < MAX_ATTEMPTS);
			}
			catch (RuntimeException ex) {
				log.warn("Resubmitting incomplete event publications failed; tried again in {}", every, ex);
			}
		}
	}

}
