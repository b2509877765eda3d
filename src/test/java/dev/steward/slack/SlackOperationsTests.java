package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.Message;
import dev.steward.conversation.Outbox;

/**
 * What an operator sees, on the management port and only there: health with each part's state
 * (database, outbox backlog, scheduler, the Slack door), readiness, and Prometheus metrics for
 * acknowledgements, deliveries, retries, messages given up, job lag and completed forms.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "SLACK_BOT_TOKEN=xoxb-test-token", "SLACK_SIGNING_SECRET=" + SlackWorkspace.SECRET,
				"steward.slack.pacing=" + SlackWorkspace.PACING_MS + "ms", "management.server.port=0",
				"management.server.address=127.0.0.1", "spring.datasource.hikari.maximum-pool-size=5" })
@ActiveProfiles("test")
@ContextConfiguration(initializers = SlackTest.FakeApi.class)
class SlackOperationsTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	Outbox outbox;

	@Autowired
	Scheduler scheduler;

	SlackWorkspace slack;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeEach
	void workspace() {
		slack = new SlackWorkspace(port);
	}

	private HttpResponse<String> get(int port, String path) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void actuatorIsServedOnTheManagementPortAndNeverBesideSlackEvents() {
		assertThat(managementPort).isPositive().isNotEqualTo(port);
		for (var path : new String[] { "/actuator", "/actuator/health", "/actuator/prometheus", "/actuator/env" }) {
			assertThat(get(port, path).statusCode()).as(path).isEqualTo(404);
		}
		assertThat(get(managementPort, "/actuator/health").statusCode()).isEqualTo(200);
		// what is not exposed stays closed on the management port too
		assertThat(get(managementPort, "/actuator/env").statusCode()).isEqualTo(404);
	}

	@Test
	void healthShowsEachPartAndReadinessWaitsForTheDoor() {
		var health = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
				() -> JsonParser.parseString(get(managementPort, "/actuator/health").body()).getAsJsonObject(),
				json -> "UP".equals(json.get("status").getAsString()));
		var components = health.getAsJsonObject("components");
		for (var part : new String[] { "db", "outbox", "scheduler", "slack" }) {
			assertThat(status(components, part)).as(part).isEqualTo("UP");
		}
		var outboxDetails = components.getAsJsonObject("outbox").getAsJsonObject("details");
		assertThat(outboxDetails.has("pending")).isTrue();
		assertThat(outboxDetails.has("oldestPendingSeconds")).isTrue();
		assertThat(outboxDetails.has("failed")).isTrue();
		var slackDetails = components.getAsJsonObject("slack").getAsJsonObject("details");
		assertThat(slackDetails.get("team").getAsString()).isEqualTo("Steward Test");
		assertThat(slackDetails.toString()).doesNotContain("xoxb-test-token");
		assertThat(slack.api.calls("auth.test")).isNotEmpty();

		var readiness = get(managementPort, "/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		var ready = JsonParser.parseString(readiness.body()).getAsJsonObject().getAsJsonObject("components");
		assertThat(ready.keySet()).contains("slack", "scheduler", "db", "readinessState");
		assertThat(get(managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

	private static String status(JsonObject components, String part) {
		assertThat(components.has(part)).as(part + " in " + components.keySet()).isTrue();
		return components.getAsJsonObject(part).get("status").getAsString();
	}

	/** A job that does nothing, to be late by. */
	public static class Nothing implements Job {

		@Override
		public void execute(JobExecutionContext context) {
		}

	}

	@Test
	void prometheusCountsAcknowledgementsDeliveriesRetriesGivingUpJobLagAndForms() throws Exception {
		var chat = new SlackChat(slack, "U01EMMAWILSON", "C01GENERAL");
		chat.command("/steward whoami");
		// a click on a button Steward does not know is still acknowledged, and timed as an action
		slack.blockAction("U01EMMAWILSON", "C01GENERAL", "1700000000.000100", "no-such-button:1", "Go",
				slack.api.responseUrl(), UUID.randomUUID().toString());

		// one message refused once with a 500 (retried, then delivered), one refused for good with a 400
		slack.api.failNext("chat.postMessage", 500, null);
		outbox.toChannel(ChannelRef.channel(SlackDoor.NAME, "C01OPSRETRY"), Message.text("retried"), null);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !slack.api.messages("C01OPSRETRY").isEmpty());
		slack.api.failNext("chat.postMessage", 400, null);
		outbox.toChannel(ChannelRef.channel(SlackDoor.NAME, "C01OPSLOST"), Message.text("lost"), null);

		var job = "lag-" + UUID.randomUUID();
		scheduler.scheduleJob(JobBuilder.newJob(Nothing.class).withIdentity(job, "ops-test").build(),
				TriggerBuilder.newTrigger().withIdentity(job, "ops-test").startNow().build());

		var metrics = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
				() -> get(managementPort, "/actuator/prometheus").body(),
				body -> body.contains("steward_outbox_given_up_total") && body.contains("group=\"ops-test\""));
		assertThat(metrics).contains("steward_ack_seconds_count{door=\"slack\",kind=\"command\"")
			.contains("steward_ack_seconds_count{door=\"slack\",kind=\"action\"")
			.contains("steward_ack_seconds_bucket{door=\"slack\",kind=\"command\"")
			.containsPattern("steward_outbox_delivered_total\\{door=\"slack\",kind=\"post\"\\} [1-9]")
			.containsPattern("steward_outbox_retries_total\\{door=\"slack\",kind=\"post\"\\} [1-9]")
			.containsPattern("steward_outbox_given_up_total\\{door=\"slack\",kind=\"post\"\\} [1-9]")
			.containsPattern("steward_outbox_failed [1-9]")
			.contains("steward_outbox_pending ")
			.contains("steward_outbox_oldest_pending_seconds ")
			.contains("steward_jobs_lag_seconds_count{group=\"ops-test\"}")
			.doesNotContain("xoxb-test-token")
			.doesNotContain(SlackWorkspace.SECRET);
	}

	@Test
	void aCompletedFormIsCounted() {
		var chat = new SlackChat(slack, "U01EMMAWILSON", "C01GENERAL");
		var opened = chat.command("/project apply");
		chat.fill(opened, dev.steward.support.SampleApplication.values("Ops metrics"));
		var metrics = Awaitility.await().atMost(Duration.ofSeconds(15)).until(
				() -> get(managementPort, "/actuator/prometheus").body(),
				body -> body.contains("steward_forms_completed_total"));
		assertThat(metrics).containsPattern("steward_forms_completed_total\\{form=\"[a-z-]+\"\\} [1-9]");
	}

}
