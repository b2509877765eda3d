package dev.steward.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.steward.approval.ApprovalManagement;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.risk.RiskEvents.DigestReady;
import dev.steward.risk.RiskEvents.ReviewReminded;
import dev.steward.risk.RiskEvents.ReviewsDue;
import dev.steward.risk.RiskManagement.Target;
import dev.steward.support.ApprovedProjects;
import dev.steward.support.PostgresDatabase;

/**
 * The register's own SQL on PostgreSQL: the reviews due by a day, the follow-ups due by a moment,
 * the soonest follow-up, and the weekly digest's risks; a risk with its history saved and read
 * back whole.
 */
@SpringBootTest(properties = "steward.default-time-zone=Asia/Shanghai")
@ActiveProfiles("test")
@ContextConfiguration(initializers = PostgresDatabase.class)
@RecordApplicationEvents
class RiskPostgresTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	RiskManagement risks;

	@Autowired
	RiskReviews reviews;

	@Autowired
	Risks register;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	@Autowired
	JdbcClient jdbc;

	@Test
	void dueReviewsFollowUpsAndTheDigestAreFoundOnPostgres(ApplicationEvents events) {
		var project = ApprovedProjects.approved(engagements, approvals, "Postgres risks",
				new Home("playground", "general", false), "sun.li");
		var today = LocalDate.now(SHANGHAI);
		var details = new Risk.Details("legal", "合规审查可能延期", "新规出台", "监管变化", new Assessment(4, 4),
				Strategy.TRANSFER, "外聘律师");
		var risk = risks.register("sun.li", new Target.OfProject(project.code()), details, "sun.li", today);
		assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
		var read = register.findById(risk.id()).orElseThrow();
		assertThat(read.title()).isEqualTo("合规审查可能延期");
		assertThat(read.history()).hasSize(1);
		assertThat(read.history().get(0).strategy()).isEqualTo(Strategy.TRANSFER);

		// the heat map's counts come from the database
		var counts = risks.openCounts(project.id());
		assertThat(counts[3][3]).isEqualTo(1);
		assertThat(java.util.Arrays.stream(counts).flatMapToInt(java.util.Arrays::stream).sum()).isEqualTo(1);
		assertThat(risks.openCounts(null)[3][3]).isGreaterThanOrEqualTo(1);

		assertThat(register.findDue(today)).extracting(Risks.Due::id).contains(risk.id());
		assertThat(reviews.askForReviews(SHANGHAI)).isEqualTo(1);
		assertThat(events.stream(ReviewsDue.class)).singleElement()
			.satisfies(due -> assertThat(due.ownerId()).isEqualTo("sun.li"));
		assertThat(register.findDue(today)).extracting(Risks.Due::id).doesNotContain(risk.id());
		var asked = register.findById(risk.id()).orElseThrow();
		assertThat(asked.history()).extracting(RiskEntry::action).containsExactly(RiskEntry.Action.REGISTERED,
				RiskEntry.Action.REVIEW_DUE);
		assertThat(asked.reviewRound()).isEqualTo(1);
		assertThat(asked.reviewCard()).startsWith("risk-reviews:sun.li:");
		assertThat(register.nextFollowUp()).contains(asked.followUpAt());

		// as if the deadline has passed
		var past = Instant.now().minus(Duration.ofMinutes(5));
		jdbc.sql("update risk set follow_up_at = :at, review_due_at = :at where id = :id").param("at", java.sql.Timestamp.from(past))
			.param("id", risk.id()).update();
		assertThat(register.findFollowUpsDueBy(Instant.now())).extracting(Risk::id).containsExactly(risk.id());
		assertThat(reviews.followUp()).isEqualTo(1);
		assertThat(events.stream(ReviewReminded.class)).singleElement()
			.satisfies(reminded -> assertThat(reminded.riskId()).isEqualTo(risk.id()));

		reviews.digest(Instant.now().plusSeconds(60));
		assertThat(events.stream(DigestReady.class)).singleElement().satisfies(digest -> {
			assertThat(digest.departmentId()).isEqualTo("strategy");
			assertThat(digest.headId()).isEqualTo("li.na");
			assertThat(digest.added()).contains(risk.id());
			assertThat(digest.overdue()).contains(risk.id());
			assertThat(digest.closed()).doesNotContain(risk.id());
		});
		risks.close(risk.id(), "sun.li", "律师已确认", asked.reviewRound());
		assertThat(register.findById(risk.id()).orElseThrow().history()).hasSize(4);
	}

}
