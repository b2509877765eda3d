package dev.steward.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import dev.steward.approval.ApprovalManagement;
import dev.steward.engagement.ApplicationDetails;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.support.ApprovedProjects;

/**
 * Client profiles on PostgreSQL, the production database: a profile with its contacts saved and
 * read back whole, names matched whatever their case, an application's client made a profile, the
 * circle told by its projects, and the log of looks and refusals (kept though the refusal rolls its
 * own transaction back).
 */
@SpringBootTest
@ActiveProfiles("test")
@ContextConfiguration(initializers = dev.steward.support.PostgresDatabase.class)
class ClientPostgresTests {

	@Autowired
	ClientManagement clients;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	@Test
	void profilesTheirCircleAndTheLogOfLooksOnPostgres() {
		var details = new ClientDetails("Huaxia Logistics", "Logistics", "12,000 staff", "Cold chain in east China",
				"微信沟通为主", List.of(new ClientContact("王磊", "采购总监", "wang.lei@example.com", null, null),
						new ClientContact("Lin Mei", null, null, "slack", "U07LINMEI")));
		var added = clients.add("zhang.wei", details);
		assertThat(clients.details("wang.fang", added.id()).details()).isEqualTo(details);
		assertThat(clients.byName("  HUAXIA logistics ")).map(ClientName::id).contains(added.id());
		assertThatThrownBy(() -> clients.add("sun.li", ClientDetails.named("huaxia LOGISTICS")))
			.isInstanceOf(ClientRefused.class);

		// an application's client, in another case: the same profile; its project tells the circle
		var project = ApprovedProjects.approved(engagements, approvals, "Cold chain audit", new Home("test", "general", false),
				"emma.wilson");
		assertThat(project.clientId()).isNotNull();
		var application = engagements.apply("zhang.wei", new ApplicationDetails("Huaxia routes", "huaxia logistics",
				"strategy", "", "b", "n", "s", new BigDecimal("1000"), "r", "r", "s"), new Home("test", "general", false));
		assertThat(application.clientId()).isEqualTo(added.id());
		assertThat(clients.mayReadDetails(project.clientId(), "emma.wilson")).isTrue();
		assertThat(clients.mayReadDetails(added.id(), "emma.wilson")).isFalse();

		assertThatThrownBy(() -> clients.details("emma.wilson", added.id())).isInstanceOf(ClientRefused.class);
		assertThat(clients.accessLog("admin", added.id()))
			.extracting(access -> access.personId() + (access.granted() ? " read" : " refused"))
			.containsExactly("emma.wilson refused", "wang.fang read");
	}

}
