package dev.steward.conversation;

import org.springframework.test.context.ContextConfiguration;

import dev.steward.support.PostgresDatabase;

/** The outbox's files on PostgreSQL, the production database: the same behaviour as on H2. */
@ContextConfiguration(initializers = PostgresDatabase.class)
class OutboxFilesPostgresTests extends OutboxFilesTests {

}
