package dev.steward.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.conversation.spi.ChatGateway;
import dev.steward.support.Chat;
import dev.steward.support.RecordingDoor;
import dev.steward.support.TestDoorConfiguration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dead letters: the messages given up are listed for admins, newest first with the rest counted;
 * Retry sends one again (with the updates of it given up with it) and Drop removes it for good;
 * {@code /steward deliveries} shows them with both buttons, changes in place after a click with a
 * line saying what was done, and refuses everyone but admins.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestDoorConfiguration.class)
class DeadLettersTests {

	@Autowired
	DeadLetters deadLetters;

	@Autowired
	ChatGateway gateway;

	@Autowired
	RecordingDoor door;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	@Autowired
	Texts texts;

	@BeforeEach
	void noOtherDeadLetters() {
		jdbc.sql("update outbox_message set status = 'DROPPED' where status = 'FAILED'").update();
	}

	/** A message given up some minutes ago, as the dispatcher leaves it. */
	private long givenUp(String address, String text, Long target, int minutesAgo, String error) {
		var at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minusMinutes(minutesAgo);
		jdbc.sql("""
				insert into outbox_message (door, address, direct, message_key, kind, target_id, body, status, attempts,
				  next_attempt_at, created_at, sent_at, last_error, files)
				values ('test', :address, false, :key, :kind, :target, :body, 'FAILED', 8, :at, :created, :at, :error, 0)""")
			.param("address", address)
			.param("key", "dead-" + address)
			.param("kind", target == null ? "POST" : "UPDATE")
			.param("target", target)
			.param("body", json.writeValueAsString(Message.text(text)))
			.param("at", at)
			.param("created", at.minusMinutes(5))
			.param("error", error)
			.update();
		return jdbc.sql("select max(id) from outbox_message").query(Long.class).single();
	}

	private String status(long id) {
		return jdbc.sql("select status from outbox_message where id = :id").param("id", id).query(String.class).single();
	}

	@Test
	void theNewestAreListedFirstWithTheRestCountedAndAnUpdateGoesWithItsMessage() {
		long older = givenUp("C-dead-1", "Older", null, 30, "chat.postMessage: HTTP 503");
		long follower = givenUp("C-dead-1", "Older, decided", older, 29, "the message it updates was never delivered");
		long newer = givenUp("C-dead-2", "Newer\nover two lines", null, 10, "channel_not_found");

		var page = deadLetters.newest(1);

		assertThat(page.total()).as("the update follows its message: not a dead letter of its own").isEqualTo(2);
		assertThat(page.more()).isEqualTo(1);
		assertThat(page.letters()).singleElement().satisfies(letter -> {
			assertThat(letter.id()).isEqualTo(newer);
			assertThat(letter.preview()).isEqualTo("Newer over two lines");
			assertThat(letter.lastError()).isEqualTo("channel_not_found");
			assertThat(letter.attempts()).isEqualTo(8);
		});
		assertThat(deadLetters.newest(5).letters()).extracting(DeadLetters.DeadLetter::id).containsExactly(newer, older);
		assertThat(deadLetters.find(older).orElseThrow().followers()).isEqualTo(1);
		assertThat(deadLetters.find(follower)).isEmpty();
	}

	@Test
	void retrySendsTheMessageAgainAndTheUpdatesGivenUpWithIt() {
		var channel = ChannelRef.channel(RecordingDoor.NAME, "C-dead-retry");
		long post = givenUp(channel.id(), "Approve the budget?", null, 20, "HTTP 500");
		givenUp(channel.id(), "Approved by Li Na", post, 19, "the message it updates was never delivered");

		assertThat(deadLetters.retry(post, "admin")).isTrue();

		await().atMost(Duration.ofSeconds(10)).until(() -> !door.in(channel).isEmpty()
				&& door.in(channel).get(0).updates() == 1);
		assertThat(door.in(channel)).singleElement()
			.satisfies(posted -> assertThat(posted.message().fallback()).isEqualTo("Approved by Li Na"));
		await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status(post)));
		assertThat(jdbc.sql("select attempts from outbox_message where id = :id").param("id", post).query(Integer.class)
			.single()).as("its attempts start again").isZero();
		assertThat(deadLetters.find(post)).isEmpty();
		assertThat(deadLetters.retry(post, "admin")).as("a second click finds it gone").isFalse();
		assertThat(deadLetters.drop(post, "admin")).isFalse();
	}

	@Test
	void twoAdminsClickingAtOnceActOnce() throws Exception {
		for (int round = 0; round < 5; round++) {
			long letter = givenUp("C-dead-race-" + round, "Race " + round, null, 3, "HTTP 500");
			var start = new java.util.concurrent.CountDownLatch(1);
			var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
			try {
				var retry = pool.submit(() -> {
					start.await();
					return deadLetters.retry(letter, "admin");
				});
				var drop = pool.submit(() -> {
					start.await();
					return deadLetters.drop(letter, "root");
				});
				start.countDown();
				assertThat(List.of(retry.get(), drop.get())).as("one of the two clicks acts").containsOnlyOnce(true);
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(status(letter)).isIn("PENDING", "SENT", "DROPPED");
		}
	}

	@Test
	void dropRemovesItForGoodWithItsFilesAndItIsNeverDelivered() {
		var channel = ChannelRef.channel(RecordingDoor.NAME, "C-dead-drop");
		long post = givenUp(channel.id(), "Nobody will read this", null, 5, "not_in_channel");
		long update = givenUp(channel.id(), "Nor this", post, 4, "the message it updates was never delivered");
		jdbc.sql("""
				insert into outbox_file (outbox_id, seq, name, media_type, title, content)
				values (:id, 0, 'a.png', 'image/png', 'A', :bytes)""")
			.param("id", post)
			.param("bytes", new byte[] { 1, 2, 3 })
			.update();

		assertThat(deadLetters.drop(post, "admin")).isTrue();

		assertThat(status(post)).isEqualTo("DROPPED");
		assertThat(status(update)).isEqualTo("DROPPED");
		assertThat(jdbc.sql("select count(*) from outbox_file where outbox_id = :id").param("id", post)
			.query(Long.class).single()).isZero();
		assertThat(deadLetters.newest(5).letters()).extracting(DeadLetters.DeadLetter::id).doesNotContain(post);
		assertThat(deadLetters.retry(post, "admin")).as("a dropped message cannot be sent again").isFalse();
		assertThat(door.in(channel)).isEmpty();
	}

	@Test
	void anAdminSeesTheListAndItChangesInPlaceAfterEachClick() {
		long first = givenUp("C-dead-chat-1", "The weekly report is due", null, 12, "chat.postMessage: HTTP 503");
		long second = givenUp("C-dead-chat-2", "Risk review today", null, 2, "channel_not_found");
		var admin = new Chat(gateway, door, "admin", "general");

		var listed = ((Reply.Ephemeral) admin.command("/steward deliveries")).message();

		var text = Chat.text(listed);
		assertThat(text).contains("Undelivered messages: 2", "#" + second, "#" + first, "channel_not_found",
				"“The weekly report is due”", "`C-dead-chat-1`");
		assertThat(text.indexOf("#" + second)).as("newest first").isLessThan(text.indexOf("#" + first));
		assertThat(buttons(listed)).containsExactly("Retry #" + second, "Drop #" + second, "Retry #" + first,
				"Drop #" + first);

		var afterDrop = admin.click(listed, "Drop #" + second);

		assertThat(afterDrop).isInstanceOfSatisfying(Reply.Ephemeral.class, reply -> {
			assertThat(reply.replacing()).as("the list changes in place").isTrue();
			assertThat(Chat.text(reply.message())).contains("#" + second + " was dropped", "Undelivered messages: 1")
				.doesNotContain("Retry #" + second);
		});
		var afterRetry = admin.click(((Reply.Ephemeral) afterDrop).message(), "Retry #" + first);
		assertThat(Chat.text(((Reply.Ephemeral) afterRetry).message())).contains("#" + first + " is queued again",
				"Undelivered messages: 0", "Nothing is waiting here");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> door.in(ChannelRef.channel(RecordingDoor.NAME, "C-dead-chat-1")).size() == 1);

		// the old list still has the button: a second click is told, and changes nothing
		var again = admin.click(listed, "Retry #" + first);
		assertThat(Chat.text(((Reply.Ephemeral) again).message())).contains("#" + first + " is no longer in the list");
		assertThat(door.in(ChannelRef.channel(RecordingDoor.NAME, "C-dead-chat-1"))).hasSize(1);
	}

	@Test
	void theListIsCappedAtFiveWithTheRestCounted() {
		for (int i = 0; i < 7; i++) {
			givenUp("C-dead-many-" + i, "Message " + i, null, 60 - i, "HTTP 500");
		}
		var listed = ((Reply.Ephemeral) new Chat(gateway, door, "admin", "general").command("/steward deliveries"))
			.message();
		assertThat(buttons(listed)).hasSize(10);
		assertThat(Chat.text(listed)).contains("Undelivered messages: 7", "…and 2 older");
	}

	@Test
	void someoneWhoIsNotAnAdminIsRefusedTheListAndTheButtons() {
		long letter = givenUp("C-dead-refused", "Kept", null, 1, "HTTP 500");
		var refused = texts.get(Locale.ENGLISH, "steward.deliveries.admins-only");
		var emma = new Chat(gateway, door, "emma.wilson", "general");

		assertThat(Chat.text(emma.command("/steward deliveries"))).contains(refused);
		for (var button : List.of("delivery-retry:" + letter, "delivery-drop:" + letter)) {
			assertThat(Chat.text(gateway.action(new ChatAction(emma.actor(), ChannelRef.channel(RecordingDoor.NAME,
					"general"), button)))).contains(refused);
		}
		assertThat(status(letter)).as("a refusal changes nothing").isEqualTo("FAILED");
	}

	private static List<String> buttons(Message message) {
		return message.blocks()
			.stream()
			.filter(Block.Actions.class::isInstance)
			.flatMap(block -> ((Block.Actions) block).buttons().stream())
			.map(Button::label)
			.toList();
	}

}
