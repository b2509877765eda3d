package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.steward.approval.ApprovalManagement;
import dev.steward.approval.Decision;
import dev.steward.engagement.ApplicationDetails;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.progress.ProgressManagement;
import dev.steward.scheduling.Scheduling;
import dev.steward.support.WeeklyTiming;
import dev.steward.slack.SlackChat.Outcome;

/**
 * The weekly cycle (§2.3.2) in Slack: the team formed with a mention, the prompt (a job run now),
 * the report from the prompt's button in a modal, the reminder, the digest, and its forwarding.
 */
@SlackTest
class SlackProgressCycleTests {

	@LocalServerPort
	int port;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	@Autowired
	ProgressManagement progress;

	@Autowired
	Scheduling scheduling;

	SlackWorkspace slack;

	@BeforeEach
	void workspace() {
		slack = new SlackWorkspace(port);
	}

	@Test
	void promptReportReminderDigestAndForwardInSlack() {
		var channel = "C01WEEKLY";
		var application = engagements.apply("zhang.wei", new ApplicationDetails("Slack weekly " + System.nanoTime(),
				"Acme", "strategy", "", "b", "n", "s", new BigDecimal("1"), "r", "why", "how"),
				new Home("slack", channel, false));
		var request = engagements.approvalOf(application).orElseThrow();
		approvals.decide(request.id(), "1.0", Decision.APPROVE, "li.na", null);
		approvals.decide(request.id(), "1.1", Decision.APPROVE, "wang.fang", null);
		var project = await().atMost(Duration.ofSeconds(10))
			.until(() -> engagements.projectOf(application.id()).orElse(null), p -> p != null);
		var code = project.code();
		WeeklyTiming.keepTheDeadlineDaysAway(progress, project);
		var zhang = new SlackChat(slack, "U01ZHANGWEI", channel);
		var sun = new SlackChat(slack, "U01SUNLI", channel);
		var emma = new SlackChat(slack, "U01EMMAWILSON", channel);
		var liNa = new SlackChat(slack, "U01LINA", channel);

		// Slack escapes mentions in command text: <@U01SUNLI|sun.li>
		assertThat(zhang.command("/project team add " + code + " <@U01SUNLI|sun.li> Research").text())
			.contains("Sun Li");
		assertThat(zhang.command("/project team add " + code + " <@U01EMMAWILSON|emma> Interviews").text())
			.contains("Emma Wilson");
		var shanghai = "prompt-" + project.id() + "-Asia.Shanghai";
		await().atMost(Duration.ofSeconds(10)).until(() -> scheduling.nextFire("progress", shanghai).isPresent());

		scheduling.runNow("progress", shanghai);
		var prompt = sun.awaitDirect("Weekly progress for *" + code);
		await().atMost(Duration.ofSeconds(10)).until(() -> slack.api.calls("chat.postMessage").stream()
			.anyMatch(call -> channel.equals(call.params().get("channel"))
					&& String.valueOf(call.params().get("text")).contains("members are asked to report")));

		var form = sun.click(prompt, "Submit report");
		assertThat(form.kind()).isEqualTo(Outcome.Kind.FORM);
		var values = new HashMap<String, String>(Map.of("done", "Six interviews", "next", "Synthesis", "blockers",
				"Need sales data", "percent", "40", "rag", "amber"));
		assertThat(sun.submit(form.view(), Map.of("done", "x", "next", "y", "percent", "400", "rag", "green")).kind())
			.isEqualTo(Outcome.Kind.ERRORS);
		assertThat(sun.submit(form.view(), values).text()).contains("submitted");
		// the prompt is updated in place (chat.update): it says the report is in, and offers an edit
		await().atMost(Duration.ofSeconds(10)).until(() -> sun.directs().stream()
			.anyMatch(posted -> posted.text().contains("You reported for *" + code) && posted.text().contains("[Edit report]")));

		scheduling.runNow("progress", "reminder-" + project.id());
		emma.awaitDirect("Reminder: your progress report for *" + code);

		scheduling.runNow("progress", "deadline-" + project.id());
		var digest = zhang.awaitDirect("每周汇总 " + code);
		assertThat(digest.text()).contains("1 / 2").contains("Need sales data").contains("Emma Wilson");
		assertThat(zhang.click(digest, "直接发送").text()).contains("已发送");
		assertThat(liNa.awaitDirect("每周汇总 " + code).text()).contains("Sun Li");
		await().atMost(Duration.ofSeconds(10)).until(() -> !zhang.lastDirect("每周汇总 " + code).hasActions());
		assertThat(slack.api.violations()).isEmpty();
	}

}
