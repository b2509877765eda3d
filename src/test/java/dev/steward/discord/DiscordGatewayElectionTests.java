package dev.steward.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.data.DataObject;

import dev.steward.StewardApplication;
import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.Message;
import dev.steward.conversation.spi.Door.Delivery;
import dev.steward.support.PostgresDatabase;

/**
 * Two Steward instances on one PostgreSQL database and one Discord: exactly one holds the gateway
 * (every session would receive every interaction), the other stands by, healthy and delivering, and
 * takes over within 30 s when the leader stops or loses its lock's connection; the old leader's
 * session is shut down then, so there are never two.
 */
class DiscordGatewayElectionTests {

	/** How long a successor may take: the promise in docs/reliability.md. */
	private static final Duration TAKEOVER = Duration.ofSeconds(30);

	private static final String EMMA_WILSON = "100000000000000002";

	private final FakeDiscord discord = new FakeDiscord();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private String database;

	private String url;

	@BeforeEach
	void database() {
		database = "steward_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
			.toLowerCase(Locale.ROOT);
		url = PostgresDatabase.create(database);
	}

	@AfterEach
	void stop() {
		instances.forEach(ConfigurableApplicationContext::close);
		PostgresDatabase.drop(database);
		discord.close();
	}

	/** One more Steward on the test's database, pointed at the fake Discord, trying for the gateway every second. */
	private ConfigurableApplicationContext instance() {
		var instance = new SpringApplicationBuilder(StewardApplication.class).profiles("test")
			.run("--spring.datasource.url=" + url, "--spring.datasource.username=" + PostgresDatabase.user(),
					"--spring.datasource.password=" + PostgresDatabase.password(),
					"--spring.datasource.hikari.maximum-pool-size=4", "--server.port=0",
					"--management.server.port=0", "--management.server.address=127.0.0.1",
					"--DISCORD_BOT_TOKEN=fake-bot-token", "--steward.discord.api-url=" + discord.apiUrl(),
					"--steward.discord.gateway-url=" + discord.gatewayUrl(),
					"--steward.discord.guild-id=" + FakeDiscord.GUILD_ID, "--steward.discord.leader-retry=1s");
		instances.add(instance);
		return instance;
	}

	private static DiscordGateway gateway(ConfigurableApplicationContext instance) {
		return instance.getBean(DiscordGateway.class);
	}

	private static org.springframework.boot.health.contributor.Health health(ConfigurableApplicationContext instance) {
		return instance.getBean("discordHealthIndicator", HealthIndicator.class).health();
	}

	private HttpResponse<String> readiness(ConfigurableApplicationContext instance) throws Exception {
		var port = instance.getEnvironment().getProperty("local.management.port");
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void exactlyOneInstanceHoldsTheGatewayTheOtherStandsByHealthyAndDeliversAndAnInteractionIsAnsweredOnce()
			throws Exception {
		var first = instance();
		var second = instance();

		assertThat(gateway(first).role()).isEqualTo(DiscordGateway.Role.LEADER);
		assertThat(gateway(first).jda().getStatus()).isEqualTo(JDA.Status.CONNECTED);
		// several of the standby's tries later, still one session
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
			.until(() -> discord.identifications() == 1 && discord.connections() == 1
					&& gateway(second).role() == DiscordGateway.Role.STANDBY);

		assertThat(health(first).getStatus()).isEqualTo(Status.UP);
		assertThat(health(first).getDetails()).containsEntry("role", "leader").containsEntry("gateway", "CONNECTED");
		assertThat(health(second).getStatus()).isEqualTo(Status.UP);
		assertThat(health(second).getDetails()).containsEntry("role", "standby");
		var ready = readiness(second);
		assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
		assertThat(DataObject.fromJson(ready.body()).getObject("components").getObject("discord").getObject("details")
			.getString("role")).isEqualTo("standby");

		int callbacks = discord.calls("POST", "/interactions/\\d+/.+/callback").size();
		var answer = new DiscordChat(discord, EMMA_WILSON, "emma", "general", "en-US").command("/steward whoami");
		assertThat(DiscordChat.text(answer)).contains("Emma Wilson");
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
			.until(() -> discord.calls("POST", "/interactions/\\d+/.+/callback").size() == callbacks + 1);

		// the standby delivers to Discord through REST, with no gateway session of its own
		var channel = FakeDiscord.channel("delivery");
		var posted = second.getBean(DiscordDoor.class)
			.post(new Delivery(9_200_001, ChannelRef.channel("discord", channel), Message.text("From the standby")));
		assertThat(posted).startsWith(channel + ":");
		assertThat(discord.messagesIn(channel)).anyMatch(m -> m.getString("content").equals("From the standby"));
		var direct = second.getBean(DiscordDoor.class)
			.post(new Delivery(9_200_002, ChannelRef.direct("discord", EMMA_WILSON), Message.text("A direct one")));
		assertThat(direct).startsWith(discord.dmChannel(EMMA_WILSON) + ":");
		assertThat(discord.mostSessionsAtOnce()).isEqualTo(1);
	}

	@Test
	void whenTheLeaderStopsTheStandbyLogsInWithin30Seconds() {
		var first = instance();
		var second = instance();
		assertThat(gateway(first).role()).isEqualTo(DiscordGateway.Role.LEADER);
		int identified = discord.identifications();

		first.close();
		long stopped = System.nanoTime();
		await().atMost(TAKEOVER).until(() -> gateway(second).role() == DiscordGateway.Role.LEADER
				&& gateway(second).jda().getStatus() == JDA.Status.CONNECTED);
		assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(TAKEOVER);
		assertThat(discord.identifications()).isEqualTo(identified + 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> discord.connections() == 1);
		assertThat(health(second).getDetails()).containsEntry("role", "leader");
		assertThat(DiscordChat.text(new DiscordChat(discord, EMMA_WILSON, "emma", "general", "en-US")
			.command("/steward whoami"))).contains("Emma Wilson");
		assertThat(discord.mostSessionsAtOnce()).as("never two sessions at once").isEqualTo(1);
	}

	@Test
	void whenTheLeadersLockConnectionDiesItsSessionIsShutDownAndTheStandbyLogsInWithin30Seconds() throws Exception {
		var first = instance();
		var second = instance();
		var leading = gateway(first).jda();
		assertThat(leading.getStatus()).isEqualTo(JDA.Status.CONNECTED);
		int identified = discord.identifications();

		// the lock's connection dies, as when the database restarts or the network drops it
		try (var connection = DriverManager.getConnection(url, PostgresDatabase.user(), PostgresDatabase.password());
				var statement = connection.createStatement();
				var killed = statement.executeQuery("""
						select pg_terminate_backend(pid) from pg_locks
						where locktype = 'advisory' and granted
						  and database = (select oid from pg_database where datname = current_database())""")) {
			assertThat(killed.next()).as("the leader holds an advisory lock").isTrue();
			assertThat(killed.getBoolean(1)).isTrue();
		}
		long killedAt = System.nanoTime();

		await().atMost(TAKEOVER).until(() -> leading.getStatus() == JDA.Status.SHUTDOWN);
		assertThat(gateway(first).role()).isEqualTo(DiscordGateway.Role.STANDBY);
		await().atMost(TAKEOVER).until(() -> gateway(second).role() == DiscordGateway.Role.LEADER
				&& gateway(second).jda().getStatus() == JDA.Status.CONNECTED);
		assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(TAKEOVER);
		assertThat(discord.identifications()).isEqualTo(identified + 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> discord.connections() == 1);
		// the old leader stands by and does not take the gateway back
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
			.until(() -> gateway(first).role() == DiscordGateway.Role.STANDBY && discord.connections() == 1);
		assertThat(health(first).getDetails()).containsEntry("role", "standby");
		assertThat(discord.mostSessionsAtOnce()).as("never two sessions at once").isEqualTo(1);
	}

}
