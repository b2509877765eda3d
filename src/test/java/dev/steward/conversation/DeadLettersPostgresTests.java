package dev.steward.conversation;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import dev.steward.support.PostgresDatabase;

/**
 * Dead letters on PostgreSQL, the production database: the same list, retry and drop as on H2. A
 * small pool, given back (and the database dropped) when the class is done: the server's
 * connections are shared by every PostgreSQL test.
 */
@ContextConfiguration(initializers = PostgresDatabase.class)
@TestPropertySource(properties = "spring.datasource.hikari.maximum-pool-size=3")
@DirtiesContext
class DeadLettersPostgresTests extends DeadLettersTests {

}
