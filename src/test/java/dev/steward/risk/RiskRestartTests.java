package dev.steward.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.steward.StewardApplication;
import dev.steward.risk.RiskManagement.Target;
import dev.steward.scheduling.Scheduling;

/**
 * Reviews survive downtime: a review run missed while Steward was down is made at the next start,
 * once, and a further restart asks nobody again.
 */
class RiskRestartTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static ConfigurableApplicationContext steward(Path data, boolean scheduler) {
		return new SpringApplicationBuilder(StewardApplication.class).profiles("test")
			.run("--spring.datasource.url=jdbc:h2:file:" + data.resolve("steward")
					+ ";DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE", "--server.port=0",
					"--spring.quartz.scheduler-name=steward-risk-restart", "--spring.quartz.auto-startup=" + scheduler,
					"--steward.default-time-zone=Asia/Shanghai");
	}

	@Test
	void aReviewRunMissedWhileDownIsMadeOnceAtTheNextStart() throws Exception {
		var data = Files.createTempDirectory("steward-risk-restart");
		long riskId;
		try (var first = steward(data, false)) {
			var risks = first.getBean(RiskManagement.class);
			var today = LocalDate.now(SHANGHAI);
			var risk = risks.register("li.na", new Target.FirmWide(), new Risk.Details("market", "Rates rise", "d", null,
					new Assessment(3, 4), Strategy.REDUCE, "Hedge"), "li.na", today);
			riskId = risk.id();
			// Steward goes down before today's review time has come and stays down past it
			first.getBean(Scheduling.class).runAt(RiskPlanning.GROUP, RiskPlanning.reviewJob(SHANGHAI),
					Instant.now().minus(Duration.ofHours(1)), ReviewJob.class, Map.of(ReviewJob.ZONE, SHANGHAI.getId()));
		}
		try (var second = steward(data, true)) {
			var risks = second.getBean(RiskManagement.class);
			var scheduling = second.getBean(Scheduling.class);
			// the missed run is made at start, and then plans tomorrow's
			await().atMost(Duration.ofSeconds(20))
				.until(() -> risks.find(riskId).orElseThrow().awaitingReview() && scheduling
					.nextFire(RiskPlanning.GROUP, RiskPlanning.reviewJob(SHANGHAI))
					.filter(next -> next.isAfter(Instant.now()))
					.isPresent());
			assertThat(risks.find(riskId).orElseThrow().reviewRound()).isEqualTo(1);
		}
		try (var third = steward(data, true)) {
			var risks = third.getBean(RiskManagement.class);
			assertThat(third.getBean(Scheduling.class).nextFire(RiskPlanning.GROUP, RiskPlanning.reviewJob(SHANGHAI)))
				.hasValueSatisfying(next -> assertThat(next).isAfter(Instant.now()));
			// a run now (a second instance, an admin's Run now) finds nothing more to ask
			assertThat(third.getBean(RiskReviews.class).askForReviews(SHANGHAI)).isZero();
			var risk = risks.find(riskId).orElseThrow();
			assertThat(risk.reviewRound()).isEqualTo(1);
			assertThat(risk.history()).filteredOn(entry -> entry.action() == RiskEntry.Action.REVIEW_DUE).hasSize(1);
		}
	}

}
