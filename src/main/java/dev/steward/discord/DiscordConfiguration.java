package dev.steward.discord;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Wires JDA to the configured Discord (the real one, or a local fake in tests) and connects it when
 * the application starts, with no optional intent: JDA always asks for guilds (and their channels),
 * which is all interactions and channel deliveries need, and no privileged intent is required.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnDiscord
@EnableConfigurationProperties(DiscordProperties.class)
class DiscordConfiguration {

	/** JDA is stopped by {@link DiscordBot}; shutting it down again here only covers a start that failed. */
	@Bean(destroyMethod = "shutdownNow")
	JDA jda(DiscordProperties properties, DiscordInteractions interactions) {
		var api = properties.apiUrl().toString();
		var builder = JDABuilder.createLight(properties.token(), EnumSet.noneOf(GatewayIntent.class))
			.setRestConfig(new RestConfig().setBaseUrl(api.endsWith("/") ? api : api + "/"))
			.setHttpClientBuilder(http(properties.apiTimeout()))
			.addEventListeners(interactions);
		if (properties.hasGateway()) {
			builder.setSessionController(new SessionControllerAdapter() {
				@Override
				public String getGateway() {
					return properties.gatewayUrl();
				}
			});
		}
		return builder.build();
	}

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

	/**
	 * The door's health as {@code discord}, in the readiness group: up while JDA's gateway session is
	 * connected, with its state and heartbeat; down while it connects, reconnects or has failed.
	 */
	@Bean("discordHealthIndicator")
	HealthIndicator discordHealth(JDA jda) {
		return () -> {
			var status = jda.getStatus();
			var builder = status == JDA.Status.CONNECTED ? Health.up() : Health.down();
			return builder.withDetail("gateway", status.name()).withDetail("pingMillis", jda.getGatewayPing()).build();
		};
	}

	@Bean
	DiscordBot discordBot(JDA jda, DiscordProperties properties, DiscordCommands commands) {
		return new DiscordBot(jda, properties, commands);
	}

	/**
	 * Waits for the gateway on start, then registers the commands (in the guild at once when one is
	 * configured, otherwise globally, which Discord takes up to an hour to show); disconnects on stop.
	 */
	static final class DiscordBot implements SmartLifecycle {

		private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);

		private final JDA jda;

		private final DiscordProperties properties;

		private final DiscordCommands commands;

		private volatile boolean running;

		DiscordBot(JDA jda, DiscordProperties properties, DiscordCommands commands) {
			this.jda = jda;
			this.properties = properties;
			this.commands = commands;
		}

		@Override
		public void start() {
			running = true;
			if (!ready()) {
				log.error("Discord gateway not ready after {}; commands not registered", properties.readyTimeout());
				return;
			}
			try {
				register();
			}
			catch (RuntimeException ex) {
				// Steward still answers the commands Discord already knows; the next start tries again
				log.error("Could not register the Discord commands", ex);
			}
		}

		private void register() {
			var slash = commands.slashCommands();
			if (properties.hasGuild()) {
				var guild = jda.getGuildById(properties.guildId());
				if (guild == null) {
					log.error("The bot is not in guild {} (DISCORD_GUILD_ID): invite it first, see docs/discord.md",
							properties.guildId());
					return;
				}
				guild.updateCommands().addCommands(slash).complete();
				// one source of truth: global commands left from a run without a guild would show twice
				jda.updateCommands().complete();
				log.info("Registered {} Discord commands in guild {}", slash.size(), guild.getName());
			}
			else {
				jda.updateCommands().addCommands(slash).complete();
				log.info("Registered {} Discord commands globally", slash.size());
			}
		}

		/** Waits for READY and the guilds, at most the configured time (JDA's own wait has no limit). */
		private boolean ready() {
			var waiting = new Thread(() -> {
				try {
					jda.awaitReady();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}, "discord-ready");
			waiting.setDaemon(true);
			waiting.start();
			try {
				waiting.join(properties.readyTimeout().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			waiting.interrupt();
			return jda.getStatus() == JDA.Status.CONNECTED;
		}

		@Override
		public void stop() {
			running = false;
			jda.shutdown();
			try {
				if (!jda.awaitShutdown(5, TimeUnit.SECONDS)) {
					jda.shutdownNow();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				jda.shutdownNow();
			}
		}

		@Override
		public boolean isRunning() {
			return running;
		}

	}

}
