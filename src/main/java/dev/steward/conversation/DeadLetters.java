package dev.steward.conversation;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import tools.jackson.databind.json.JsonMapper;

/**
 * Steward's dead letters: the outbox messages it gave up on (a platform refused them for good, or
 * they failed {@value OutboxDispatcher#MAX_ATTEMPTS} times), for an admin to see and to retry or
 * drop. An update that was given up because the message it rewrites was never delivered is not a
 * dead letter of its own: it follows that message, retried or dropped with it.
 * <p>
 * A retried message is pending again with its attempts reset, and goes out in its conversation
 * before the messages written after it (it is older); a post that may already be on the platform
 * is looked for there first, as after any retry. A dropped message is never delivered; the
 * housekeeping purges it with the other messages given up ({@code steward.housekeeping.failed-messages}).
 */
@Service
public class DeadLetters {

	private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

	/** How much of a message's text a dead letter shows. */
	static final int PREVIEW = 120;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final OutboxDispatcher dispatcher;

	private final Clock clock;

	private final MeterRegistry meters;

	DeadLetters(JdbcClient jdbc, JsonMapper json, OutboxDispatcher dispatcher, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.json = json;
		this.dispatcher = dispatcher;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * A message given up.
	 *
	 * @param door the door it was for ({@code slack}, {@code discord}, …)
	 * @param address the channel, or for a direct message the person's platform user id
	 * @param update whether it rewrites an earlier message in place rather than posting a new one
	 * @param givenUpAt when it was given up
	 * @param attempts how many times a platform was asked
	 * @param lastError what the platform (or Steward) last said, possibly {@code null}
	 * @param preview the start of its text, on one line
	 * @param followers updates of it given up with it, which a retry or a drop takes along
	 */
	public record DeadLetter(long id, String door, String address, boolean direct, boolean update,
			Instant createdAt, Instant givenUpAt, int attempts, String lastError, String preview, int followers) {
	}

	/** The newest dead letters, and how many there are in all. */
	public record Page(List<DeadLetter> letters, long total) {

		public Page {
			letters = List.copyOf(letters);
		}

		/** How many were left out of this page. */
		public long more() {
			return total - letters.size();
		}

	}

	/** A dead letter is a row given up that does not merely follow a post given up. */
	private static final String DEAD = """
			m.status = 'FAILED' and not (m.kind = 'UPDATE' and exists (select 1 from outbox_message t
			  where t.id = m.target_id and t.status in ('FAILED', 'DROPPED')))""";

	/** A dead letter's row, with how many updates of it were given up with it. */
	private static final String LETTER = """
			select m.id, m.door, m.address, m.direct, m.kind, m.created_at, m.sent_at, m.attempts, m.last_error, m.body,
			  (select count(*) from outbox_message u where u.target_id = m.id and u.status = 'FAILED') as followers
			from outbox_message m
			""" + "where " + DEAD;

	/** The newest dead letters first (given up last), at most {@code limit}. */
	@Transactional(readOnly = true)
	public Page newest(int limit) {
		long total = jdbc.sql("select count(*) from outbox_message m where " + DEAD).query(Long.class).single();
		var letters = jdbc.sql(LETTER + " order by m.sent_at desc, m.id desc fetch first %d rows only"
			.formatted(Math.max(0, limit)))
			.query((rs, n) -> letter(rs))
			.list();
		return new Page(letters, total);
	}

	/** One dead letter, while it is one. */
	@Transactional(readOnly = true)
	public Optional<DeadLetter> find(long id) {
		return jdbc.sql(LETTER + " and m.id = :id")
			.param("id", id)
			.query((rs, n) -> letter(rs))
			.optional();
	}

	/**
	 * Sends a dead letter again: it is pending once more, with its attempts reset, and so are the
	 * updates of it that were given up with it; the outbox is woken after commit. Answers whether it
	 * was still a dead letter (another admin may have retried or dropped it first).
	 *
	 * @param by who asked, for the log
	 */
	@Transactional
	public boolean retry(long id, String by) {
		if (find(id).isEmpty()) {
			return false;
		}
		var now = now();
		// the message itself first: of two admins clicking at once, one changes it and the other finds it changed
		var again = """
				update outbox_message set status = 'PENDING', attempts = 0, next_attempt_at = :now, last_error = null,
				  sent_at = null where %s = :id and status = 'FAILED'""";
		if (jdbc.sql(again.formatted("id")).param("now", now).param("id", id).update() == 0) {
			return false;
		}
		int updates = jdbc.sql(again.formatted("target_id")).param("now", now).param("id", id).update();
		log.info("Outbox message {} sent again by {} (with {} updates of it)", id, by, updates);
		count("retried");
		dispatcher.wakeAfterCommit();
		return true;
	}

	/**
	 * Drops a dead letter for good, with the updates of it given up with it: it leaves the list and
	 * is never delivered; its files go at once, the row with the housekeeping. Answers whether it was
	 * still a dead letter.
	 *
	 * @param by who asked, for the log
	 */
	@Transactional
	public boolean drop(long id, String by) {
		if (find(id).isEmpty()) {
			return false;
		}
		if (jdbc.sql("update outbox_message set status = 'DROPPED' where id = :id and status = 'FAILED'")
			.param("id", id)
			.update() == 0) {
			return false; // another admin retried or dropped it meanwhile
		}
		int updates = jdbc.sql("update outbox_message set status = 'DROPPED' where target_id = :id and status = 'FAILED'")
			.param("id", id)
			.update();
		jdbc.sql("""
				delete from outbox_file where outbox_id in (select id from outbox_message
				  where (id = :id or target_id = :id) and status = 'DROPPED')""")
			.param("id", id)
			.update();
		log.info("Outbox message {} dropped by {} (with {} updates of it)", id, by, updates);
		count("dropped");
		return true;
	}

	private DeadLetter letter(java.sql.ResultSet rs) throws java.sql.SQLException {
		var sent = rs.getObject("sent_at", OffsetDateTime.class);
		var created = rs.getObject("created_at", OffsetDateTime.class);
		return new DeadLetter(rs.getLong("id"), rs.getString("door"), rs.getString("address"), rs.getBoolean("direct"),
				"UPDATE".equals(rs.getString("kind")), created.toInstant(),
				sent == null ? created.toInstant() : sent.toInstant(), rs.getInt("attempts"), rs.getString("last_error"),
				preview(rs.getString("body")), rs.getInt("followers"));
	}

	/** The start of a message's text, on one line; a body that is not a message shows nothing. */
	private String preview(String body) {
		String text;
		try {
			text = json.readValue(body, Message.class).fallback();
		}
		catch (RuntimeException ex) {
			return "";
		}
		var line = text == null ? "" : text.replaceAll("\\s+", " ").strip();
		return line.length() <= PREVIEW ? line : line.substring(0, PREVIEW - 1) + "…";
	}

	/** {@code steward.outbox.dead.letters}: what admins did with the messages given up. */
	private void count(String action) {
		Counter.builder("steward.outbox.dead.letters")
			.description("Messages given up that an admin sent again or dropped")
			.tag("action", action)
			.register(meters)
			.increment();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

}
