package dev.steward.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The housekeeping purges what is done and old enough, and nothing else: delivered messages after
 * 30 days (180 for one with a key, which may still be rewritten; never one a pending update is to
 * rewrite), messages given up after 90 (dropped by an admin or not), forms left open after 7,
 * completed event publications after 7; a pending message or an event still to be handled stays
 * however old.
 */
@SpringBootTest(properties = { "spring.datasource.hikari.maximum-pool-size=4" })
@ActiveProfiles("test")
class HousekeepingTests {

	@Autowired
	Housekeeping housekeeping;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private OffsetDateTime now;

	@BeforeEach
	void empty() {
		jdbc.sql("delete from outbox_file").update();
		jdbc.sql("delete from outbox_message").update();
		jdbc.sql("delete from form_session").update();
		jdbc.sql("delete from event_publication").update();
		now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	private long message(String status, String kind, String key, Long target, Duration age) {
		var at = now.minus(age);
		jdbc.sql("""
				insert into outbox_message (door, address, direct, message_key, kind, target_id, body, status, attempts,
				  next_attempt_at, created_at, sent_at, files)
				values ('test', 'C1', false, :key, :kind, :target, '{}', :status, 0, :next, :at, :sent, :files)""")
			.param("key", key)
			.param("kind", kind)
			.param("target", target)
			.param("status", status)
			.param("at", at)
			.param("sent", status.equals("PENDING") ? null : at)
			// a pending row waits (a retry): the dispatcher, which has no door "test" here, leaves it alone
			.param("next", status.equals("PENDING") ? now.plusDays(1) : at)
			.param("files", 0)
			.update();
		return jdbc.sql("select max(id) from outbox_message").query(Long.class).single();
	}

	private boolean exists(long id) {
		return jdbc.sql("select count(*) from outbox_message where id = :id").param("id", id).query(Long.class).single() > 0;
	}

	@Test
	void claimsOnConversationsThatRanOutADayAgoGoAndLiveOnesStay() {
		jdbc.sql("delete from outbox_lease").update();
		for (var lease : new Object[][] { { "old", now.minusDays(2) }, { "recent", now.minusHours(2) },
				{ "live", now.plusSeconds(10) } }) {
			jdbc.sql("insert into outbox_lease (door, address, holder, expires_at) values ('test', :address, 'x/1', :until)")
				.param("address", lease[0])
				.param("until", lease[1])
				.update();
		}

		housekeeping.purge();

		assertThat(jdbc.sql("select address from outbox_lease order by address").query(String.class).list())
			.containsExactly("live", "recent");
	}

	@Test
	void deliveredMessagesGoAfterTheirRetentionAndWhatIsStillToBeDoneStays() {
		long oldPlain = message("SENT", "POST", null, null, Duration.ofDays(31));
		long youngPlain = message("SENT", "POST", null, null, Duration.ofDays(29));
		long oldUpdate = message("SENT", "UPDATE", "card-1", 1L, Duration.ofDays(31));
		long keyedMonth = message("SENT", "POST", "card-2", null, Duration.ofDays(31));
		long keyedHalfYear = message("SENT", "POST", "card-3", null, Duration.ofDays(181));
		long awaited = message("SENT", "POST", "card-4", null, Duration.ofDays(400));
		long pendingUpdate = message("PENDING", "UPDATE", "card-4", awaited, Duration.ofDays(1));
		long oldPending = message("PENDING", "POST", null, null, Duration.ofDays(400));
		long oldFailed = message("FAILED", "POST", null, null, Duration.ofDays(91));
		long youngFailed = message("FAILED", "POST", null, null, Duration.ofDays(89));
		jdbc.sql("""
				insert into outbox_file (outbox_id, seq, name, media_type, title, content)
				values (:id, 0, 'a.png', 'image/png', 'A', :bytes)""")
			.param("id", oldPlain)
			.param("bytes", new byte[] { 1, 2, 3 })
			.update();

		var purged = housekeeping.purge();

		assertThat(exists(oldPlain)).as("a delivered message without a key, a month old").isFalse();
		assertThat(exists(youngPlain)).isTrue();
		assertThat(exists(oldUpdate)).as("a delivered update").isFalse();
		assertThat(exists(keyedMonth)).as("a keyed message may still be rewritten").isTrue();
		assertThat(exists(keyedHalfYear)).isFalse();
		assertThat(exists(awaited)).as("a message a pending update will rewrite").isTrue();
		assertThat(exists(pendingUpdate)).isTrue();
		assertThat(exists(oldPending)).as("a message still to deliver, however old").isTrue();
		assertThat(exists(oldFailed)).isFalse();
		assertThat(exists(youngFailed)).isTrue();
		assertThat(jdbc.sql("select count(*) from outbox_file").query(Long.class).single()).isZero();
		assertThat(purged.messages()).isEqualTo(3);
		assertThat(purged.failedMessages()).isEqualTo(1);
	}

	@Test
	void messagesAnAdminDroppedGoWithTheMessagesGivenUp() {
		long oldDropped = message("DROPPED", "POST", null, null, Duration.ofDays(91));
		long oldDroppedUpdate = message("DROPPED", "UPDATE", "card-5", oldDropped, Duration.ofDays(91));
		long youngDropped = message("DROPPED", "POST", null, null, Duration.ofDays(89));

		var purged = housekeeping.purge();

		assertThat(exists(oldDropped)).isFalse();
		assertThat(exists(oldDroppedUpdate)).isFalse();
		assertThat(exists(youngDropped)).as("kept as long as a message given up").isTrue();
		assertThat(purged.failedMessages()).isEqualTo(2);
	}

	@Test
	void aPurgeLargerThanABatchTakesSeveralShortStatementsAndGetsEveryRow() {
		for (int i = 0; i < 2_500; i++) {
			message("SENT", "POST", null, null, Duration.ofDays(40));
		}
		long kept = message("SENT", "POST", null, null, Duration.ofDays(1));
		assertThat(housekeeping.purge().messages()).isEqualTo(2_500);
		assertThat(jdbc.sql("select id from outbox_message").query(Long.class).list()).containsExactly(kept);
	}

	@Test
	void formsLeftOpenGoAfterAWeek() {
		for (var age : new int[] { 8, 6 }) {
			jdbc.sql("""
					insert into form_session (id, form, args, person_id, form_values, created_at)
					values (:id, 'application', '', 'emma', '{}', :at)""")
				.param("id", "f" + age)
				.param("at", now.minusDays(age))
				.update();
		}
		assertThat(housekeeping.purge().formSessions()).isEqualTo(1);
		assertThat(jdbc.sql("select id from form_session").query(String.class).list()).containsExactly("f6");
	}

	@Test
	void completedEventPublicationsGoAfterAWeekAndIncompleteOnesStay() {
		var oldCompleted = publication(Duration.ofDays(8), true);
		var youngCompleted = publication(Duration.ofDays(1), true);
		var oldIncomplete = publication(Duration.ofDays(30), false);
		housekeeping.purge();
		assertThat(jdbc.sql("select id from event_publication").query(UUID.class).list())
			.containsExactlyInAnyOrder(youngCompleted, oldIncomplete)
			.doesNotContain(oldCompleted);
	}

	private UUID publication(Duration age, boolean completed) {
		var id = UUID.randomUUID();
		var at = now.minus(age);
		jdbc.sql("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
				  completion_date, status, completion_attempts)
				values (:id, 'listener', 'dev.steward.Event', '{}', :at, :done, :status, 1)""")
			.param("id", id)
			.param("at", at)
			.param("done", completed ? at : null)
			.param("status", completed ? "COMPLETED" : "PUBLISHED")
			.update();
		return id;
	}

}
