package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.google.gson.JsonObject;

import dev.steward.conversation.Block;
import dev.steward.conversation.Button;
import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Message;
import dev.steward.conversation.Outbox;
import dev.steward.conversation.spi.Door;

/**
 * The outbox delivers through Slack's Web API: a 429 is retried after its Retry-After, a server
 * error with backoff, a client error is given up; each message carries its delivery id in
 * message metadata, so a delivery that already went out is found rather than posted twice.
 */
@SlackTest
class SlackDeliveryTests {

	@Autowired
	Outbox outbox;

	@Autowired
	SlackDoor door;

	@Autowired
	TransactionTemplate tx;

	final FakeSlackApi api = FakeSlackApi.SHARED;

	@AfterEach
	void everyCallKeptSlacksLimits() {
		assertThat(api.violations()).isEmpty();
	}

	private void send(String channel, String text) {
		tx.executeWithoutResult(status -> outbox.toChannel(ChannelRef.channel(SlackDoor.NAME, channel),
				Message.text(text), null));
	}

	@Test
	void rateLimitedMessageIsSentAgainAfterRetryAfter() {
		api.failNext("chat.postMessage", 429, 1);
		send("C01RATELIMIT", "After the rate limit");
		await().atMost(Duration.ofSeconds(10)).until(() -> api.messages("C01RATELIMIT").size() == 1);
		var attempts = api.calls("chat.postMessage", call -> "C01RATELIMIT".equals(call.params().get("channel")));
		assertThat(attempts).hasSize(2);
		assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
		assertThat(api.messages("C01RATELIMIT").get(0).text()).contains("After the rate limit");
	}

	@Test
	void serverErrorsAreRetriedUntilTheMessageGoesThroughOnce() {
		api.failNext("chat.postMessage", 500, null);
		api.failNext("chat.postMessage", 503, null);
		send("C01FLAKY", "Through the outage");
		await().atMost(Duration.ofSeconds(15)).until(() -> api.messages("C01FLAKY").size() == 1);
		assertThat(api.calls("chat.postMessage", call -> "C01FLAKY".equals(call.params().get("channel")))).hasSize(3);
	}

	@Test
	void doorReportsRateLimitsAndServerErrorsAsRetryableAndClientErrorsAsPermanent() {
		// one channel each, so the door's own pacing does not stand between the three answers
		java.util.function.Function<String, Door.Delivery> delivery = channel -> new Door.Delivery(9_000_001L,
				ChannelRef.channel(SlackDoor.NAME, channel), Message.text("x"));
		api.failNext("chat.postMessage", 429, 7);
		assertThatThrownBy(() -> door.post(delivery.apply("C01DIRECT"))).isInstanceOfSatisfying(Door.DeliveryFailure.class, failure -> {
			assertThat(failure.permanent()).isFalse();
			assertThat(failure.rateLimited()).isTrue();
			assertThat(failure.attempted()).as("a 429 left nothing on Slack").isFalse();
			assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
		});
		api.failNext("chat.postMessage", 502, null);
		assertThatThrownBy(() -> door.post(delivery.apply("C01DIRECT2"))).isInstanceOfSatisfying(Door.DeliveryFailure.class,
				failure -> assertThat(failure.permanent()).isFalse());
		api.failNext("chat.postMessage", 400, null);
		assertThatThrownBy(() -> door.post(delivery.apply("C01DIRECT3"))).isInstanceOfSatisfying(Door.DeliveryFailure.class,
				failure -> assertThat(failure.permanent()).isTrue());
		assertThat(api.messages("C01DIRECT")).isEmpty();
	}

	@Autowired
	com.slack.api.methods.MethodsClient methods;

	@Test
	void aMessageTooSoonForItsChannelIsToldToWaitWithoutBlocking() throws Exception {
		// a door paced an hour apart, so the second message is surely too soon however busy the machine
		var paced = new SlackDoor(methods, "xoxb-test-token", new ChannelPacer(Duration.ofHours(1), java.time.Clock.systemUTC()));
		var first = new Door.Delivery(9_000_010L, ChannelRef.channel(SlackDoor.NAME, "C01PACED"), Message.text("one"));
		var second = new Door.Delivery(9_000_011L, ChannelRef.channel(SlackDoor.NAME, "C01PACED"), Message.text("two"));
		paced.post(first);
		assertThatThrownBy(() -> paced.post(second)).isInstanceOfSatisfying(Door.DeliveryFailure.class, failure -> {
			assertThat(failure.attempted()).as("a pacing wait is not a failed attempt").isFalse();
			assertThat(failure.permanent()).isFalse();
			assertThat(failure.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
		});
		assertThat(api.messages("C01PACED")).hasSize(1);
		assertThat(paced.post(new Door.Delivery(9_000_012L, ChannelRef.channel(SlackDoor.NAME, "C01OTHER"),
				Message.text("elsewhere")))).as("other channels do not wait").startsWith("C01OTHER:");
	}

	@Test
	void deliveryAlreadyInTheChannelIsNotPostedTwice() throws Exception {
		var metadata = new JsonObject();
		metadata.addProperty("event_type", SlackDoor.DELIVERY_EVENT);
		var payload = new JsonObject();
		payload.addProperty(SlackDoor.DELIVERY_ID, "9000002");
		metadata.add("event_payload", payload);
		var earlier = api.seed("C01RESTART", "Posted before the crash", metadata);

		var id = door.post(new Door.Delivery(9_000_002L, ChannelRef.channel(SlackDoor.NAME, "C01RESTART"),
				Message.text("Posted before the crash"), true));

		assertThat(id).isEqualTo("C01RESTART:" + earlier.ts);
		assertThat(api.calls("chat.postMessage", call -> "C01RESTART".equals(call.params().get("channel")))).isEmpty();
		assertThat(api.messages("C01RESTART")).hasSize(1);
	}

	@Test
	void aFirstAttemptPostsWithoutReadingTheChannelsHistory() throws Exception {
		door.post(new Door.Delivery(9_000_013L, ChannelRef.channel(SlackDoor.NAME, "C01FIRST"), Message.text("Fresh")));

		assertThat(api.messages("C01FIRST")).hasSize(1);
		assertThat(api.calls("conversations.history", call -> "C01FIRST".equals(call.params().get("channel"))))
			.as("conversations.history is rate limited hard; a message never sent cannot be there").isEmpty();
	}

	@Test
	void directMessageGoesToThePersonsConversationAndUpdatesInPlace() throws Exception {
		var card = Message.builder("Decide")
			.header("Decide")
			.actions(List.of(Button.primary("Approve", InteractionId.of("demo", 1))))
			.build();
		var to = ChannelRef.direct(SlackDoor.NAME, "U01SUNLI");
		var id = door.post(new Door.Delivery(9_000_003L, to, card));
		assertThat(id).startsWith("DU01SUNLI:");
		assertThat(api.messages("DU01SUNLI")).singleElement().satisfies(posted -> assertThat(posted.hasActions()).isTrue());

		door.update(new Door.Delivery(9_000_004L, to, Message.builder("Decided").block(new Block.Context("Approved")).build()),
				id);
		assertThat(api.messages("DU01SUNLI")).singleElement().satisfies(posted -> {
			assertThat(posted.hasActions()).isFalse();
			assertThat(posted.text()).contains("Approved");
		});
	}

	@Test
	void aMessagesBlocksArriveAsWrittenWhateverCharactersTheyHold() throws Exception {
		var words = "Satisfaction 4 + 5 = 90% a+b%20c 满意度调查 ✅";
		door.post(new Door.Delivery(9_000_005L, ChannelRef.channel(SlackDoor.NAME, "C01ENCODED"),
				Message.builder("Survey").header("客户 + 满意度").text(words).build()));
		assertThat(api.messages("C01ENCODED")).singleElement().satisfies(posted -> {
			var texts = new java.util.ArrayList<String>();
			posted.blocks.forEach(block -> texts.add(block.getAsJsonObject().getAsJsonObject("text").get("text").getAsString()));
			assertThat(texts).containsExactly("客户 + 满意度", words);
		});
	}

	@Test
	void messagesToOneChannelAreKeptApart() {
		for (int i = 0; i < 4; i++) {
			send("C01BURST", "Burst " + i);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> api.messages("C01BURST").size() == 4);
		var times = api.calls("chat.postMessage", call -> "C01BURST".equals(call.params().get("channel")))
			.stream()
			.map(FakeSlackApi.Call::at)
			.toList();
		for (int i = 1; i < times.size(); i++) {
			assertThat(Duration.between(times.get(i - 1), times.get(i)))
				.isGreaterThanOrEqualTo(Duration.ofMillis(SlackWorkspace.PACING_MS - 5));
		}
	}

}
