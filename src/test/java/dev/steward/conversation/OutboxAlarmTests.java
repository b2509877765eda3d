package dev.steward.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A message goes out when it is written, or when its wait (pacing, a retry) is over, not at the
 * next poll: here the poll is an hour away, so only the dispatcher's hand-overs and timers can
 * deliver it.
 */
@SpringBootTest(properties = "steward.outbox.poll=1h")
@ActiveProfiles("test")
@Import(OutboxTests.FlakyDoorConfiguration.class)
class OutboxAlarmTests {

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxTests.FlakyDoor door;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void aPacedMessageGoesOutWhenItsWaitIsOverNotAtTheNextPoll() {
		var channel = ChannelRef.channel(OutboxTests.FlakyDoor.NAME, "alarm" + System.nanoTime());
		door.paceNext(channel.id(), 3);
		tx.executeWithoutResult(status -> outbox.toChannel(channel, Message.text("on time"), "k-alarm"));

		await().atMost(Duration.ofSeconds(10)).until(() -> door.posted(channel.id()).size() == 1);
	}

	@Test
	void aRetryAfterAFailureGoesOutWhenDueNotAtTheNextPoll() {
		var channel = ChannelRef.channel(OutboxTests.FlakyDoor.NAME, "retry-alarm" + System.nanoTime());
		door.failNext(channel.id(), 2, false);
		tx.executeWithoutResult(status -> {
			outbox.toChannel(channel, Message.text("first"), null);
			outbox.toChannel(channel, Message.text("second"), null);
		});

		await().atMost(Duration.ofSeconds(10)).until(() -> door.posted(channel.id()).size() == 2);
		assertThat(door.texts(channel.id())).containsExactly("first", "second");
	}

	@Test
	void aMessageWrittenWhileItsConversationIsBeingDeliveredGoesOutWithoutAPoll() {
		var channel = ChannelRef.channel(OutboxTests.FlakyDoor.NAME, "poked" + System.nanoTime());
		door.holdNext(channel.id());
		try {
			tx.executeWithoutResult(status -> outbox.toChannel(channel, Message.text("first"), null));
			await().atMost(Duration.ofSeconds(10)).until(() -> door.attempts(channel.id()) == 1);
			// the worker has read the conversation's rows and is handing the first to the platform
			tx.executeWithoutResult(status -> outbox.toChannel(channel, Message.text("second"), null));
		}
		finally {
			door.release(channel.id());
		}

		await().atMost(Duration.ofSeconds(10)).until(() -> door.posted(channel.id()).size() == 2);
		assertThat(door.texts(channel.id())).containsExactly("first", "second");
	}

	@Test
	void aShortPacingWaitIsKeptByTheTimerNotWrittenToTheRows() {
		var channel = ChannelRef.channel(OutboxTests.FlakyDoor.NAME, "unwritten" + System.nanoTime());
		door.notReadyNext(channel.id(), 3);
		tx.executeWithoutResult(status -> outbox.toChannel(channel, Message.text("paced"), "k-unwritten"));

		await().atMost(Duration.ofSeconds(10)).until(() -> door.posted(channel.id()).size() == 1);
		assertThat(door.postedTooSoon).hasValue(0);
		var unchanged = jdbc.sql("select count(*) from outbox_message where message_key = 'k-unwritten'"
				+ " and next_attempt_at = created_at")
			.query(Integer.class)
			.single();
		assertThat(unchanged).as("three waits of the pacing, none written down").isEqualTo(1);
	}

}
