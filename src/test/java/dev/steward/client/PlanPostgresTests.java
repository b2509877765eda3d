package dev.steward.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import dev.steward.approval.ApprovalManagement;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.support.ApprovedProjects;

/**
 * Communication plans on PostgreSQL, the production database: a plan and its history saved and read
 * back whole, the due and owner queries of the daily reminder run, a contact logged once (the
 * version guards a second), and the overdue plans of a project's digest.
 */
// the same configuration as ClientPostgresTests, so both share one application (and one pool of connections)
@SpringBootTest
@ActiveProfiles("test")
@ContextConfiguration(initializers = dev.steward.support.PostgresDatabase.class)
class PlanPostgresTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	PlanManagement plans;

	@Autowired
	PlanReminders reminders;

	@Autowired
	CommunicationPlans stored;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	@Autowired
	JdbcClient jdbc;

	@Test
	void plansTheirRemindersLogsAndOverdueContactsOnPostgres() {
		var project = ApprovedProjects.approved(engagements, approvals, "Plans on PostgreSQL",
				new Home("test", "general", false), "sun.li");
		var scope = plans.scope(project.code());
		var clientWide = plans.scope("acme");
		var plan = plans.add("zhang.wei", scope, new PlanDetails("周会 with the sponsor", ContactChannel.MEETING, 7,
				"进展、风险、需要的决定", "sun.li"), null);
		var ofClient = plans.add("zhang.wei", clientWide,
				new PlanDetails("Quarterly review", ContactChannel.EMAIL, 90, "Satisfaction", "zhang.wei"), null);
		var read = plans.plan("sun.li", plan.id());
		assertThat(read.details()).isEqualTo(plan.details());
		assertThat(read.projectId()).isEqualTo(project.id());
		assertThat(plans.list("zhang.wei", Optional.of(clientWide))).extracting(CommunicationPlan::id)
			.contains(plan.id(), ofClient.id());
		assertThat(stored.activeOwners()).contains("sun.li", "zhang.wei");

		// due today: the day's run finds it, reminds once
		var today = LocalDate.now(SHANGHAI);
		jdbc.sql("update communication_plan set next_due = :today where id = :id").param("today", today)
			.param("id", plan.id()).update();
		assertThat(stored.findDue(today)).extracting(CommunicationPlans.Due::id).contains(plan.id());
		reminders.remind(SHANGHAI);
		boolean working = plans.calendarOf(project.id()).isWorkingDay(today);
		assertThat(stored.findDue(today)).extracting(CommunicationPlans.Due::id).as("reminded once")
			.matches(ids -> working != ids.contains(plan.id()));

		var logged = plans.log("sun.li", plan.id(), today, "同意访谈名单");
		assertThat(plans.plan("admin", plan.id()).logOf(today)).map(PlanEntry::note).contains("同意访谈名单");
		assertThat(logged.nextDue()).isAfter(today);
		assertThatThrownBy(() -> plans.log("zhang.wei", plan.id(), today, "again")).isInstanceOf(PlanRefused.class);

		// the client's own plan, due long ago, is overdue in the project's digest
		jdbc.sql("update communication_plan set next_due = :due where id = :id").param("due", today.minusDays(200))
			.param("id", ofClient.id()).update();
		assertThat(plans.overdue(project.id(), project.clientId(), java.time.Instant.now()))
			.extracting(CommunicationPlan::id).containsExactly(ofClient.id());
	}

}
