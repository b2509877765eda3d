package dev.steward.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import dev.steward.StewardApplication;

/**
 * A link made on one instance is seen by another on the same PostgreSQL database: at once by the
 * account (never remembered), and by the person within the directory's five seconds of memory.
 */
// the same configuration as the other PostgreSQL tests, so they share one application: the first instance
@SpringBootTest
@ActiveProfiles("test")
@ContextConfiguration(initializers = dev.steward.support.PostgresDatabase.class)
class DirectoryTwoInstancesTests {

	@Autowired
	DirectoryManagement directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Test
	void aLinkMadeOnOneInstanceIsSeenByAnotherWithinTheDirectorysMemory() {
		jdbc.sql("insert into person (id, name, roles, active, email) values ('pg.two', 'Two Places', 'member', true,"
				+ " 'pg.two@example.com')").update();
		// a second Steward on the same database, as behind a load balancer
		try (var other = new SpringApplicationBuilder(StewardApplication.class).profiles("test")
			.run("--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
					"--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
					"--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
					"--spring.datasource.hikari.maximum-pool-size=4", "--server.port=0")) {
			var elsewhere = other.getBean(DirectoryManagement.class);
			// the other instance has looked at the person before the link: it remembers them unlinked
			assertThat(elsewhere.identity("pg.two", "slack")).isEmpty();
			assertThat(elsewhere.byIdentity("slack", "UPGTWO1")).isEmpty();

			directory.link("pg.two", "slack", "UPGTWO1", LinkWay.WORKSPACE, DirectoryManagement.STEWARD);
			long linked = System.nanoTime();

			// the account is found at once: who acts is never remembered
			assertThat(elsewhere.byIdentity("slack", "UPGTWO1")).map(Person::id).contains("pg.two");
			// the person's own record within the five seconds the directory remembers it
			await().atMost(Duration.ofSeconds(10)).until(() -> elsewhere.identity("pg.two", "slack").isPresent());
			assertThat(Duration.ofNanos(System.nanoTime() - linked)).isLessThan(Duration.ofSeconds(7));
			assertThat(elsewhere.identity("pg.two", "slack")).contains("UPGTWO1");
		}
	}

}
