package dev.steward.discord;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.steward.firm.Database;
import net.dv8tion.jda.api.JDA;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Wires the Discord door's gateway session ({@link DiscordGateway}: logged in on this instance alone,
 * or on the one of several that holds the gateway lock) and its health.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnDiscord
@EnableConfigurationProperties(DiscordProperties.class)
class DiscordConfiguration {

	/**
	 * JDA's HTTP client as JDA makes its own (a pool of five connections, 25 requests at a time to
	 * Discord), but with a limit on a whole call: JDA's limits each read to 10 seconds, so an answer
	 * that trickles in would hold a request, and the outbox worker waiting for it, without end.
	 */
	static OkHttpClient.Builder http(Duration timeout) {
		var dispatcher = new Dispatcher();
		dispatcher.setMaxRequestsPerHost(25);
		var read = timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10);
		return new OkHttpClient.Builder().connectionPool(new ConnectionPool(5, 10, TimeUnit.SECONDS))
			.dispatcher(dispatcher)
			.connectTimeout(read)
			.readTimeout(read)
			.writeTimeout(read)
			.callTimeout(timeout);
	}

	@Bean
	DiscordGateway discordGateway(DiscordProperties properties, DiscordInteractions interactions,
			DiscordCommands commands, DataSource dataSource, Database database) {
		return new DiscordGateway(properties, interactions, commands, dataSource, database);
	}

	/**
	 * The door's health as {@code discord}, in the readiness group. The instance holding the gateway
	 * ({@code role: leader}) is up while its session is connected, with its state and heartbeat, and
	 * down while it connects, reconnects or has failed. One of several waiting to take over
	 * ({@code role: standby}) is up: it delivers to Discord and serves Slack as well as the leader.
	 */
	@Bean("discordHealthIndicator")
	HealthIndicator discordHealth(DiscordGateway gateway) {
		return () -> {
			var jda = gateway.jda();
			if (jda == null) {
				return Health.up().withDetail("role", "standby").withDetail("gateway", "held by another instance").build();
			}
			var status = jda.getStatus();
			var builder = status == JDA.Status.CONNECTED ? Health.up() : Health.down();
			return builder.withDetail("role", "leader")
				.withDetail("gateway", status.name())
				.withDetail("pingMillis", jda.getGatewayPing())
				.build();
		};
	}

}
