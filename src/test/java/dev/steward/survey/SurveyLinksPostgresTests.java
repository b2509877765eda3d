package dev.steward.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;

import dev.steward.firm.Separately;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.support.PostgresDatabase;
import dev.steward.survey.SurveyLinks.Link;

/**
 * The link secret on PostgreSQL: made once, inside a caller's transaction without spoiling it, and
 * the same for a second instance on the database.
 */
@SpringBootTest
@ActiveProfiles("test")
@ContextConfiguration(initializers = PostgresDatabase.class)
class SurveyLinksPostgresTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Separately separately;

	@Test
	void theSecretIsMadeOnceAndSharedOnPostgres() {
		var link = new Link(1, 2, Instant.now().plus(Duration.ofDays(3)));
		var first = new SurveyLinks(jdbc, Clock.systemUTC(), separately, "", "");
		var token = new TransactionTemplate(transactions).execute(status -> {
			var signed = first.sign(link);
			// the caller's transaction still works after the secret was made beside it
			assertThat(jdbc.sql("select count(*) from link_secret").query(Integer.class).single()).isEqualTo(1);
			return signed;
		});
		var second = new SurveyLinks(jdbc, Clock.systemUTC(), separately, "", "");
		assertThat(second.check(token).link()).contains(link);
		assertThat(jdbc.sql("select count(*) from link_secret").query(Integer.class).single()).isEqualTo(1);
	}

}
