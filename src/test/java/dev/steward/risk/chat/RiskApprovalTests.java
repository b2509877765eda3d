package dev.steward.risk.chat;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.support.TestDoorConfiguration;

/** Risks before approval on the embedded H2 database. */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestDoorConfiguration.class)
class RiskApprovalTests extends RiskApprovalScenario {
}
