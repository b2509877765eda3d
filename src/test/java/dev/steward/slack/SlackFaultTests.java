package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.Message;
import dev.steward.conversation.Outbox;
import dev.steward.support.ScriptedFaults;
import dev.steward.support.ScriptedFaults.Fault;

/**
 * Slack misbehaving: server errors, 429 with Retry-After, slow answers, answers that never come
 * (the client gives up after {@code steward.slack.api-timeout}), connections broken before or after
 * Slack acted. Whatever the Web API does, Slack hears back within its 3 seconds, a delivery goes out
 * once the fault clears and never twice, and a message Slack keeps failing ends in the admins’ list
 * of undelivered messages ({@code /steward deliveries}), where Retry delivers it and Drop removes it.
 */
@SlackTest
class SlackFaultTests {

	private static final AtomicInteger CHANNELS = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	final FakeSlackApi api = FakeSlackApi.SHARED;

	SlackWorkspace slack;

	@BeforeEach
	void workspace() {
		slack = new SlackWorkspace(port);
	}

	@AfterEach
	void faultsCleared() {
		api.clearFaults();
		assertThat(api.violations()).isEmpty();
	}

	static Stream<Fault> faults() {
		return Fault.all().stream();
	}

	private static String channel() {
		return "C01FAULT" + CHANNELS.incrementAndGet();
	}

	private long send(String channel, String text) {
		tx.executeWithoutResult(status -> outbox.toChannel(ChannelRef.channel(SlackDoor.NAME, channel),
				Message.text(text), null));
		return jdbc.sql("select max(id) from outbox_message where address = :channel").param("channel", channel)
			.query(Long.class).single();
	}

	private String status(long id) {
		return jdbc.sql("select status from outbox_message where id = :id").param("id", id).query(String.class).single();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("faults")
	void aDeliveryThatMeetsAFaultGoesOutOnceWhenItClears(Fault fault) {
		var channel = channel();
		api.fault("chat.postMessage", channel, fault, 2);

		long id = send(channel, "Through a fault: " + fault);

		// meanwhile Slack hears back in time (SlackChat checks each acknowledgement)
		assertThat(new SlackChat(slack, "U01LINA", "C01GENERAL").command("/steward whoami").text()).contains("Li Na");
		await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(status(id)));
		assertThat(api.messages(channel)).singleElement()
			.satisfies(posted -> assertThat(posted.text()).contains("Through a fault"));
		var posts = api.calls("chat.postMessage", call -> channel.equals(call.params().get("channel"))).size();
		switch (fault.kind()) {
			case SLOW -> assertThat(posts).as("a slow answer is waited for").isEqualTo(1);
			case RESET_AFTER_ACTING -> {
				assertThat(posts).as("posted once: the retry found it in the channel").isEqualTo(1);
				assertThat(api.calls("conversations.history", call -> channel.equals(call.params().get("channel"))))
					.isNotEmpty();
			}
			default -> assertThat(posts).as("the fault was met, and the post tried again").isGreaterThan(1);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("faults")
	void aCommandIsAcknowledgedInTimeWhileTheWebApiMisbehaves(Fault fault) {
		api.fault("views.open", null, fault, 1);
		var trigger = UUID.randomUUID().toString();

		long started = System.nanoTime();
		var response = slack.slash("U01EMMAWILSON", "C01GENERAL", "/project", "apply", api.responseUrl(), trigger);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SlackChat.ACK);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !api.calls("views.open", call -> trigger.equals(call.params().get("trigger_id"))).isEmpty());
	}

	@Test
	void aMessageSlackKeepsFailingEndsInTheListAndRetryDeliversItOnce() {
		var channel = channel();
		api.fault("chat.postMessage", channel, Fault.status(500, null), ScriptedFaults.ALWAYS);
		long id = send(channel, "The board pack is ready");

		// through its backoff at once: each wait is over as soon as it begins
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			jdbc.sql("update outbox_message set next_attempt_at = :now where id = :id and status = 'PENDING'")
				.param("now", OffsetDateTime.now(ZoneOffset.UTC))
				.param("id", id)
				.update();
			return "FAILED".equals(status(id));
		});
		assertThat(api.calls("chat.postMessage", call -> channel.equals(call.params().get("channel")))).hasSize(8);
		api.clearFaults();

		var admin = new SlackChat(slack, "U01ADMIN", "C01GENERAL");
		var list = admin.command("/steward deliveries");
		assertThat(list.text()).contains("#" + id, channel, "chat.postMessage: HTTP 500", "The board pack is ready",
				"8 attempts");

		var after = admin.click(list, "Retry #" + id);

		assertThat(after.text()).contains("#" + id + " is queued again").doesNotContain("Retry #" + id);
		assertThat(api.calls("response").get(api.calls("response").size() - 1).json().get("replace_original")
			.getAsBoolean()).as("the list changes in place").isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status(id)));
		assertThat(api.messages(channel)).singleElement()
			.satisfies(posted -> assertThat(posted.text()).contains("The board pack is ready"));
	}

	@Test
	void aMessageSlackRefusesIsDroppedByAnAdminAndNeverSent() {
		var channel = channel();
		api.fault("chat.postMessage", channel, Fault.status(404, null), 1);
		long id = send(channel, "For a channel that is gone");
		await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(status(id)));

		assertThat(new SlackChat(slack, "U01EMMAWILSON", "C01GENERAL").command("/steward deliveries").text())
			.contains("Only Steward admins").doesNotContain("#" + id);
		var admin = new SlackChat(slack, "U01ADMIN", "C01GENERAL");
		var list = admin.command("/steward deliveries");
		assertThat(list.text()).contains("#" + id, "after one attempt", "HTTP 404");

		var after = admin.click(list, "Drop #" + id);

		assertThat(after.text()).contains("#" + id + " was dropped").doesNotContain("Drop #" + id);
		assertThat(status(id)).isEqualTo("DROPPED");
		assertThat(admin.command("/steward deliveries").text()).doesNotContain("#" + id);
		assertThat(api.messages(channel)).isEmpty();
	}

}
