package dev.steward.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;

/**
 * The outbox as operators watch it: its backlog (messages waiting, and how long the oldest due one
 * has waited) and the messages given up, as health ({@code outbox}: down when a due message has
 * waited longer than {@code steward.outbox.stale-after}) and as gauges read at each scrape
 * ({@code steward.outbox.pending}, {@code steward.outbox.oldest.pending}, {@code steward.outbox.failed}).
 */
@Component("outboxHealthIndicator")
class OutboxMonitor extends AbstractHealthIndicator {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration staleAfter;

	OutboxMonitor(JdbcClient jdbc, Clock clock, OutboxSettings settings, MeterRegistry meters) {
		super("The outbox could not be read");
		this.jdbc = jdbc;
		this.clock = clock;
		this.staleAfter = settings.staleAfter();
		Gauge.builder("steward.outbox.pending", this, monitor -> monitor.backlog().pending())
			.description("Messages waiting to be delivered")
			.register(meters);
		TimeGauge.builder("steward.outbox.oldest.pending", this, TimeUnit.SECONDS,
				monitor -> monitor.backlog().oldestDue().toSeconds())
			.description("How long the oldest message that is due has waited")
			.register(meters);
		Gauge.builder("steward.outbox.failed", this, monitor -> monitor.backlog().failed())
			.description("Messages given up and still kept")
			.register(meters);
	}

	/** The outbox now: messages pending, the wait of the oldest due one (zero if none), messages given up. */
	record Backlog(long pending, Duration oldestDue, long failed) {
	}

	Backlog backlog() {
		var now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
		long pending = jdbc.sql("select count(*) from outbox_message where status = 'PENDING'").query(Long.class).single();
		// a due row has waited since it was written or, if it was told to wait (pacing, a retry), since it came due
		var oldest = jdbc.sql("""
				select min(case when next_attempt_at > created_at then next_attempt_at else created_at end)
				from outbox_message where status = 'PENDING' and next_attempt_at <= :now""")
			.param("now", now)
			.query(OffsetDateTime.class)
			.optional()
			.map(since -> Duration.between(since, now))
			.filter(wait -> !wait.isNegative())
			.orElse(Duration.ZERO);
		long failed = jdbc.sql("select count(*) from outbox_message where status = 'FAILED'").query(Long.class).single();
		return new Backlog(pending, oldest, failed);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		var backlog = backlog();
		(backlog.oldestDue().compareTo(staleAfter) > 0 ? builder.down() : builder.up())
			.withDetail("pending", backlog.pending())
			.withDetail("oldestPendingSeconds", backlog.oldestDue().toSeconds())
			.withDetail("failed", backlog.failed());
	}

}
