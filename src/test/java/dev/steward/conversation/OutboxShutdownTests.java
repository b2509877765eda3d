package dev.steward.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.steward.StewardApplication;
import dev.steward.conversation.spi.Door;

/**
 * A graceful shutdown finishes the deliveries in flight: the message a worker is handing to a
 * platform when Steward is told to stop is delivered and recorded as sent before the application
 * closes, and the messages after it are left for the next start, untried, rather than begun.
 */
class OutboxShutdownTests {

	/** A platform that holds each post until the test lets it go, and remembers what it was given. */
	static final class HeldDoor implements Door {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final List<String> posted = new CopyOnWriteArrayList<>();

		@Override
		public String name() {
			return "held";
		}

		@Override
		public String post(Delivery delivery) {
			entered.countDown();
			try {
				if (!release.await(30, TimeUnit.SECONDS)) {
					throw new IllegalStateException("never released");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			posted.add(delivery.message().fallback());
			return "held-" + delivery.id();
		}

		@Override
		public void update(Delivery delivery, String platformMessageId) {
		}

	}

	static final HeldDoor DOOR = new HeldDoor();

	@Configuration(proxyBeanMethods = false)
	static class HeldDoorConfiguration {

		@Bean
		HeldDoor heldDoor() {
			return DOOR;
		}

	}

	@Test
	void stoppingFinishesTheMessageInFlightAndBeginsNoOther() throws Exception {
		var data = Files.createTempDirectory("steward-shutdown");
		var url = "jdbc:h2:file:" + data.resolve("steward") + ";DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
		var app = new SpringApplicationBuilder(StewardApplication.class, HeldDoorConfiguration.class).profiles("test")
			.web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + url, "--spring.datasource.hikari.maximum-pool-size=4",
					"--spring.quartz.scheduler-name=steward-shutdown", "--steward.playground.enabled=false");
		var outbox = app.getBean(Outbox.class);
		var conversation = ChannelRef.channel("held", "C-shutdown");
		outbox.toChannel(conversation, Message.text("first"), null);
		outbox.toChannel(conversation, Message.text("second"), null);
		assertThat(DOOR.entered.await(20, TimeUnit.SECONDS)).as("the first message reached the platform").isTrue();

		var closing = new Thread(app::close, "closing");
		closing.start();
		// the application waits for the message in flight, however long the platform takes
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(closing::isAlive);
		DOOR.release.countDown();
		closing.join(Duration.ofSeconds(30).toMillis());
		assertThat(closing.isAlive()).as("closed once the message was delivered").isFalse();

		assertThat(DOOR.posted).containsExactly("first");
		try (var connection = DriverManager.getConnection(url, "sa", "");
				var rows = connection.createStatement()
					.executeQuery("select body, status, platform_message_id, tried_at from outbox_message order by id")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString("body")).contains("first");
			assertThat(rows.getString("status")).as("the message in flight is recorded as sent").isEqualTo("SENT");
			assertThat(rows.getString("platform_message_id")).startsWith("held-");
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString("body")).contains("second");
			assertThat(rows.getString("status")).as("the next one waits for the next start").isEqualTo("PENDING");
			assertThat(rows.getObject("tried_at")).as("and was never handed to the platform").isNull();
		}
	}

}
