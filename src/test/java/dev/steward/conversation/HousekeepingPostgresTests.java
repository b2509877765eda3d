package dev.steward.conversation;

import org.springframework.test.context.ContextConfiguration;

import dev.steward.support.PostgresDatabase;

/** The housekeeping on PostgreSQL, the production database: the same purge as on H2. */
@ContextConfiguration(initializers = PostgresDatabase.class)
class HousekeepingPostgresTests extends HousekeepingTests {

}
