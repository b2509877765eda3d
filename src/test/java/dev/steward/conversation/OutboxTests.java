package dev.steward.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.conversation.spi.Door;

/** The outbox: written with the change, delivered after commit, retried, updated in place. */
@SpringBootTest
@ActiveProfiles("test")
@Import(OutboxTests.FlakyDoorConfiguration.class)
class OutboxTests {

	@Autowired
	Outbox outbox;

	@Autowired
	FlakyDoor door;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMessageRefusedTwiceIsDeliveredOnceAndItsIdRecorded() {
		var channel = channel("retry");
		door.failNext(channel.id(), 2, false);
		tx.executeWithoutResult(status -> outbox.toChannel(channel, Message.text("hello"), "k-retry"));

		// the row is settled just after the platform answered: wait for that, not only for the post
		await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(row("k-retry").get("status")));
		assertThat(door.posted(channel.id())).hasSize(1);
		assertThat(door.attempts(channel.id())).isEqualTo(3);
		assertThat(row("k-retry")).containsEntry("attempts", 2);
		assertThat(row("k-retry").get("platform_message_id")).isEqualTo(door.posted(channel.id()).get(0));
	}

	@Test
	void anUpdateWrittenBeforeDeliveryRewritesTheSameMessage() {
		var channel = channel("update");
		door.failNext(channel.id(), 1, false);
		tx.executeWithoutResult(status -> {
			outbox.toChannel(channel, Message.text("Approve?"), "k-update");
			outbox.update("k-update", Message.text("Approved by Li Na"));
		});

		await().atMost(Duration.ofSeconds(10))
			.until(() -> "Approved by Li Na".equals(door.current(channel.id())));
		assertThat(door.posted(channel.id())).hasSize(1);
	}

	@Test
	void aSlowConversationHoldsUpNoOther() {
		var slow = channel("slow");
		var quick = channel("quick");
		door.holdNext(slow.id());
		try {
			tx.executeWithoutResult(status -> {
				outbox.toChannel(slow, Message.text("takes its time"), null);
				outbox.toChannel(quick, Message.text("goes at once"), null);
			});
			await().atMost(Duration.ofSeconds(10)).until(() -> door.posted(quick.id()).size() == 1);
			assertThat(door.posted(slow.id())).as("still held by the platform").isEmpty();
		}
		finally {
			door.release(slow.id());
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> door.posted(slow.id()).size() == 1);
	}

	@Test
	void aMessageWrittenWhileAnotherConversationIsSlowGoesOutAtOnce() {
		var slow = channel("slow-first");
		var later = channel("written-later");
		door.holdNext(slow.id());
		try {
			tx.executeWithoutResult(status -> outbox.toChannel(slow, Message.text("takes its time"), null));
			await().atMost(Duration.ofSeconds(10)).until(() -> door.attempts(slow.id()) == 1);

			tx.executeWithoutResult(status -> outbox.toChannel(later, Message.text("does not wait for it"), null));
			await().atMost(Duration.ofSeconds(10)).until(() -> door.posted(later.id()).size() == 1);
			assertThat(door.posted(slow.id())).as("still held by the platform").isEmpty();
		}
		finally {
			door.release(slow.id());
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> door.posted(slow.id()).size() == 1);
		assertThat(door.attempts(slow.id())).as("delivered once, by one worker").isEqualTo(1);
	}

	@Autowired
	OutboxSettings settings;

	@Test
	void aConversationWithSeveralMessagesWaitingGoesBeforeConversationsWithOne() {
		chainGoesFirst(false);
	}

	@Test
	void aConversationWaitingForAWorkerMovesUpWhenItsNextMessageIsWritten() {
		chainGoesFirst(true);
	}

	/**
	 * Every worker busy, ten conversations of one message written, then one of two (in one
	 * transaction, or in two, the second while the first waits for a worker): the two go first.
	 */
	private void chainGoesFirst(boolean oneAtATime) {
		// every worker busy with a conversation the platform holds
		var holding = new java.util.ArrayList<ChannelRef>();
		for (int i = 0; i < settings.workers(); i++) {
			var held = channel("held-" + i);
			holding.add(held);
			door.holdNext(held.id());
		}
		var singles = new java.util.ArrayList<ChannelRef>();
		var chain = channel("chain");
		try {
			tx.executeWithoutResult(status -> holding.forEach(held -> outbox.toChannel(held, Message.text("held"), null)));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> holding.stream().allMatch(held -> door.attempts(held.id()) == 1));
			// first ten conversations of one message each, then one of two: all wait for a worker
			for (int i = 0; i < 10; i++) {
				singles.add(channel("single-" + i));
			}
			tx.executeWithoutResult(status -> singles.forEach(single -> outbox.toChannel(single, Message.text("one"), null)));
			if (oneAtATime) {
				tx.executeWithoutResult(status -> outbox.toChannel(chain, Message.text("first of two"), null));
				tx.executeWithoutResult(status -> outbox.toChannel(chain, Message.text("second of two"), null));
			}
			else {
				tx.executeWithoutResult(status -> {
					outbox.toChannel(chain, Message.text("first of two"), null);
					outbox.toChannel(chain, Message.text("second of two"), null);
				});
			}
		}
		finally {
			holding.forEach(held -> door.release(held.id()));
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> door.posted(chain.id()).size() == 2
					&& singles.stream().allMatch(single -> door.posted(single.id()).size() == 1));
		// the door numbers its posts in the order it took them
		int chainFirst = number(door.posted(chain.id()).get(0));
		assertThat(singles).allSatisfy(single -> assertThat(number(door.posted(single.id()).get(0)))
			.as("a single message written before the chain still goes after its first").isGreaterThan(chainFirst));
	}

	private static int number(String postId) {
		return Integer.parseInt(postId.substring(1));
	}

	@Test
	void aMessageKeptUntilItsTimeGoesOutThenWithWhatCameAfterIt() {
		var channel = channel("kept");
		var due = java.time.Instant.now().plusMillis(1500);
		tx.executeWithoutResult(status -> {
			outbox.toChannel(channel, Message.text("at ten"), "k-kept", due);
			outbox.update("k-kept", Message.text("at ten, updated"));
			outbox.toChannel(channel, Message.text("after it"), null);
		});
		var other = channel("not-kept");
		tx.executeWithoutResult(status -> outbox.toChannel(other, Message.text("now"), null));

		await().atMost(Duration.ofSeconds(10)).until(() -> door.texts(other.id()).size() == 1);
		assertThat(door.texts(channel.id())).as("nothing of the kept conversation before its time").isEmpty();
		await().atMost(Duration.ofSeconds(10)).until(() -> door.texts(channel.id()).size() == 2);
		assertThat(door.firstPostAt(channel.id())).as("not before its time").isAfterOrEqualTo(due);
		assertThat(door.texts(channel.id())).containsExactly("at ten", "after it");
		assertThat(door.updates(channel.id())).as("the update went after the message it rewrites")
			.containsExactly("at ten, updated");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select count(*) from outbox_message where message_key = 'k-kept' and status = 'SENT'")
				.query(Long.class)
				.single() == 2);
	}

	@Test
	void aConversationsMessagesKeepTheirOrderWhenOneMustWait() {
		var channel = channel("order");
		door.failNext(channel.id(), 1, false);
		tx.executeWithoutResult(status -> {
			outbox.toChannel(channel, Message.text("first"), null);
			outbox.toChannel(channel, Message.text("second"), null);
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> door.posted(channel.id()).size() == 2);
		assertThat(door.texts(channel.id())).containsExactly("first", "second");
	}

	@Test
	void pacingWaitsAreNotCountedAsFailedAttempts() {
		var channel = channel("paced");
		door.paceNext(channel.id(), OutboxDispatcher.MAX_ATTEMPTS + 2);
		tx.executeWithoutResult(status -> outbox.toChannel(channel, Message.text("in good time"), "k-paced"));

		await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(row("k-paced").get("status")));
		assertThat(door.posted(channel.id())).hasSize(1);
		assertThat(row("k-paced")).containsEntry("attempts", 0);
	}

	@Test
	void aMessageIsNeverGivenUpForThePlatformsRateLimit() {
		var channel = channel("rate-limited");
		door.rateLimitNext(channel.id(), OutboxDispatcher.MAX_ATTEMPTS * 2);
		tx.executeWithoutResult(status -> outbox.toChannel(channel, Message.text("when Slack has room"), "k-limited"));

		await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(row("k-limited").get("status")));
		assertThat(door.posted(channel.id())).hasSize(1);
		assertThat(row("k-limited")).as("a refusal for the rate limit is no failed attempt").containsEntry("attempts", 0);
		assertThat(door.mayBeThere(channel.id())).as("a refused post is not on the platform").doesNotContain(true);
	}

	@Test
	void aMessageTheDoorIsNotReadyForWaitsUntriedAndItsConversationWithIt() {
		var channel = channel("not-ready");
		door.notReadyNext(channel.id(), 3);
		tx.executeWithoutResult(status -> {
			outbox.toChannel(channel, Message.text("first"), "k-not-ready-1");
			outbox.toChannel(channel, Message.text("second"), "k-not-ready-2");
		});

		await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(row("k-not-ready-2").get("status")));
		assertThat(door.postedTooSoon).as("nothing handed to the door before it was ready").hasValue(0);
		assertThat(door.texts(channel.id())).containsExactly("first", "second");
		assertThat(door.mayBeThere(channel.id())).as("a wait for readiness is no attempt").containsExactly(false, false);
		assertThat(row("k-not-ready-1")).containsEntry("attempts", 0);
	}

	@Test
	void onlyAnAttemptAfterOneThatMayHaveReachedThePlatformIsToldToLookFirst() {
		var failed = channel("may-be-there");
		door.failNext(failed.id(), 1, false);
		var paced = channel("never-left");
		door.paceNext(paced.id(), 2);
		tx.executeWithoutResult(status -> {
			outbox.toChannel(failed, Message.text("maybe"), null);
			outbox.toChannel(paced, Message.text("surely not"), null);
		});

		await().atMost(Duration.ofSeconds(10))
			.until(() -> door.posted(failed.id()).size() == 1 && door.posted(paced.id()).size() == 1);
		assertThat(door.mayBeThere(failed.id())).as("the failed attempt may have posted").containsExactly(false, true);
		assertThat(door.mayBeThere(paced.id())).as("waits for pacing never left").containsExactly(false, false, false);
	}

	@Test
	void aPermanentFailureIsGivenUpAndItsUpdatesToo() {
		var channel = channel("broken");
		door.failNext(channel.id(), 1, true);
		tx.executeWithoutResult(status -> outbox.toChannel(channel, Message.text("lost cause"), "k-broken"));
		await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(row("k-broken").get("status")));
		tx.executeWithoutResult(status -> outbox.update("k-broken", Message.text("never")));
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc
			.sql("select count(*) from outbox_message where message_key = 'k-broken' and status = 'FAILED'")
			.query(Integer.class)
			.single() == 2);
		assertThat(door.posted(channel.id())).isEmpty();
	}

	@Autowired
	OutboxDispatcher dispatcher;

	@Test
	void onTheEmbeddedDatabaseClaimsAreForgottenAtStartAndNoneAreMade() {
		var channel = channel("restarted");
		// this instance's previous run was killed while it held the conversation for another minute
		jdbc.sql("insert into outbox_lease (door, address, holder, expires_at) values (:door, :address, 'killed/1', :until)")
			.param("door", channel.door())
			.param("address", channel.id())
			.param("until", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(1))
			.update();

		dispatcher.leases().start(); // as the dispatcher does when it starts
		tx.executeWithoutResult(status -> outbox.toChannel(channel, Message.text("not held up"), null));

		await().atMost(Duration.ofSeconds(10)).until(() -> door.posted(channel.id()).size() == 1);
		assertThat(jdbc.sql("select count(*) from outbox_lease").query(Long.class).single())
			.as("one process alone opens an embedded database: it claims nothing").isZero();
	}

	@Test
	void aRolledBackChangeSendsNothing() {
		var channel = channel("rollback");
		assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
			outbox.toChannel(channel, Message.text("should not exist"), "k-rollback");
			throw new IllegalStateException("the change failed");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(jdbc.sql("select count(*) from outbox_message where message_key = 'k-rollback'")
			.query(Integer.class)
			.single()).isZero();
	}

	private static ChannelRef channel(String name) {
		return ChannelRef.channel(FlakyDoor.NAME, name + System.nanoTime());
	}

	private Map<String, Object> row(String key) {
		return jdbc.sql("select status, attempts, platform_message_id from outbox_message where message_key = :key"
				+ " and kind = 'POST'")
			.param("key", key)
			.query((rs, n) -> Map.<String, Object>of("status", rs.getString(1), "attempts", rs.getInt(2),
					"platform_message_id", String.valueOf(rs.getString(3))))
			.single();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FlakyDoorConfiguration {

		@Bean
		FlakyDoor flakyDoor() {
			return new FlakyDoor();
		}

	}

	/** A platform that refuses the first few deliveries to a channel, as a busy one does. */
	static class FlakyDoor implements Door {

		static final String NAME = "flaky";

		private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

		private final Map<String, Boolean> permanent = new ConcurrentHashMap<>();

		private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

		private final Map<String, List<String>> posted = new ConcurrentHashMap<>();

		private final Map<String, String> bodies = new ConcurrentHashMap<>();

		/** Per channel, whether each attempt to post was told the message may already be there. */
		private final Map<String, List<Boolean>> mayBeThere = new ConcurrentHashMap<>();

		List<Boolean> mayBeThere(String channel) {
			return mayBeThere.getOrDefault(channel, List.of());
		}

		private final AtomicInteger ids = new AtomicInteger();

		private final Map<String, AtomicInteger> paced = new ConcurrentHashMap<>();

		private final Map<String, java.util.concurrent.CountDownLatch> held = new ConcurrentHashMap<>();

		private final Map<String, List<String>> texts = new ConcurrentHashMap<>();

		/** The next post to the channel is answered only when released (a slow platform). */
		void holdNext(String channel) {
			held.put(channel, new java.util.concurrent.CountDownLatch(1));
		}

		void release(String channel) {
			var latch = held.remove(channel);
			if (latch != null) {
				latch.countDown();
			}
		}

		List<String> texts(String channel) {
			return texts.getOrDefault(channel, List.of());
		}

		void paceNext(String channel, int times) {
			paced.put(channel, new AtomicInteger(times));
		}

		private final Map<String, AtomicInteger> limited = new ConcurrentHashMap<>();

		/** The next posts to a channel are refused for the platform's rate limit. */
		void rateLimitNext(String channel, int times) {
			limited.put(channel, new AtomicInteger(times));
		}

		/** Times the door will yet say a channel is not ready, by its pacing. */
		private final Map<String, AtomicInteger> notReady = new ConcurrentHashMap<>();

		/** Posts handed to the door while it said their channel was not ready. */
		final AtomicInteger postedTooSoon = new AtomicInteger();

		void notReadyNext(String channel, int times) {
			notReady.put(channel, new AtomicInteger(times));
		}

		@Override
		public Duration readyIn(dev.steward.conversation.ChannelRef to) {
			var left = notReady.get(to.id());
			return left != null && left.getAndDecrement() > 0 ? Duration.ofMillis(10) : Duration.ZERO;
		}

		void failNext(String channel, int times, boolean forever) {
			failures.put(channel, new AtomicInteger(times));
			permanent.put(channel, forever);
		}

		@Override
		public String name() {
			return NAME;
		}

		@Override
		public String post(Delivery delivery) throws DeliveryFailure {
			var channel = delivery.to().id();
			var notYet = notReady.get(channel);
			if (notYet != null && notYet.get() > 0) {
				postedTooSoon.incrementAndGet();
			}
			mayBeThere.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(delivery.mayBeThere());
			if (paced.getOrDefault(channel, new AtomicInteger()).getAndDecrement() > 0) {
				throw DeliveryFailure.paced(Duration.ofMillis(10));
			}
			if (limited.getOrDefault(channel, new AtomicInteger()).getAndDecrement() > 0) {
				throw DeliveryFailure.rateLimited("rate limited", Duration.ofMillis(10));
			}
			attempts.computeIfAbsent(channel, c -> new AtomicInteger()).incrementAndGet();
			var left = failures.getOrDefault(channel, new AtomicInteger());
			if (left.getAndDecrement() > 0) {
				throw new DeliveryFailure("busy", permanent.getOrDefault(channel, false), Duration.ofMillis(50));
			}
			var latch = held.get(channel);
			if (latch != null) {
				try {
					latch.await(20, java.util.concurrent.TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			var id = "f" + ids.incrementAndGet();
			firstPostAt.putIfAbsent(channel, java.time.Instant.now());
			posted.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(id);
			texts.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(delivery.message().fallback());
			bodies.put(channel, delivery.message().fallback());
			return id;
		}

		@Override
		public void update(Delivery delivery, String platformMessageId) {
			updates.computeIfAbsent(delivery.to().id(), c -> new CopyOnWriteArrayList<>()).add(delivery.message().fallback());
			bodies.put(delivery.to().id(), delivery.message().fallback());
		}

		private final Map<String, java.time.Instant> firstPostAt = new ConcurrentHashMap<>();

		private final Map<String, List<String>> updates = new ConcurrentHashMap<>();

		/** When the door took the channel's first post. */
		java.time.Instant firstPostAt(String channel) {
			return firstPostAt.get(channel);
		}

		/** The texts of the updates handed to the door for a channel, in order. */
		List<String> updates(String channel) {
			return updates.getOrDefault(channel, List.of());
		}

		List<String> posted(String channel) {
			return posted.getOrDefault(channel, List.of());
		}

		int attempts(String channel) {
			return attempts.getOrDefault(channel, new AtomicInteger()).get();
		}

		String current(String channel) {
			return bodies.get(channel);
		}

	}

}
