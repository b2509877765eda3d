package dev.steward.risk.chat;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import dev.steward.support.PostgresDatabase;
import dev.steward.support.TestDoorConfiguration;

/** Risks before approval on PostgreSQL, where the card refresh locks the request row. */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestDoorConfiguration.class)
@ContextConfiguration(initializers = PostgresDatabase.class)
class RiskApprovalPostgresTests extends RiskApprovalScenario {
}
