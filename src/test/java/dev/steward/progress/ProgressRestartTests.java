package dev.steward.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.steward.StewardApplication;
import dev.steward.approval.ApprovalManagement;
import dev.steward.approval.Decision;
import dev.steward.engagement.ApplicationDetails;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.scheduling.Scheduling;

/** A restart within the week neither loses the schedule nor prompts anyone twice. */
class ProgressRestartTests {

	static ConfigurableApplicationContext steward(Path data) {
		return new SpringApplicationBuilder(StewardApplication.class).profiles("test")
			.run("--spring.datasource.url=jdbc:h2:file:" + data.resolve("steward")
					+ ";DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE", "--server.port=0",
				"--spring.quartz.scheduler-name=steward-restart");
	}

	static int prompts(ConfigurableApplicationContext app, String personId) {
		return app.getBean(JdbcClient.class)
			.sql("select count(*) from progress_prompt where person_id = :p")
			.param("p", personId)
			.query(Integer.class)
			.single();
	}

	@Test
	void noSecondPromptAfterARestartInTheSameWeek() throws Exception {
		var data = Files.createTempDirectory("steward-progress-restart");
		var zone = ZoneId.of("Asia/Shanghai");
		var due = Instant.now().minus(Duration.ofMinutes(30));
		long projectId;
		try (var first = steward(data)) {
			var engagements = first.getBean(EngagementManagement.class);
			var approvals = first.getBean(ApprovalManagement.class);
			var application = engagements.apply("zhang.wei", new ApplicationDetails("Restart", "Acme", "strategy", "",
					"b", "n", "s", new BigDecimal("1"), "r", "why", "how"), new Home("playground", "general", false));
			var request = engagements.approvalOf(application).orElseThrow();
			approvals.decide(request.id(), "1.0", Decision.APPROVE, "li.na", null);
			approvals.decide(request.id(), "1.1", Decision.APPROVE, "wang.fang", null);
			var project = await().atMost(Duration.ofSeconds(10))
				.until(() -> engagements.projectOf(application.id()).orElse(null), p -> p != null);
			projectId = project.id();
			engagements.addMember(project.code(), "chen.jie", "Data", "zhang.wei");
			first.getBean(ProgressManagement.class).prompt(projectId, zone, due);
			assertThat(prompts(first, "chen.jie")).isEqualTo(1);
		}
		try (var second = steward(data)) {
			var job = "prompt-" + projectId + "-Asia.Shanghai";
			await().atMost(Duration.ofSeconds(10))
				.until(() -> second.getBean(Scheduling.class).nextFire("progress", job).isPresent());
			// the same week's prompt, handed over again (as Quartz does with a misfire after a restart)
			second.getBean(ProgressManagement.class).prompt(projectId, zone, due);
			assertThat(prompts(second, "chen.jie")).isEqualTo(1);
			assertThat(second.getBean(JdbcClient.class)
				.sql("select count(*) from outbox_message where address = 'chen.jie' and body like '%每周工作进展：%'")
				.query(Integer.class)
				.single()).isEqualTo(1);
		}
	}

}
