package dev.steward.discord;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import com.zaxxer.hikari.HikariDataSource;

import dev.steward.firm.Database;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * The one gateway session of the Discord door. Every session logged in with the bot token would
 * receive every interaction, so when several instances share a PostgreSQL database exactly one of
 * them, the leader, logs in: the one holding a session-level advisory lock on a connection of its
 * own, kept open for as long as it leads. The lock dies with that connection, so with the process
 * too; the others try to take it every {@code leader-retry} (5 s by default), and the leader checks
 * its connection as often, each check given as long again to answer: when the connection is gone or
 * does not answer, it shuts its session down at once, and tries again only after a standby has had
 * its chance. So that the two sessions never overlap, an instance that takes the lock waits two
 * {@code leader-retry} before logging in, by which time a leader that lost it has noticed. The lock's
 * connection asks the server to probe the network every few seconds, so a leader whose machine
 * vanished loses the lock in about 11 s rather than the operating system's two hours: with the
 * defaults a standby is logged in about 15 s after the leader's process dies, 27 s after its machine
 * does.
 * <p>
 * On the embedded H2 database there is one instance, so no election: it logs in when it starts.
 * <p>
 * Logging in waits for the gateway's READY (at most {@code ready-timeout}), then registers the
 * commands: in the guild at once when one is configured, otherwise globally (which Discord takes up
 * to an hour to show).
 */
final class DiscordGateway implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DiscordGateway.class);

	/** The advisory lock's key: "steward-discord-gateway", as one number every instance agrees on. */
	static final long LOCK = 0x5354455744495343L;

	/** What an instance is for the gateway: the one logged in, or one waiting to take over. */
	enum Role {
		LEADER, STANDBY
	}

	private final DiscordProperties properties;

	private final DiscordInteractions interactions;

	private final DiscordCommands commands;

	private final DataSource dataSource;

	private final Database database;

	private volatile JDA jda;

	private volatile boolean elected;

	private volatile boolean running;

	/** The connection that tries for the lock, and holds it while leading; the election thread's alone. */
	private Connection session;

	private boolean leading;

	/** After losing the lock, an instance waits until then before trying again, so a standby goes first. */
	private Instant notBefore = Instant.MIN;

	private ScheduledExecutorService election;

	DiscordGateway(DiscordProperties properties, DiscordInteractions interactions, DiscordCommands commands,
			DataSource dataSource, Database database) {
		this.properties = properties;
		this.interactions = interactions;
		this.commands = commands;
		this.dataSource = dataSource;
		this.database = database;
	}

	/** The session while this instance holds the gateway, else {@code null}. */
	JDA jda() {
		return jda;
	}

	/** Whether this instance holds the gateway (always, without an election). */
	Role role() {
		return jda != null ? Role.LEADER : Role.STANDBY;
	}

	/** Whether instances elect the gateway's holder (on PostgreSQL). */
	boolean elected() {
		return elected;
	}

	@Override
	public void start() {
		running = true;
		elected = database.postgres();
		if (!elected) {
			connect();
			return;
		}
		var retry = properties.leaderRetry().toMillis();
		election = Executors.newSingleThreadScheduledExecutor(runnable -> {
			var thread = new Thread(runnable, "discord-election");
			thread.setDaemon(true);
			return thread;
		});
		// the first round before starting ends: a lone instance is connected when it reports started
		try {
			election.submit(this::round).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (java.util.concurrent.ExecutionException ex) {
			log.error("Discord gateway election failed; will try again", ex.getCause());
		}
		election.scheduleWithFixedDelay(this::round, retry, retry, TimeUnit.MILLISECONDS);
	}

	/** One round on the election thread: the leader checks its lock, a standby tries to take it. */
	private void round() {
		if (!running) {
			return;
		}
		try {
			if (leading) {
				if (!alive(session)) {
					lost();
				}
				return;
			}
			if (Instant.now().isBefore(notBefore)) {
				return;
			}
			if (session == null || !alive(session)) {
				close(session);
				session = open();
			}
			try (var statement = session.prepareStatement("select pg_try_advisory_lock(?)")) {
				statement.setLong(1, LOCK);
				try (var result = statement.executeQuery()) {
					leading = result.next() && result.getBoolean(1);
				}
			}
			if (leading) {
				// a leader that lost its lock notices within a round and a check's time-out: it is gone first
				var grace = properties.leaderRetry().plusSeconds(timeoutSeconds());
				log.info("This instance holds the Discord gateway lock: logging in after {}", grace);
				Thread.sleep(grace.toMillis());
				connect();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt(); // stopping
		}
		catch (SQLException | RuntimeException ex) {
			log.warn("Discord gateway election round failed; will try again: {}", ex.toString());
			if (leading) {
				lost();
			}
			else {
				close(session);
				session = null;
			}
		}
	}

	/** The lock's connection is gone: the session goes at once, so never two instances hold one. */
	private void lost() {
		log.warn("Lost the Discord gateway lock: shutting the gateway session down");
		leading = false;
		var session = jda;
		jda = null;
		if (session != null) {
			session.shutdownNow();
		}
		close(this.session);
		this.session = null;
		notBefore = Instant.now().plus(properties.leaderRetry().multipliedBy(2));
	}

	private boolean alive(Connection connection) {
		try (var statement = connection.createStatement()) {
			statement.setQueryTimeout(timeoutSeconds());
			statement.execute("select 1");
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/**
	 * A connection of the election's own, outside the pool: its session lock must end with it, never
	 * go back to the pool with it. The server probes it every few seconds, so a vanished peer is
	 * noticed in about 20 s.
	 */
	private Connection open() throws SQLException {
		var hikari = dataSource.unwrap(HikariDataSource.class);
		var connection = DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
		try (var statement = connection.createStatement()) {
			connection.setAutoCommit(true);
			connection.setNetworkTimeout(Runnable::run, timeoutSeconds() * 1000);
			statement.execute("set application_name = 'steward discord gateway'");
			statement.execute("set tcp_keepalives_idle = 5");
			statement.execute("set tcp_keepalives_interval = 2");
			statement.execute("set tcp_keepalives_count = 3");
		}
		catch (SQLException ex) {
			close(connection);
			throw ex;
		}
		return connection;
	}

	/** How long a check of the lock's connection may take: {@code leader-retry}, at least a second. */
	private int timeoutSeconds() {
		return (int) Math.max(1, properties.leaderRetry().toSeconds());
	}

	private static void close(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// gone already
			}
		}
	}

	/** Logs in, waits for READY and registers the commands. */
	private void connect() {
		var session = build();
		jda = session;
		if (!ready(session)) {
			log.error("Discord gateway not ready after {}; commands not registered", properties.readyTimeout());
			return;
		}
		try {
			register(session);
		}
		catch (RuntimeException ex) {
			// Steward still answers the commands Discord already knows; the next login tries again
			log.error("Could not register the Discord commands", ex);
		}
	}

	/**
	 * JDA against the configured Discord (the real one, or a local fake in tests), with no optional
	 * intent: JDA always asks for guilds (and their channels), which is all interactions need, and no
	 * privileged intent is required.
	 */
	private JDA build() {
		var api = properties.apiUrl().toString();
		var builder = JDABuilder.createLight(properties.token(), EnumSet.noneOf(GatewayIntent.class))
			.setRestConfig(new RestConfig().setBaseUrl(api.endsWith("/") ? api : api + "/"))
			.setHttpClientBuilder(DiscordConfiguration.http(properties.apiTimeout()))
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

	private void register(JDA session) {
		var slash = commands.slashCommands();
		if (properties.hasGuild()) {
			var guild = session.getGuildById(properties.guildId());
			if (guild == null) {
				log.error("The bot is not in guild {} (DISCORD_GUILD_ID): invite it first, see docs/discord.md",
						properties.guildId());
				return;
			}
			guild.updateCommands().addCommands(slash).complete();
			// one source of truth: global commands left from a run without a guild would show twice
			session.updateCommands().complete();
			log.info("Registered {} Discord commands in guild {}", slash.size(), guild.getName());
		}
		else {
			session.updateCommands().addCommands(slash).complete();
			log.info("Registered {} Discord commands globally", slash.size());
		}
	}

	/** Waits for READY and the guilds, at most the configured time (JDA's own wait has no limit). */
	private boolean ready(JDA session) {
		var waiting = new Thread(() -> {
			try {
				session.awaitReady();
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
		return session.getStatus() == JDA.Status.CONNECTED;
	}

	/** Disconnects first, then lets the lock go with its connection: never two sessions, even briefly. */
	@Override
	public void stop() {
		running = false;
		if (election != null) {
			election.shutdownNow();
			try {
				election.awaitTermination(properties.readyTimeout().toMillis() + 5000, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		var session = jda;
		jda = null;
		if (session != null) {
			session.shutdown();
			try {
				if (!session.awaitShutdown(5, TimeUnit.SECONDS)) {
					session.shutdownNow();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				session.shutdownNow();
			}
		}
		leading = false;
		close(this.session);
		this.session = null;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
