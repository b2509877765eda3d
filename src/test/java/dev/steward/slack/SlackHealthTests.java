package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.auth.AuthTestResponse;

import dev.steward.support.MutableClock;

/**
 * The Slack door's health: down when Slack refuses the token or cannot be reached (so readiness
 * takes the instance out of rotation), up again once Slack accepts it; Slack is asked at most once
 * a minute however often the probe comes; the token never shows.
 */
class SlackHealthTests {

	private final MethodsClient methods = mock(MethodsClient.class);

	private final MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-30T09:00:00Z"), java.time.ZoneOffset.UTC);

	private final SlackProperties http = new SlackProperties("xoxb-secret", "signing", null, null, Duration.ofSeconds(1),
			Duration.ofHours(1), 1, Duration.ofMillis(1500), Duration.ofSeconds(3), Duration.ofMillis(1200),
			Duration.ofSeconds(20));

	private SlackHealth health(SlackProperties properties) {
		var app = new App(AppConfig.builder().singleTeamBotToken("xoxb-secret").signingSecret("signing").build());
		return new SlackHealth(methods, new SlackConfiguration.SocketMode(app, properties), properties, clock);
	}

	private static AuthTestResponse answer(boolean ok, String error) {
		var response = new AuthTestResponse();
		response.setOk(ok);
		response.setError(error);
		response.setTeam("Steward Test");
		response.setUserId("U01BOT");
		return response;
	}

	@Test
	void aRefusedTokenIsDownAndAnAcceptedOneUpAfterTheNextCheck() throws Exception {
		when(methods.authTest(any(com.slack.api.RequestConfigurator.class))).thenReturn(answer(false, "invalid_auth"),
				answer(true, null));
		var slack = health(http);
		var down = slack.health();
		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails()).containsEntry("error", "invalid_auth").containsEntry("mode", "http");
		// asked again only after a minute, however often the probe comes
		assertThat(slack.health().getStatus()).isEqualTo(Status.DOWN);
		clock.advance(SlackHealth.RECHECK);
		var up = slack.health();
		assertThat(up.getStatus()).isEqualTo(Status.UP);
		assertThat(up.getDetails()).containsEntry("team", "Steward Test").doesNotContainValue("xoxb-secret");
		verify(methods, times(2)).authTest(any(com.slack.api.RequestConfigurator.class));
	}

	@Test
	void slackOutOfReachIsDown() throws Exception {
		when(methods.authTest(any(com.slack.api.RequestConfigurator.class)))
			.thenThrow(new java.io.IOException("connection refused"));
		assertThat(health(http).health().getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void inSocketModeAClosedSocketIsDownWhateverTheToken() throws Exception {
		when(methods.authTest(any(com.slack.api.RequestConfigurator.class))).thenReturn(answer(true, null));
		var socket = new SlackProperties("xoxb-secret", null, "xapp-secret", null, Duration.ofSeconds(1),
				Duration.ofHours(1), 1, Duration.ofMillis(1500), Duration.ofSeconds(3), Duration.ofMillis(1200),
				Duration.ofSeconds(20));
		var health = health(socket).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("socket", "closed").containsEntry("mode", "socket");
	}

}
