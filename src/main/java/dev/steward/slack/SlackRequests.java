package dev.steward.slack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.slack.api.bolt.request.Request;

/**
 * Runs each request Slack sends once, whichever instance it lands on: each command, click and
 * modal submission (once Bolt has checked its signature) records a digest of its body in the
 * shared database, and a body seen before is answered with an empty 200 without being run again.
 * Slack sends the same body again when it heard no answer in time ({@code X-Slack-Retry-Num}); a
 * real second click or submission is a new body (its own trigger id), and goes through to the
 * kernel, whose own guards keep it to one decision. Options typed in a select are read-only and
 * always answered.
 * <p>
 * At most once: a request whose instance died after recording it is not run by its retry. Digests
 * are kept {@link #KEPT}, beyond the five minutes a signature is accepted for.
 */
class SlackRequests {

	private static final Logger log = LoggerFactory.getLogger(SlackRequests.class);

	/** How long a digest is kept. */
	static final Duration KEPT = Duration.ofMinutes(10);

	/** How often old digests are purged, at most. */
	private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AtomicLong lastPurge = new AtomicLong();

	SlackRequests(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Whether this request is the first with its body; a repeat is logged. */
	boolean first(Request<?> request) {
		if (first(request.getRequestBodyAsString())) {
			return true;
		}
		var retry = request.getHeaders() == null ? null : request.getHeaders().getFirstValue("X-Slack-Retry-Num");
		log.info("A {} request Slack sent again (retry {}) was run before; not running it twice",
				request.getRequestType(), retry == null ? "-" : retry);
		return false;
	}

	/** Records the body; whether it is the first time any instance saw it. */
	boolean first(String body) {
		if (body == null || body.isEmpty()) {
			return true;
		}
		var now = clock.instant();
		try {
			jdbc.sql("insert into slack_request (digest, received_at) values (:digest, :at)")
				.param("digest", digest(body))
				.param("at", now.atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException seen) {
			return false;
		}
		catch (DataAccessException ex) {
			// the database will refuse the work too; let the kernel say so in words
			log.warn("Could not record a Slack request: {}", ex.toString());
			return true;
		}
		purge();
		return true;
	}

	/** Drops the digests older than {@link #KEPT}, at most once a minute per instance. */
	private void purge() {
		long now = clock.millis();
		long last = lastPurge.get();
		if (now - last < PURGE_EVERY.toMillis() || !lastPurge.compareAndSet(last, now)) {
			return;
		}
		try {
			jdbc.sql("delete from slack_request where received_at < :before")
				.param("before", clock.instant().minus(KEPT).atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DataAccessException ex) {
			log.warn("Could not purge old Slack request digests: {}", ex.toString());
		}
	}

	static String digest(String body) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
