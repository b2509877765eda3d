package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.steward.support.MutableClock;

/** The digests of the requests Slack sent: a body is run the first time only, and forgotten after minutes. */
class SlackRequestsTests {

	final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

	final JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(
			"jdbc:h2:mem:slack-requests-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));

	final SlackRequests requests;

	SlackRequestsTests() {
		jdbc.sql("create table slack_request (digest varchar(64) primary key,"
				+ " received_at timestamp with time zone not null)").update();
		requests = new SlackRequests(jdbc, clock);
	}

	long kept() {
		return jdbc.sql("select count(*) from slack_request").query(Long.class).single();
	}

	@Test
	void aBodyIsRunTheFirstTimeOnly() {
		assertThat(requests.first("payload=click-1")).isTrue();
		assertThat(requests.first("payload=click-1")).isFalse();
		assertThat(requests.first("payload=click-2")).isTrue();
		// only a digest is kept, never the request
		assertThat(jdbc.sql("select digest from slack_request").query(String.class).list())
			.allMatch(digest -> digest.matches("[0-9a-f]{64}"));
	}

	@Test
	void digestsAreForgottenOnceNoSignatureCouldStillBeAccepted() {
		requests.first("payload=old");
		clock.advance(SlackRequests.KEPT.plus(Duration.ofMinutes(1)));
		requests.first("payload=new");
		assertThat(kept()).isEqualTo(1);
		// within the minute after a purge, none is tried again
		clock.advance(Duration.ofSeconds(30));
		jdbc.sql("update slack_request set received_at = :long_ago")
			.param("long_ago", clock.instant().minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC))
			.update();
		requests.first("payload=newer");
		assertThat(kept()).isEqualTo(2);
	}

}
