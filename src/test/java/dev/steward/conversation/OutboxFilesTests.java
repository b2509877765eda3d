package dev.steward.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.conversation.spi.ChatGateway;
import dev.steward.conversation.spi.Door;
import dev.steward.support.RecordingDoor;
import dev.steward.support.SampleFiles;
import dev.steward.support.TestDoorConfiguration;

/**
 * Files through the outbox: kept in rows of their own until the message is settled, delivered once
 * with it across a retry and a restart of the dispatcher; an ephemeral answer's files go to the
 * person's direct messages.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import({ OutboxFilesTests.FileDoorConfiguration.class, TestDoorConfiguration.class })
class OutboxFilesTests {

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxDispatcher dispatcher;

	@Autowired
	FileDoor door;

	@Autowired
	RecordingDoor recording;

	@Autowired
	ChatGateway gateway;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMessageWithAPngAndACsvWaitsOutAStoppedDispatcherAndIsDeliveredOnceWithBothFiles() {
		var channel = ChannelRef.channel(FileDoor.NAME, "restart" + System.nanoTime());
		var report = SampleFiles.report("Weekly risk report");
		dispatcher.stop();
		try {
			tx.executeWithoutResult(status -> outbox.toChannel(channel, report, "k-restart"));
			var body = jdbc.sql("select body from outbox_message where message_key = 'k-restart'")
				.query(String.class)
				.single();
			assertThat(body).as("the bytes are not in the JSON text").doesNotContain("files").hasSizeLessThan(200);
			assertThat(files("k-restart")).isEqualTo(2);
		}
		finally {
			dispatcher.start();
		}
		dispatcher.wake();

		await().atMost(Duration.ofSeconds(10)).until(() -> door.posted(channel.id()).size() == 1);
		assertThat(door.posted(channel.id()).get(0)).isEqualTo(report);
		await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status("k-restart")));
		assertThat(files("k-restart")).isZero();
	}

	@Test
	void aPostWhoseAnswerWasLostIsRetriedWithItsFilesAndShownOnce() {
		var channel = ChannelRef.channel(FileDoor.NAME, "lost" + System.nanoTime());
		door.loseFirstAnswer(channel.id());
		var report = SampleFiles.report("Export");
		tx.executeWithoutResult(status -> outbox.toChannel(channel, report, "k-lost"));

		await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status("k-lost")));
		assertThat(door.attempts(channel.id())).as("each attempt had both files")
			.containsExactly(report, report);
		assertThat(door.posted(channel.id())).containsExactly(report);
		assertThat(files("k-lost")).isZero();
	}

	@Test
	void anUpdateCannotChangeAMessagesFiles() {
		assertThatThrownBy(() -> outbox.update("k-any", SampleFiles.report("again")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("An update cannot change a message's files; post a new message with them");
	}

	@Test
	void filesInAnEphemeralAnswerGoToThePersonsDirectMessagesAndTheAnswerSaysSo() {
		var emma = new Actor(RecordingDoor.NAME, "emma.wilson");
		var reply = gateway.command(new ChatCommand(emma, ChannelRef.channel(RecordingDoor.NAME, "general"), "export",
				"risks"));

		assertThat(reply).isInstanceOfSatisfying(Reply.Ephemeral.class, ephemeral -> {
			assertThat(ephemeral.message().files()).isEmpty();
			assertThat(ephemeral.message().blocks()).last()
				.isEqualTo(new Block.Context("I sent the 2 files to your direct messages with me: risk-heat-map.png, risks.csv"));
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> recording.directTo("emma.wilson").size() == 1);
		assertThat(recording.directTo("emma.wilson").get(0).message()).isEqualTo(SampleFiles.report("Your export"));
	}

	private String status(String key) {
		return jdbc.sql("select status from outbox_message where message_key = :key").param("key", key)
			.query(String.class).single();
	}

	private int files(String key) {
		return jdbc.sql("""
				select count(*) from outbox_file f join outbox_message m on m.id = f.outbox_id
				where m.message_key = :key""").param("key", key).query(Integer.class).single();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FileDoorConfiguration {

		@Bean
		FileDoor fileDoor() {
			return new FileDoor();
		}

		/** {@code /export risks}: answers the requester alone, with the export attached. */
		@Bean
		ChatCommands exportCommand() {
			return () -> List.of(new CommandSpec("export", "risks", "kernel.help.description",
					request -> Reply.say(SampleFiles.report("Your export"))));
		}

	}

	/**
	 * A platform that keeps each delivery's message, files and all, and can lose the answer to a
	 * post that went through (a time-out), finding it again when told it may be there.
	 */
	static class FileDoor implements Door {

		static final String NAME = "files";

		private final Map<String, List<Message>> attempts = new ConcurrentHashMap<>();

		private final Map<Long, Message> byDelivery = new ConcurrentHashMap<>();

		private final Map<String, List<Message>> posted = new ConcurrentHashMap<>();

		private final Set<String> losing = ConcurrentHashMap.newKeySet();

		void loseFirstAnswer(String channel) {
			losing.add(channel);
		}

		@Override
		public String name() {
			return NAME;
		}

		@Override
		public String post(Delivery delivery) throws DeliveryFailure {
			var channel = delivery.to().id();
			attempts.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(delivery.message());
			if (delivery.mayBeThere() && byDelivery.containsKey(delivery.id())) {
				return "m" + delivery.id();
			}
			byDelivery.put(delivery.id(), delivery.message());
			posted.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(delivery.message());
			if (losing.remove(channel)) {
				throw new DeliveryFailure("timed out", false, Duration.ofMillis(20));
			}
			return "m" + delivery.id();
		}

		@Override
		public void update(Delivery delivery, String platformMessageId) {
		}

		List<Message> attempts(String channel) {
			return attempts.getOrDefault(channel, List.of());
		}

		List<Message> posted(String channel) {
			return posted.getOrDefault(channel, List.of());
		}

	}

}
