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
 * A message that must wait (pacing, a retry) goes out when its wait is over, not at the next
 * poll: here the poll is an hour away, so only the dispatcher's own alarm can deliver it.
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

}
