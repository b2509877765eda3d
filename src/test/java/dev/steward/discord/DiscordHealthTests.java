package dev.steward.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The Discord door's health, in the readiness group: the instance holding the gateway (alone on H2)
 * is the leader, up while JDA's gateway session is connected.
 */
class DiscordHealthTests extends DiscordTest {

	@Autowired
	@Qualifier("discordHealthIndicator")
	HealthIndicator health;

	@Test
	void theConnectedGatewayIsUp() {
		var now = health.health();
		assertThat(now.getStatus()).isEqualTo(Status.UP);
		assertThat(now.getDetails()).containsEntry("gateway", "CONNECTED").containsEntry("role", "leader").containsKey("pingMillis");
		assertThat(now.getDetails().values()).noneMatch(value -> String.valueOf(value).contains("fake-bot-token"));
	}

}
