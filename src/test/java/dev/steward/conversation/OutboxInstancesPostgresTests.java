package dev.steward.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.StewardApplication;
import dev.steward.conversation.spi.Door;
import dev.steward.support.PostgresDatabase;

/**
 * Two Steward instances on one PostgreSQL database share one outbox: every message is delivered
 * once, by one of them, each conversation's in order and paced; a conversation a dead instance held
 * is taken over when its lease runs out.
 */
class OutboxInstancesPostgresTests {

	/** The platform's least gap between two posts to one channel, as each instance's door paces it. */
	static final Duration PACE = Duration.ofMillis(150);

	final String database = "steward_test_outbox_" + UUID.randomUUID().toString().substring(0, 8);

	String url;

	final Platform platform = new Platform();

	final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@BeforeEach
	void makeDatabase() {
		url = PostgresDatabase.create(database);
	}

	@AfterEach
	void dropDatabase() {
		instances.forEach(ConfigurableApplicationContext::close);
		PostgresDatabase.drop(database);
	}

	@Test
	void twoInstancesDeliverEveryMessageOnceInOrderAndPaced() {
		var a = start("A");
		var b = start("B");
		int channels = 16;
		int each = 8;
		// written alternately by the two instances, as requests alternate behind a load balancer
		for (int n = 0; n < each; n++) {
			for (int c = 0; c < channels; c++) {
				var writer = (n + c) % 2 == 0 ? a : b;
				var text = "c" + c + "-" + n;
				var channel = ChannelRef.channel(Platform.NAME, "C" + c);
				writer.getBean(TransactionTemplate.class)
					.executeWithoutResult(status -> writer.getBean(Outbox.class).toChannel(channel, Message.text(text), null));
			}
		}

		await().atMost(Duration.ofSeconds(60)).until(() -> platform.posts.size() >= channels * each);
		assertThat(platform.posts).extracting(Post::outboxId).doesNotHaveDuplicates().hasSize(channels * each);
		var byChannel = platform.posts.stream().collect(Collectors.groupingBy(Post::channel));
		for (int c = 0; c < channels; c++) {
			var posts = byChannel.get("C" + c);
			var expected = new ArrayList<String>();
			for (int n = 0; n < each; n++) {
				expected.add("c" + c + "-" + n);
			}
			assertThat(posts).extracting(Post::text).as("channel C%d in order", c).containsExactlyElementsOf(expected);
			for (int i = 1; i < posts.size(); i++) {
				var gap = Duration.between(posts.get(i - 1).at(), posts.get(i).at());
				assertThat(gap).as("channel C%d paced across instances", c).isGreaterThanOrEqualTo(PACE.minusMillis(10));
			}
		}
		assertThat(platform.posts).extracting(Post::instance).as("both instances delivered").contains("A", "B");
		await().atMost(Duration.ofSeconds(10)).until(() -> pending(a) == 0);
	}

	@Test
	void aConversationADeadInstanceHeldIsTakenOverWhenItsLeaseRunsOut() {
		var b = start("B");
		var jdbc = b.getBean(JdbcClient.class);
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		// an instance that died while it held the conversation: its claim runs for another two seconds
		jdbc.sql("insert into outbox_lease (door, address, holder, expires_at) values (:door, 'C-dead', 'dead/1', :until)")
			.param("door", Platform.NAME)
			.param("until", now.plusSeconds(2))
			.update();
		long written = System.nanoTime();
		b.getBean(TransactionTemplate.class)
			.executeWithoutResult(status -> b.getBean(Outbox.class)
				.toChannel(ChannelRef.channel(Platform.NAME, "C-dead"), Message.text("left behind"), null));
		b.getBean(TransactionTemplate.class)
			.executeWithoutResult(status -> b.getBean(Outbox.class)
				.toChannel(ChannelRef.channel(Platform.NAME, "C-alive"), Message.text("goes at once"), null));

		await().atMost(Duration.ofSeconds(10)).until(() -> platform.texts().contains("goes at once"));
		assertThat(platform.texts()).as("the dead instance still holds its conversation").doesNotContain("left behind");
		await().atMost(Duration.ofSeconds(10)).until(() -> platform.texts().contains("left behind"));
		assertThat(Duration.ofNanos(System.nanoTime() - written)).as("not before the lease ran out")
			.isGreaterThanOrEqualTo(Duration.ofMillis(1500));
		assertThat(platform.posts).extracting(Post::instance).containsOnly("B");
	}

	@Test
	void aConversationDeliveredAgainWithinItsLeaseIsNotClaimedAgain() {
		var b = start("B");
		var jdbc = b.getBean(JdbcClient.class);
		var channel = ChannelRef.channel(Platform.NAME, "C-again");
		b.getBean(TransactionTemplate.class)
			.executeWithoutResult(status -> b.getBean(Outbox.class).toChannel(channel, Message.text("first"), null));
		await().atMost(Duration.ofSeconds(10)).until(() -> platform.texts().contains("first"));
		var claimed = leaseOf(jdbc, channel);

		b.getBean(TransactionTemplate.class)
			.executeWithoutResult(status -> b.getBean(Outbox.class).toChannel(channel, Message.text("second"), null));
		await().atMost(Duration.ofSeconds(10)).until(() -> platform.texts().contains("second"));

		assertThat(leaseOf(jdbc, channel)).as("held for more than half its lease yet: not written again")
			.isEqualTo(claimed);
		assertThat(claimed).as("held for the lease, not cut to the linger on letting go")
			.isAfter(OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2));
	}

	private static OffsetDateTime leaseOf(JdbcClient jdbc, ChannelRef channel) {
		return jdbc.sql("select expires_at from outbox_lease where door = :door and address = :address")
			.param("door", channel.door())
			.param("address", channel.id())
			.query(OffsetDateTime.class)
			.single();
	}

	private long pending(ConfigurableApplicationContext instance) {
		return instance.getBean(JdbcClient.class)
			.sql("select count(*) from outbox_message where status = 'PENDING'")
			.query(Long.class)
			.single();
	}

	private ConfigurableApplicationContext start(String name) {
		var door = new InstanceDoor(name, platform);
		var context = new SpringApplicationBuilder(StewardApplication.class).profiles("test")
			.initializers(ctx -> ctx.getBeanFactory().registerSingleton("instanceDoor", door))
			.run("--spring.datasource.url=" + url,
					"--spring.datasource.username=" + PostgresDatabase.user(),
					"--spring.datasource.password=" + PostgresDatabase.password(),
					"--spring.datasource.hikari.maximum-pool-size=6", "--server.port=0",
					// a short lease, so the test sees a dead instance's run out
					"--steward.outbox.lease=8s", "--steward.outbox.linger=1s");
		instances.add(context);
		return context;
	}

	record Post(long outboxId, String channel, String text, String instance, Instant at) {
	}

	/** The platform both instances post to: what it received, in order, and from which instance. */
	static final class Platform {

		static final String NAME = "shared";

		final List<Post> posts = new CopyOnWriteArrayList<>();

		synchronized void post(long id, String channel, String text, String instance) {
			posts.add(new Post(id, channel, text, instance, Instant.now()));
		}

		List<String> texts() {
			return posts.stream().map(Post::text).toList();
		}

	}

	/** One instance's door to the shared platform: paces each channel as Slack's door does. */
	static final class InstanceDoor implements Door {

		private final String instance;

		private final Platform platform;

		private final Map<String, Instant> free = new ConcurrentHashMap<>();

		InstanceDoor(String instance, Platform platform) {
			this.instance = instance;
			this.platform = platform;
		}

		@Override
		public String name() {
			return Platform.NAME;
		}

		@Override
		public String post(Delivery delivery) throws DeliveryFailure {
			var channel = delivery.to().id();
			var now = Instant.now();
			var next = free.get(channel);
			if (next != null && next.isAfter(now)) {
				throw DeliveryFailure.paced(Duration.between(now, next));
			}
			platform.post(delivery.id(), channel, delivery.message().fallback(), instance);
			free.put(channel, Instant.now().plus(PACE));
			return instance.toLowerCase(Locale.ROOT) + "-" + delivery.id();
		}

		@Override
		public void update(Delivery delivery, String platformMessageId) {
		}

	}

}
