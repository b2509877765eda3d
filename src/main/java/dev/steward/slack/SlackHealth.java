package dev.steward.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import com.slack.api.methods.MethodsClient;

/**
 * The Slack door's health ({@code slack}): whether Slack accepts the bot token ({@code auth.test},
 * asked at most once a {@link #RECHECK}, so probes never flood Slack) and, in Socket Mode, whether
 * the socket is open. Part of readiness: an instance whose token Slack refuses takes no traffic.
 * Says which workspace and bot, never the token.
 */
class SlackHealth implements HealthIndicator {

	static final Duration RECHECK = Duration.ofSeconds(60);

	private final MethodsClient methods;

	private final SlackConfiguration.SocketMode socket;

	private final SlackProperties properties;

	private final Clock clock;

	private volatile Health lastAuth;

	private volatile Instant checkedAt = Instant.MIN;

	SlackHealth(MethodsClient methods, SlackConfiguration.SocketMode socket, SlackProperties properties, Clock clock) {
		this.methods = methods;
		this.socket = socket;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public Health health() {
		var auth = auth();
		var builder = Health.status(auth.getStatus()).withDetails(auth.getDetails());
		builder.withDetail("mode", properties.socketMode() ? "socket" : properties.httpMode() ? "http" : "post-only");
		if (properties.socketMode()) {
			boolean open = socket.connected();
			builder.withDetail("socket", open ? "open" : "closed");
			if (!open) {
				builder.down();
			}
		}
		return builder.build();
	}

	private Health auth() {
		var now = clock.instant();
		var last = lastAuth;
		if (last != null && now.isBefore(checkedAt.plus(RECHECK))) {
			return last;
		}
		Health health;
		try {
			var response = methods.authTest(request -> request);
			health = response.isOk()
					? Health.up().withDetail("team", String.valueOf(response.getTeam()))
						.withDetail("bot", String.valueOf(response.getUserId()))
						.build()
					: Health.down().withDetail("error", String.valueOf(response.getError())).build();
		}
		catch (Exception ex) {
			health = Health.down().withDetail("error", ex.getClass().getSimpleName()).build();
		}
		lastAuth = health;
		checkedAt = now;
		return health;
	}

}
