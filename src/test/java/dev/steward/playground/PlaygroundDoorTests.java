package dev.steward.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.Message;
import dev.steward.conversation.Outbox;
import dev.steward.conversation.spi.Door.Delivery;
import dev.steward.conversation.spi.Door.DeliveryFailure;
import tools.jackson.databind.json.JsonMapper;

/** The playground as the outbox sees it: a door that posts, updates, and never posts twice. */
@PlaygroundTest
class PlaygroundDoorTests {

	/** Outbox ids far above the real outbox's, so these deliveries never meet its rows. */
	private static final AtomicLong deliveries = new AtomicLong(2_000_000_000L);

	@Autowired
	PlaygroundDoor door;

	@Autowired
	PlaygroundMessages messages;

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	private static ChannelRef newChannel() {
		return ChannelRef.channel("playground", "door-" + UUID.randomUUID().toString().substring(0, 8));
	}

	private Message stored(String platformId) {
		return json.readValue(messages.find(Long.parseLong(platformId)).orElseThrow().body(), Message.class);
	}

	@Test
	void postStoresTheNeutralMessageAndAnswersItsRowId() {
		var channel = newChannel();
		var message = Message.builder("Hi").header("Hello").text("*there*").build();

		var id = door.post(new Delivery(deliveries.incrementAndGet(), channel, message));

		assertThat(door.name()).isEqualTo("playground");
		assertThat(stored(id)).isEqualTo(message);
		assertThat(messages.latest(Conversation.of(channel))).extracting(PlaygroundMessages.Row::id)
			.containsExactly(Long.parseLong(id));
	}

	@Test
	void aRetriedDeliveryFindsItsMessageInsteadOfPostingItTwice() {
		var channel = newChannel();
		var delivery = new Delivery(deliveries.incrementAndGet(), channel, Message.text("once"));

		var first = door.post(delivery);
		var again = door.post(delivery);

		assertThat(again).isEqualTo(first);
		assertThat(messages.latest(Conversation.of(channel))).hasSize(1);
	}

	@Test
	void updateReplacesTheBodyInPlace() throws DeliveryFailure {
		var channel = newChannel();
		var id = door.post(new Delivery(deliveries.incrementAndGet(), channel, Message.text("pending")));

		door.update(new Delivery(deliveries.incrementAndGet(), channel, Message.text("approved")), id);

		assertThat(stored(id)).isEqualTo(Message.text("approved"));
		assertThat(messages.latest(Conversation.of(channel))).hasSize(1);
	}

	@Test
	void updatingAMessageThatIsNotThereFailsForGood() {
		var delivery = new Delivery(deliveries.incrementAndGet(), newChannel(), Message.text("x"));

		assertThatThrownBy(() -> door.update(delivery, "999999999")).isInstanceOf(DeliveryFailure.class)
			.matches(failure -> ((DeliveryFailure) failure).permanent());
		assertThatThrownBy(() -> door.update(delivery, "not-a-number")).isInstanceOf(DeliveryFailure.class);
	}

	@Test
	void theOutboxPostsToAChannelAndUpdatesInPlace() {
		var channel = newChannel();
		var key = "door-test-" + UUID.randomUUID();

		outbox.toChannel(channel, Message.text("Please decide"), key);
		var id = await().atMost(Duration.ofSeconds(10)).until(() -> platformId(key), java.util.Objects::nonNull);
		outbox.update(key, Message.text("Decided"));

		await().atMost(Duration.ofSeconds(10)).until(() -> stored(id).equals(Message.text("Decided")));
		assertThat(messages.latest(Conversation.of(channel))).hasSize(1);
	}

	@Test
	void aMessageToAPersonArrivesInTheirDirectConversation() {
		var text = "Just for you " + UUID.randomUUID();

		outbox.toPerson("li.na", Message.text(text), null);

		await().atMost(Duration.ofSeconds(10))
			.until(() -> messages.latest(Conversation.direct("li.na"))
				.stream()
				.anyMatch(row -> row.body().contains(text)));
		assertThat(messages.latest(Conversation.direct("emma.wilson"))).noneMatch(row -> row.body().contains(text));
	}

	private String platformId(String key) {
		return jdbc.sql("select platform_message_id from outbox_message where message_key = :key and status = 'SENT'")
			.param("key", key)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
