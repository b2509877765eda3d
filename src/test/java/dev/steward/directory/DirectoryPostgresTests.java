package dev.steward.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Links on PostgreSQL, the production database: the migration's keys hold one link a person and an
 * account a door when two instances race (one wins, the other is refused as a value, never a
 * stack trace), a claim confirmed twice at once links once, and the directory file read again
 * leaves run-time links alone.
 */
// the same configuration as the other PostgreSQL tests, so they share one application
@SpringBootTest
@ActiveProfiles("test")
@ContextConfiguration(initializers = dev.steward.support.PostgresDatabase.class)
class DirectoryPostgresTests {

	@Autowired
	DirectoryManagement directory;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	private void newHire(String id) {
		jdbc.sql("insert into person (id, name, roles, active, email) values (:id, :id, 'member', true, :email)")
			.param("id", id)
			.param("email", id + "@example.com")
			.update();
	}

	/** Runs the work twice at once, answering what each did: the person linked, or the refusal's reason. */
	private List<Object> twiceAtOnce(Callable<Object> one, Callable<Object> other) throws Exception {
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(2);
		try {
			var futures = new ArrayList<java.util.concurrent.Future<Object>>();
			for (var work : List.of(one, other)) {
				futures.add(pool.submit(() -> {
					start.await();
					try {
						return work.call();
					}
					catch (LinkRefused refused) {
						return refused.reason();
					}
				}));
			}
			start.countDown();
			var done = new ArrayList<>();
			for (var future : futures) {
				done.add(future.get(30, TimeUnit.SECONDS));
			}
			return done;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void twoInstancesLinkingOnePersonAtOnceMakeOneLink() throws Exception {
		newHire("pg.race");
		var done = twiceAtOnce(
				() -> directory.link("pg.race", "slack", "UPGRACE1", LinkWay.WORKSPACE, DirectoryManagement.STEWARD),
				() -> directory.link("pg.race", "slack", "UPGRACE2", LinkWay.FIRST_CONTACT, DirectoryManagement.STEWARD));
		assertThat(done).filteredOn(Person.class::isInstance).hasSize(1);
		assertThat(done).contains(LinkRefused.Reason.PERSON_LINKED);
		assertThat(directory.links()).filteredOn(link -> link.personId().equals("pg.race")).hasSize(1);
		assertThat(directory.linkHistory("pg.race")).hasSize(1);
	}

	@Test
	void aClaimConfirmedTwiceAtOnceLinksOnceAndTheFileReadAgainKeepsIt() throws Exception {
		newHire("pg.claim");
		var claim = directory.claim("discord", "500000000000000001", null, "PG.Claim@example.com");
		var done = twiceAtOnce(() -> directory.decide(claim.id(), true, "admin").status(),
				() -> directory.decide(claim.id(), true, "admin").status());
		assertThat(done).containsExactlyInAnyOrder(Links.Claim.Status.CONFIRMED, LinkRefused.Reason.CLAIM_DECIDED);
		assertThat(directory.byIdentity("discord", "500000000000000001")).map(Person::id).contains("pg.claim");

		new DirectorySeeder(people, new DirectorySettings(java.nio.file.Path.of("config/directory.yaml"))).seed();
		assertThat(directory.byIdentity("discord", "500000000000000001")).map(Person::id).contains("pg.claim");
		assertThat(directory.unlink("pg.claim", "admin")).hasSize(1);
		assertThat(directory.linkHistory("pg.claim")).extracting(Links.Change::linked).containsExactly(true, false);
	}

	@Test
	void anEMailMatchTheFileDisagreesWithIsRefusedAndNotedOnlyForSomeoneWhoActed() {
		assertThat(directory.matchByEmail("slack", "UPGOTHER", "Other Li Na", "LI.NA@example.com", false,
				LinkWay.WORKSPACE)).isEmpty();
		assertThat(directory.stranger("slack", "UPGOTHER")).isEmpty();
		assertThat(directory.matchByEmail("slack", "UPGOTHER", "Other Li Na", "li.na@example.com", false,
				LinkWay.FIRST_CONTACT)).isEmpty();
		assertThat(directory.stranger("slack", "UPGOTHER")).map(Links.Stranger::why)
			.contains(Links.Unmatched.ID_DISAGREES);
		assertThat(directory.identity("li.na", "slack")).contains("U01LINA");
	}

}
