package dev.steward.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.Message;
import dev.steward.conversation.Outbox;
import dev.steward.support.ScriptedFaults;
import dev.steward.support.ScriptedFaults.Fault;
import net.dv8tion.jda.api.JDA;

/**
 * Discord misbehaving: its REST API answers 5xx, 429 with Retry-After, slowly, never (JDA gives up
 * after {@code steward.discord.api-timeout}), or breaks the connection before or after acting; its
 * gateway drops the connection, breaks it without a close, or invalidates the session. Whatever it
 * does, a command is answered within Discord’s 3 seconds, a delivery goes out once the fault clears
 * and never twice, JDA resumes or identifies again, and a message Discord keeps failing ends in the
 * admins’ list of undelivered messages, where Retry delivers it and Drop removes it.
 */
class DiscordFaultTests extends DiscordTest {

	private static final Duration ACK = Duration.ofSeconds(3);

	private static final AtomicInteger TEXTS = new AtomicInteger();

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DiscordGateway gateway;

	@AfterEach
	void faultsCleared() {
		discord.clearFaults();
	}

	static Stream<Fault> faults() {
		return Fault.all().stream();
	}

	private long send(ChannelRef to, String text) {
		tx.executeWithoutResult(status -> outbox.toChannel(to, Message.text(text), null));
		return jdbc.sql("select max(id) from outbox_message where address = :address").param("address", to.id())
			.query(Long.class).single();
	}

	private String status(long id) {
		return jdbc.sql("select status from outbox_message where id = :id").param("id", id).query(String.class).single();
	}

	private long posted(String channelId, String text) {
		return discord.messagesIn(channelId).stream().filter(message -> DiscordChat.text(message).contains(text)).count();
	}

	/** A command answered in time: the whole answer comes before Discord’s 3 seconds are up. */
	private static String answeredInTime(DiscordChat chat, String typed) {
		long started = System.nanoTime();
		var answer = chat.command(typed);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as(typed).isLessThan(ACK);
		return DiscordChat.text(answer);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("faults")
	void aDeliveryThatMeetsAFaultGoesOutOnceWhenItClears(Fault fault) {
		var channel = FakeDiscord.channel("delivery");
		var text = "Through a fault " + TEXTS.incrementAndGet() + ": " + fault;
		discord.fault("POST", "/channels/" + channel + "/messages", fault, 2);

		long id = send(ChannelRef.channel("discord", channel), text);

		// meanwhile commands are answered in time
		assertThat(answeredInTime(chat(LI_NA, "lina", "general"), "/steward whoami")).contains("Li Na");
		await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(status(id)));
		assertThat(posted(channel, text)).isEqualTo(1);
		var posts = discord.calls("POST", "/channels/" + channel + "/messages").stream()
			.filter(call -> call.body().contains(text)).count();
		if (fault.kind() == Fault.Kind.SLOW) {
			assertThat(posts).as("a slow answer is waited for").isEqualTo(1);
		}
		else {
			// a post whose answer was lost is sent again with its nonce, and Discord answers the first
			assertThat(posts).as("the fault was met, and the post tried again").isGreaterThan(1);
		}
	}

	@Test
	void theGatewayDroppingResettingOrInvalidatingTheSessionLeavesCommandsAnsweredAndDeliveriesGoing() {
		var channel = FakeDiscord.channel("delivery");
		var emma = chat(EMMA_WILSON, "emma", "general");

		int resumes = discord.resumes();
		discord.dropConnections();
		long during = send(ChannelRef.channel("discord", channel), "While the gateway was away");
		await().atMost(DiscordChat.PATIENCE).until(() -> discord.resumes() > resumes && gateway.jda().getStatus() == JDA.Status.CONNECTED);
		assertThat(answeredInTime(emma, "/steward whoami")).contains("Emma Wilson");

		int resumed = discord.resumes();
		discord.resetConnections();
		await().atMost(DiscordChat.PATIENCE).until(() -> discord.resumes() > resumed && gateway.jda().getStatus() == JDA.Status.CONNECTED);
		assertThat(answeredInTime(emma, "/steward whoami")).contains("Emma Wilson");

		int identifies = discord.identifies();
		discord.invalidateSessions();
		await().atMost(DiscordChat.PATIENCE)
			.until(() -> discord.identifies() > identifies && gateway.jda().getStatus() == JDA.Status.CONNECTED);
		assertThat(answeredInTime(emma, "/steward whoami")).contains("Emma Wilson");

		await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status(during)));
		assertThat(posted(channel, "While the gateway was away")).isEqualTo(1);
	}

	@Test
	void aMessageDiscordKeepsFailingEndsInTheListAndRetryDeliversItOnce() {
		var channel = FakeDiscord.channel("consulting");
		var text = "The board pack is ready " + TEXTS.incrementAndGet();
		discord.fault("POST", "/channels/" + channel + "/messages", Fault.status(500, null), ScriptedFaults.ALWAYS);
		long id = send(ChannelRef.channel("discord", channel), text);

		// through its backoff at once: each wait is over as soon as it begins
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			jdbc.sql("update outbox_message set next_attempt_at = :now where id = :id and status = 'PENDING'")
				.param("now", OffsetDateTime.now(ZoneOffset.UTC))
				.param("id", id)
				.update();
			return "FAILED".equals(status(id));
		});
		discord.clearFaults();

		var admin = chat(ADMIN, "admin", "general");
		var list = admin.command("/steward deliveries");
		assertThat(list.ephemeral()).isTrue();
		assertThat(DiscordChat.text(list)).contains("#" + id, channel, "500", text, "8 attempts");

		var after = admin.click(list, "Retry #" + id);

		assertThat(after.type()).as("the list changes in place").isEqualTo(FakeDiscord.Answer.UPDATE_MESSAGE);
		assertThat(after.ephemeral()).isTrue();
		assertThat(DiscordChat.text(after)).contains("#" + id + " is queued again").doesNotContain("Retry #" + id);
		await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status(id)));
		assertThat(posted(channel, text)).isEqualTo(1);
	}

	@Test
	void aMessageDiscordRefusesIsDroppedByAnAdminAndNeverSent() {
		var stranger = "555000000000000888";
		discord.closeDirectMessages(stranger);
		long id = send(ChannelRef.direct("discord", stranger), "Nobody can read this");
		await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(status(id)));

		assertThat(DiscordChat.text(chat(EMMA_WILSON, "emma", "general").command("/steward deliveries")))
			.contains("Only Steward admins").doesNotContain("#" + id);
		var admin = chat(ADMIN, "admin", "general");
		var list = admin.command("/steward deliveries");
		assertThat(DiscordChat.text(list)).contains("#" + id, stranger, "Cannot send messages to this user");

		var after = admin.click(list, "Drop #" + id);

		assertThat(after.type()).isEqualTo(FakeDiscord.Answer.UPDATE_MESSAGE);
		assertThat(DiscordChat.text(after)).contains("#" + id + " was dropped").doesNotContain("Drop #" + id);
		assertThat(status(id)).isEqualTo("DROPPED");
		assertThat(DiscordChat.text(admin.command("/steward deliveries"))).doesNotContain("#" + id);
	}

}
