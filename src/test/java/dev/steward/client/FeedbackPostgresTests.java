package dev.steward.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import dev.steward.approval.ApprovalManagement;
import dev.steward.client.Feedback.Details;
import dev.steward.client.Feedback.Severity;
import dev.steward.client.Feedback.Step;
import dev.steward.client.FeedbackEntry.Action;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.support.ApprovedProjects;

/**
 * Client feedback on PostgreSQL, the production database: an item recorded by a client's contact
 * and one by the team, saved and read back with their history, taken to closure, a late item
 * followed up, and the monthly summary's query. (Configured as {@link ClientPostgresTests} is, so
 * the two share one application and one database.)
 */
@SpringBootTest
@ActiveProfiles("test")
@ContextConfiguration(initializers = dev.steward.support.PostgresDatabase.class)
class FeedbackPostgresTests {

	@Autowired
	FeedbackManagement feedback;

	@Autowired
	ClientManagement clients;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	dev.steward.firm.FirmDefaults firm;

	@Test
	void feedbackToClosureAndTheMonthsSummaryOnPostgres() {
		var project = ApprovedProjects.approved(engagements, approvals, "Feedback on PostgreSQL",
				new Home("test", "general", false), "sun.li");
		var profile = clients.details("admin", project.clientId()).details();
		var contacts = new ArrayList<>(profile.contacts());
		contacts.add(new ClientContact("王磊", "采购总监", null, "slack", "U07WANGLEI"));
		clients.edit("admin", project.clientId(), new ClientDetails(profile.name(), null, null, null, null, contacts));

		var fromClient = feedback.recordAsContact("slack", "U07WANGLEI", "guest:slack:U07WANGLEI", project.code(),
				new Details("communication", Severity.HIGH, "周报太长，希望只看结论。"));
		var fromTeam = feedback.record("sun.li", project.code(), new Details("communication", Severity.LOW, "Asked for "
				+ "a shorter weekly report"));
		assertThat(feedback.find(fromClient.id()).orElseThrow().contactName()).isEqualTo("王磊 (Acme)");

		long id = fromClient.id();
		feedback.assign(id, "zhang.wei", Step.ASSIGN, "sun.li");
		feedback.propose(id, "sun.li", "一页摘要放在周报最前面");
		feedback.answer(id, "sun.li", "已电话告知王磊，他同意。");
		feedback.close(id, "zhang.wei");
		var closed = feedback.find(id).orElseThrow();
		assertThat(closed.status()).isEqualTo(Feedback.Status.CLOSED);
		assertThat(closed.answer()).isEqualTo("已电话告知王磊，他同意。");
		assertThat(closed.history()).extracting(FeedbackEntry::action)
			.containsExactly(Action.RECORDED, Action.ASSIGNED, Action.PROPOSED, Action.ANSWERED, Action.CLOSED);
		assertThat(closed.closedAt()).isNotNull();

		// the team's item is late: its follow-up reminds the manager (no owner yet)
		jdbc.sql("update feedback set follow_up_at = current_timestamp - interval '1 hour' where id = :id")
			.param("id", fromTeam.id())
			.update();
		assertThat(feedback.followUp(fromTeam.id())).isEqualTo(1);
		var reminded = feedback.find(fromTeam.id()).orElseThrow();
		assertThat(reminded.followUpStage()).isEqualTo(Feedback.REMINDED);
		assertThat(reminded.history()).last().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo(Action.REMINDED);
			assertThat(entry.personId()).isEqualTo("zhang.wei");
		});

		assertThat(feedback.list("sun.li", new FeedbackManagement.Filter(project.code(), true, false)))
			.extracting(Feedback::id)
			.containsExactly(fromTeam.id());
		var month = YearMonth.from(fromTeam.createdAt().atZone(firm.zone()));
		var acme = feedback.summarise(month).clients().get(0);
		assertThat(acme.received()).isEqualTo(2);
		assertThat(acme.closed()).isEqualTo(1);
		assertThat(acme.recurring()).extracting(FeedbackEvents.CategoryCount::category).containsExactly("communication");
	}

}
