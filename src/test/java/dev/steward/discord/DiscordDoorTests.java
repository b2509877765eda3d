package dev.steward.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.steward.conversation.Button;
import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Message;
import dev.steward.conversation.spi.Door.Delivery;
import dev.steward.conversation.spi.Door.DeliveryFailure;

/**
 * The outbox's deliveries through the Discord door: channel messages, DMs, edits that take the
 * buttons away, nonces that keep a retried post single, and Discord's rate limits.
 */
class DiscordDoorTests extends DiscordTest {

	/** Outbox ids far from the real outbox's, so these posts never meet its nonces. */
	private static final AtomicLong IDS = new AtomicLong(9_000_000);

	@Autowired
	DiscordDoor door;

	private static Message card(String text) {
		return Message.builder(text)
			.header(text)
			.text("Decide *now*, _please_: `P-1`")
			.actions(List.of(Button.primary("Approve", InteractionId.of("test", "approve")),
					Button.danger("Reject", InteractionId.of("test", "reject"))))
			.build();
	}

	@Test
	void postsToAGuildChannelAndAnUpdateEditsItInPlaceWithoutButtons() throws DeliveryFailure {
		var channel = ChannelRef.channel("discord", FakeDiscord.channel("delivery"));
		long id = IDS.incrementAndGet();
		var platformId = door.post(new Delivery(id, channel, card("Card " + id)));
		var messageId = platformId.substring(platformId.indexOf(':') + 1);
		assertThat(platformId).startsWith(FakeDiscord.channel("delivery") + ":");
		var posted = discord.message(messageId);
		assertThat(DiscordChat.text(posted)).contains("Card " + id).contains("Decide **now**, _please_: `P-1`")
			.contains("[Approve] [Reject]");

		door.update(new Delivery(IDS.incrementAndGet(), channel, Message.text("Decided " + id)), platformId);
		var edited = discord.message(messageId);
		assertThat(DiscordChat.text(edited)).contains("Decided " + id);
		assertThat(DiscordChat.hasButtons(edited)).isFalse();
	}

	@Test
	void directMessageOpensTheUsersDmChannelFirst() throws DeliveryFailure {
		long id = IDS.incrementAndGet();
		var platformId = door.post(new Delivery(id, ChannelRef.direct("discord", CHEN_JIE), Message.text("Hello " + id)));
		assertThat(discord.calls("POST", "/users/@me/channels"))
			.anyMatch(call -> call.json().getString("recipient_id").equals(CHEN_JIE));
		assertThat(platformId).startsWith(discord.dmChannel(CHEN_JIE) + ":");
		assertThat(discord.messagesIn(discord.dmChannel(CHEN_JIE)))
			.anyMatch(message -> message.getString("content").equals("Hello " + id));
	}

	@Test
	void aPostRetriedWithTheSameOutboxIdIsPostedOnceThanksToItsNonce() throws DeliveryFailure {
		var channel = ChannelRef.channel("discord", FakeDiscord.channel("delivery"));
		long id = IDS.incrementAndGet();
		var first = door.post(new Delivery(id, channel, Message.text("Once " + id)));
		var again = door.post(new Delivery(id, channel, Message.text("Once " + id)));
		assertThat(again).isEqualTo(first);
		assertThat(discord.messagesIn(FakeDiscord.channel("delivery")))
			.filteredOn(message -> message.getString("content").equals("Once " + id))
			.hasSize(1);
		assertThat(discord.calls("POST", "/channels/\\d+/messages"))
			.filteredOn(call -> call.body().contains("Once " + id))
			.allSatisfy(call -> {
				assertThat(call.json().getString("nonce")).isEqualTo("steward-" + id);
				assertThat(call.json().getBoolean("enforce_nonce")).isTrue();
			});
	}

	@Test
	void aRateLimitedPostWaitsForRetryAfterAndIsPostedOnce() throws DeliveryFailure {
		var channelId = FakeDiscord.channel("general");
		long id = IDS.incrementAndGet();
		discord.rateLimit("POST", "/channels/" + channelId + "/messages", 1);
		door.post(new Delivery(id, ChannelRef.channel("discord", channelId), Message.text("Patient " + id)));
		var attempts = discord.calls("POST", "/channels/" + channelId + "/messages")
			.stream()
			.filter(call -> call.body().contains("Patient " + id))
			.toList();
		assertThat(attempts).hasSize(2);
		assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(900));
		assertThat(discord.messagesIn(channelId))
			.filteredOn(message -> message.getString("content").equals("Patient " + id))
			.hasSize(1);
	}

	@Test
	void aRouteWhoseBucketDiscordSaysIsEmptyWaitsForItsResetInsteadOfMeetingA429() throws DeliveryFailure {
		var channelId = FakeDiscord.channel("consulting");
		var channel = ChannelRef.channel("discord", channelId);
		long id = IDS.incrementAndGet();
		discord.emptyBucket("POST", "/channels/" + channelId + "/messages", 1);
		door.post(new Delivery(id, channel, Message.text("Bucket " + id + " first")));
		door.post(new Delivery(IDS.incrementAndGet(), channel, Message.text("Bucket " + id + " second")));
		var posts = discord.calls("POST", "/channels/" + channelId + "/messages")
			.stream()
			.filter(call -> call.body().contains("Bucket " + id))
			.toList();
		assertThat(posts).as("one request each, none refused").hasSize(2);
		assertThat(Duration.between(posts.get(0).at(), posts.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
	}

	@Test
	void aPersonWhoAcceptsNoDirectMessagesIsAPermanentFailureWithDiscordsReason() {
		var stranger = "555000000000000777";
		discord.closeDirectMessages(stranger);
		assertThatThrownBy(() -> door.post(new Delivery(IDS.incrementAndGet(), ChannelRef.direct("discord", stranger),
				Message.text("Closed"))))
			.isInstanceOf(DeliveryFailure.class)
			.hasMessageContaining("403")
			.hasMessageContaining("Cannot send messages to this user")
			.satisfies(failure -> assertThat(((DeliveryFailure) failure).permanent()).isTrue());
	}

	@Test
	void aServerErrorIsLeftToTheOutboxToRetryLater() throws DeliveryFailure {
		var channelId = FakeDiscord.channel("delivery");
		var delivery = new Delivery(IDS.incrementAndGet(), ChannelRef.channel("discord", channelId),
				Message.text("Eventually"));
		discord.failWithServerError("POST", "/channels/" + channelId + "/messages", 1);
		assertThatThrownBy(() -> door.post(delivery)).isInstanceOf(DeliveryFailure.class)
			.satisfies(failure -> assertThat(((DeliveryFailure) failure).permanent()).isFalse());
		door.post(delivery);
		assertThat(discord.messagesIn(channelId))
			.filteredOn(message -> message.getString("content").equals("Eventually"))
			.hasSize(1);
	}

	@Test
	void aChannelStewardCannotSeeIsAPermanentFailure() {
		assertThatThrownBy(() -> door.post(new Delivery(IDS.incrementAndGet(),
				ChannelRef.channel("discord", "123456789012345678"), Message.text("Lost"))))
			.isInstanceOf(DeliveryFailure.class)
			.satisfies(failure -> assertThat(((DeliveryFailure) failure).permanent()).isTrue());
	}

}
