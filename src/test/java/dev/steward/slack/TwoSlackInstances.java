package dev.steward.slack;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.steward.StewardApplication;
import dev.steward.support.PostgresDatabase;

/**
 * Two Steward instances on one PostgreSQL database made for the test, as behind a load balancer:
 * each on its own random port with its Slack door (HTTP mode) pointed at one fake Web API of its
 * own. Started one after the other (the first migrates the database); closing stops both and
 * drops the database.
 */
final class TwoSlackInstances implements AutoCloseable {

	final FakeSlackApi api = FakeSlackApi.start();

	final String database = "steward_races_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
		.toLowerCase(Locale.ROOT);

	final ConfigurableApplicationContext a;

	final ConfigurableApplicationContext b;

	/** Slack's side of each instance. */
	final SlackWorkspace slackA;

	final SlackWorkspace slackB;

	/** The shared database, as either instance sees it. */
	final JdbcClient jdbc;

	TwoSlackInstances() {
		var url = PostgresDatabase.create(database);
		ConfigurableApplicationContext first = null;
		try {
			first = start(url);
			a = first;
			b = start(url);
		}
		catch (RuntimeException ex) {
			if (first != null) {
				first.close();
			}
			api.close();
			PostgresDatabase.drop(database);
			throw ex;
		}
		slackA = new SlackWorkspace(port(a), api);
		slackB = new SlackWorkspace(port(b), api);
		// each instance paces its own deliveries; sharing one channel's pace is the outbox's part of issue 11
		api.expectPacing(Duration.ZERO);
		jdbc = a.getBean(JdbcClient.class);
	}

	private ConfigurableApplicationContext start(String url) {
		return new SpringApplicationBuilder(StewardApplication.class).profiles("test")
			.run("--spring.datasource.url=" + url, "--spring.datasource.username=" + PostgresDatabase.user(),
					"--spring.datasource.password=" + PostgresDatabase.password(),
					"--spring.datasource.hikari.maximum-pool-size=6", "--spring.datasource.hikari.minimum-idle=1",
					"--server.port=0",
					"--SLACK_BOT_TOKEN=xoxb-test-token", "--SLACK_SIGNING_SECRET=" + SlackWorkspace.SECRET,
					"--steward.slack.pacing=" + SlackWorkspace.PACING_MS + "ms",
					"--STEWARD_SLACK_API_URL=" + api.apiUrl());
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** The instance a round uses first: the rounds alternate, so each instance is first in turn. */
	SlackWorkspace first(int round) {
		return round % 2 == 0 ? slackA : slackB;
	}

	SlackWorkspace second(int round) {
		return round % 2 == 0 ? slackB : slackA;
	}

	@Override
	public void close() {
		try {
			b.close();
		}
		finally {
			try {
				a.close();
			}
			finally {
				api.close();
				PostgresDatabase.drop(database);
			}
		}
	}

}
