package dev.steward.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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
 * kept longer than one without), messages given up past theirs (those an admin dropped too, see
 * {@link DeadLetters}), forms left open and never
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
		long started = System.nanoTime();
		var now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
		// a delivered update: the message it rewrote holds its text
		long delivered = inBatches("outbox_message", """
				select id from outbox_message where status = 'SENT' and kind = 'UPDATE' and sent_at < :cutoff""",
				now.minus(settings.deliveredMessages()));
		// a delivered message without a key: nothing can rewrite it
		delivered += inBatches("outbox_message", """
				select id from outbox_message where status = 'SENT' and message_key is null and sent_at < :cutoff""",
				now.minus(settings.deliveredMessages()));
		// a delivered message with a key, unless an update waits to rewrite it
		long updatable = inBatches("outbox_message", """
				select id from outbox_message m where status = 'SENT' and kind = 'POST' and sent_at < :cutoff
				  and not exists (select 1 from outbox_message u where u.target_id = m.id and u.status = 'PENDING')""",
				now.minus(settings.updatableMessages()));
		long failed = inBatches("outbox_message", """
				select id from outbox_message m where status in ('FAILED', 'DROPPED') and sent_at < :cutoff
				  and not exists (select 1 from outbox_message u where u.target_id = m.id and u.status = 'PENDING')""",
				now.minus(settings.failedMessages()));
		long forms = inBatches("form_session", """
				select id from form_session where created_at < :cutoff""", now.minus(settings.formSessions()));
		// an outbox conversation's claim that ran out a day ago: nobody is delivering it (a new claim is made
		// when a message for it comes)
		jdbc.sql("delete from outbox_lease where expires_at < :cutoff").param("cutoff", now.minusDays(1)).update();
		var registry = publications.getIfAvailable();
		if (registry != null) {
			registry.deletePublicationsOlderThan(settings.eventPublications());
		}
		var purged = new Purged(delivered + updatable, failed, forms, registry != null);
		count("messages", purged.messages());
		count("failed-messages", purged.failedMessages());
		count("form-sessions", purged.formSessions());
		if (purged.messages() + purged.failedMessages() + purged.formSessions() > 0) {
			log.info("Housekeeping: purged {} delivered messages, {} given up, {} forms left open in {} ms",
					purged.messages(), purged.failedMessages(), purged.formSessions(),
					(System.nanoTime() - started) / 1_000_000);
		}
		return purged;
	}

	/**
	 * Deletes the rows the query selects, a batch at a time: their ids are read first, then deleted by
	 * id (a delete by a sub-select of the same table is slow on H2), an outbox row's files with it.
	 */
	private long inBatches(String table, String select, OffsetDateTime cutoff) {
		long total = 0;
		List<Object> ids;
		do {
			ids = jdbc.sql(select + " fetch first " + settings.batch() + " rows only")
				.param("cutoff", cutoff)
				.query((rs, n) -> rs.getObject(1))
				.list();
			if (ids.isEmpty()) {
				break;
			}
			if (table.equals("outbox_message")) {
				jdbc.sql("delete from outbox_file where outbox_id in (:ids)").param("ids", ids).update();
			}
			total += jdbc.sql("delete from " + table + " where id in (:ids)").param("ids", ids).update();
		}
		while (ids.size() == settings.batch());
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
