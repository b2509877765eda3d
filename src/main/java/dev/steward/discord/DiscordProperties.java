package dev.steward.discord;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Discord door, under {@code steward.discord}.
 *
 * @param token the bot token ({@code DISCORD_BOT_TOKEN}); the door is on when it is set
 * @param guildId the guild to register commands in at once ({@code DISCORD_GUILD_ID}); blank: globally
 * @param apiUrl Discord's REST base, ending in {@code /api/v10/}
 * @param gatewayUrl the gateway's {@code wss://} address; blank: ask Discord for it
 * @param ackBudget how long an interaction may work before it is deferred
 * @param readyTimeout how long starting waits for the gateway's READY
 * @param leaderRetry on PostgreSQL, how often an instance without the gateway tries to take it, and
 *        how often the one holding it checks its lock (see {@link DiscordGateway})
 * @param apiTimeout longest one REST call may take, answer included (JDA's own client limits each
 *        read to 10 seconds but not a whole call); one that hangs is given up then, and JDA or the
 *        outbox tries again
 * @param roles Discord role id to directory role (e.g. {@code management}): members holding the
 *        Discord role hold the directory role too, for as long as they keep it
 */
@ConfigurationProperties("steward.discord")
record DiscordProperties(String token, String guildId,
		@DefaultValue("https://discord.com/api/v10/") URI apiUrl, String gatewayUrl,
		@DefaultValue("2s") Duration ackBudget, @DefaultValue("30s") Duration readyTimeout,
		Map<String, String> roles, @DefaultValue("5s") Duration leaderRetry,
		@DefaultValue("20s") Duration apiTimeout) {

	DiscordProperties {
		roles = roles == null ? Map.of() : Map.copyOf(roles);
		if (apiTimeout != null && (apiTimeout.isNegative() || apiTimeout.isZero())) {
			throw new IllegalArgumentException("steward.discord.api-timeout must be positive, not " + apiTimeout);
		}
	}

	boolean hasGuild() {
		return guildId != null && !guildId.isBlank();
	}

	boolean hasGateway() {
		return gatewayUrl != null && !gatewayUrl.isBlank();
	}

}
