package dev.steward.engagement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import dev.steward.support.PostgresDatabase;
import dev.steward.support.TestDoorConfiguration;

/** The application flow on PostgreSQL, the production database, in a database of its own. */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestDoorConfiguration.class)
@ContextConfiguration(initializers = PostgresDatabase.class)
class ApplicationFlowPostgresTests extends ApplicationFlowScenario {
}
