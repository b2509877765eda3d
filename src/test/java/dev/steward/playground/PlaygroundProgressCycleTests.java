package dev.steward.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.steward.approval.ApprovalManagement;
import dev.steward.approval.Decision;
import dev.steward.engagement.ApplicationDetails;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.scheduling.Scheduling;

/**
 * The weekly cycle tried in minutes in the playground: the team formed, an admin running the
 * scheduled jobs now from {@code /steward jobs}, the report from the prompt's button, the digest
 * sent on with a comment.
 */
@PlaygroundTest
class PlaygroundProgressCycleTests {

	static ChromeDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	@Autowired
	Scheduling scheduling;

	@BeforeAll
	static void startBrowser() {
		browser = HeadlessChromium.start();
	}

	@AfterAll
	static void quitBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	PlaygroundPage as(String personId) {
		return new PlaygroundPage(browser).open("http://localhost:" + port).actAs(personId);
	}

	/** An admin presses Run now on one scheduled job. */
	void runNow(String job) {
		var admin = as("admin").openChannel("general").command("/steward jobs " + job);
		assertThat(admin.lastEphemeral()).contains(job);
		admin.clickAction("job-run:progress:" + job);
		assertThat(admin.lastEphemeral()).contains(job).contains("running now");
	}

	@Test
	void aWholeWeekTriedInMinutes() {
		var title = "Playground week " + System.nanoTime();
		var application = engagements.apply("zhang.wei", new ApplicationDetails(title, "Acme", "strategy", "", "b",
				"n", "s", new BigDecimal("1"), "r", "why", "how"), new Home("playground", "delivery", false));
		var request = engagements.approvalOf(application).orElseThrow();
		approvals.decide(request.id(), "1.0", Decision.APPROVE, "li.na", null);
		approvals.decide(request.id(), "1.1", Decision.APPROVE, "wang.fang", null);
		var project = await().atMost(Duration.ofSeconds(10))
			.until(() -> engagements.projectOf(application.id()).orElse(null), p -> p != null);
		var code = project.code();

		var zhang = as("zhang.wei").openChannel("delivery").command("/project team add " + code + " @sun.li Research");
		assertThat(zhang.lastEphemeral()).contains("Sun Li");
		var prompt = "prompt-" + project.id() + "-Asia.Shanghai";
		await().atMost(Duration.ofSeconds(10)).until(() -> scheduling.nextFire("progress", prompt).isPresent());

		runNow(prompt);
		var sun = as("sun.li").openDirectMessages();
		sun.waitForMessageContaining("Weekly progress for " + code);
		sun.clickButtonInMessageContaining("Weekly progress for " + code, "Submit report");
		sun.fill("done", "Six interviews").fill("next", "Synthesis").fill("blockers", "Need sales data")
			.fill("percent", "abc").choose("rag", "amber").submitForm();
		assertThat(sun.formErrors()).containsKey("percent");
		sun.fill("percent", "40").submitForm();
		assertThat(sun.formIsOpen()).isFalse();
		assertThat(sun.lastEphemeral()).contains("submitted");
		sun.waitForMessageContaining("You reported for " + code);

		runNow("deadline-" + project.id());
		zhang = as("zhang.wei").openDirectMessages();
		var digest = zhang.waitForMessageContaining("每周汇总 " + code);
		assertThat(digest).contains("Need sales data").contains("1 / 1");
		zhang.clickButtonInMessageContaining("每周汇总 " + code, "添加意见并发送");
		zhang.fill("comment", "Sales data requested from the client.").submitForm();
		assertThat(zhang.lastEphemeral()).contains("已发送");

		var liNa = as("li.na").openDirectMessages();
		assertThat(liNa.waitForMessageContaining("每周汇总 " + code)).contains("Sales data requested from the client.");
	}

}
