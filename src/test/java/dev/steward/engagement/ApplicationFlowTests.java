package dev.steward.engagement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.support.TestDoorConfiguration;

/** The application flow on the embedded H2 database. */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestDoorConfiguration.class)
class ApplicationFlowTests extends ApplicationFlowScenario {
}
