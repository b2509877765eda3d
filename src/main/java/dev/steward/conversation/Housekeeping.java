package dev.steward.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Purges what Steward no longer needs, every {@code steward.housekeeping.every}: delivered outbox
 * messages past their retention (a message with a key, which may still be rewritten in place, is
 * kept longer than one without), messages given up past theirs, forms left open and never
 * submitted, and completed event publications. Nothing still to be done is touched: a pending
 * message, a message a pending update will rewrite, an event publication not yet completed. Rows
 * go in batches, each delete a short statement of its own, so a purge never holds locks for long;
 * instances sharing a database may purge side by side (a row is deleted once, whoever gets it).
 */
@Component
@EnableConfigurationProperties(HousekeepingSettings.class)
class Housekeeping implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final HousekeepingSettings settings;

	private final ObjectProvider<CompletedEventPublications> publications;

	private final MeterRegistry meters;

	private ScheduledExecutorService executor;

	Housekeeping(JdbcClient jdbc, Clock clock, HousekeepingSettings settings,
			ObjectProvider<CompletedEventPublications> publications, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
		this.publications = publications;
		this.meters = meters;
	}

	/** What one purge removed. */
	record Purged(long messages, long failedMessages, long formSessions, boolean eventPublications) {
	}

	/** Purges once, now. */
	Purged purge() {
		var now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
		// a delivered message nobody will rewrite: one without a key, or an update (its target holds the text)
		long delivered = inBatches("""
				select id from outbox_message m
				where status = 'SENT' and sent_at < :cutoff and (message_key is null or kind = 'UPDATE')
				  and not exists (select 1 from outbox_message u where u.target_id = m.id and u.status = 'PENDING')""",
				now.minus(settings.deliveredMessages()));
		long updatable = inBatches("""
				select id from outbox_message m
				where status = 'SENT' and sent_at < :cutoff and kind = 'POST' and message_key is not null
				  and not exists (select 1 from outbox_message u where u.target_id = m.id and u.status = 'PENDING')""",
				now.minus(settings.updatableMessages()));
		long failed = inBatches("""
				select id from outbox_message m
				where status = 'FAILED' and sent_at < :cutoff
				  and not exists (select 1 from outbox_message u where u.target_id = m.id and u.status = 'PENDING')""",
				now.minus(settings.failedMessages()));
		long forms = 0;
		int deleted;
		do {
			deleted = jdbc.sql("""
					delete from form_session where id in
					  (select id from form_session where created_at < :cutoff fetch first %d rows only)"""
				.formatted(settings.batch()))
				.param("cutoff", now.minus(settings.formSessions()))
				.update();
			forms += deleted;
		}
		while (deleted == settings.batch());
		var registry = publications.getIfAvailable();
		if (registry != null) {
			registry.deletePublicationsOlderThan(settings.eventPublications());
		}
		var purged = new Purged(delivered + updatable, failed, forms, registry != null);
		count("messages", purged.messages());
		count("failed-messages", purged.failedMessages());
		count("form-sessions", purged.formSessions());
		if (purged.messages() + purged.failedMessages() + purged.formSessions() > 0) {
			log.info("Housekeeping: purged {} delivered messages, {} given up, {} forms left open", purged.messages(),
					purged.failedMessages(), purged.formSessions());
		}
		return purged;
	}

	/** Deletes the outbox rows the query selects, a batch a statement, their files with them. */
	private long inBatches(String select, OffsetDateTime cutoff) {
		long total = 0;
		int deleted;
		do {
			var query = select + " fetch first " + settings.batch() + " rows only";
			jdbc.sql("delete from outbox_file where outbox_id in (" + query + ")").param("cutoff", cutoff).update();
			deleted = jdbc.sql("delete from outbox_message where id in (" + query + ")").param("cutoff", cutoff).update();
			total += deleted;
		}
		while (deleted == settings.batch());
		return total;
	}

	private void count(String what, long rows) {
		Counter.builder("steward.housekeeping.purged")
			.description("Rows the housekeeping purged")
			.tag("what", what)
			.register(meters)
			.increment(rows);
	}

	@Override
	public synchronized void start() {
		executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			var thread = new Thread(runnable, "housekeeping");
			thread.setDaemon(true);
			return thread;
		});
		// the first purge a minute after start, away from the start's own work
		long first = Math.min(Duration.ofMinutes(1).toMillis(), settings.every().toMillis());
		executor.scheduleWithFixedDelay(() -> {
			try {
				purge();
			}
			catch (RuntimeException ex) {
				log.warn("Housekeeping failed; it runs again in {}", settings.every(), ex);
			}
		}, first, settings.every().toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (executor != null) {
			executor.shutdownNow();
			executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return executor != null;
	}

}
