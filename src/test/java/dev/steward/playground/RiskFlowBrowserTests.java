package dev.steward.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import dev.steward.approval.ApprovalManagement;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.risk.RiskEntry;
import dev.steward.risk.RiskLevel;
import dev.steward.risk.RiskManagement;
import dev.steward.risk.RiskManagement.Filter;
import dev.steward.risk.RiskManagement.Target;
import dev.steward.scheduling.Scheduling;
import dev.steward.support.ApprovedProjects;
import dev.steward.support.RiskReviewDay;

/**
 * The risk register's register-review-warn flow in a real browser: a team member registers a
 * high risk in the project's channel through the two-page form, naming a colleague its owner
 * (wrong answers are shown beside their inputs and save nothing); the project manager and
 * management are warned in their direct messages; the review falls due (the owner's zone's daily
 * job run now), the owner finds it unchanged and the card loses its buttons in place; the card
 * still open in another tab, clicked, is refused politely, and exactly one review is recorded.
 * <p>
 * Unlike the other playground tests it has an application of its own (the property only sets it
 * apart): the project and the risk it makes leave jobs due within days (the approval's reminders,
 * the risk's review and follow-up), and {@code /steward jobs} lists only the twenty soonest, among
 * which {@link PlaygroundProgressCycleTests} needs its weekly prompt.
 */
@PlaygroundTest
@TestPropertySource(properties = "spring.application.name=steward-risk-flow")
class RiskFlowBrowserTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final Pattern RISK_ID = Pattern.compile("#(\\d+)");

	static ChromeDriver browser;

	/** The owner's other tab. */
	static ChromeDriver otherTab;

	@LocalServerPort
	int port;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	@Autowired
	RiskManagement risks;

	@Autowired
	Scheduling scheduling;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startBrowsers() {
		browser = HeadlessChromium.start();
		otherTab = HeadlessChromium.start();
	}

	@AfterAll
	static void quitBrowsers() {
		Optional.ofNullable(browser).ifPresent(ChromeDriver::quit);
		Optional.ofNullable(otherTab).ifPresent(ChromeDriver::quit);
		browser = null;
		otherTab = null;
	}

	PlaygroundPage as(String personId) {
		return new PlaygroundPage(browser).open("http://localhost:" + port).actAs(personId);
	}

	/** An admin presses Run now on one scheduled job (the playground's time travel). */
	void runNow(String group, String job) {
		var admin = as("admin").openChannel("general").command("/steward jobs");
		assertThat(admin.lastEphemeral()).contains(group + " · " + job);
		admin.clickAction("job-run:" + group + ":" + job);
		assertThat(admin.lastEphemeral()).contains(job).contains("running now");
	}

	@Test
	void aHighRiskIsRegisteredWarnedAboutAndReviewedOnceInThePlayground() {
		var project = ApprovedProjects.approved(engagements, approvals, "Playground risks " + System.nanoTime(),
				new Home("playground", "delivery", false), "emma.wilson", "sun.li");
		var code = project.code();
		var title = "Market data arrives late " + System.nanoTime();
		// the owner, Sun Li, lives in Shanghai: her today is the review's
		var today = RiskReviewDay.today(SHANGHAI);

		// a team member opens the form in the project's channel and names a colleague its owner
		var emma = as("emma.wilson").openChannel("delivery").command("/risk add " + code);
		assertThat(emma.formTitle()).isEqualTo("Risk · " + code);
		assertThat(emma.formPage()).isEqualTo(1);
		emma.choose("category", "market")
			.fill("title", title)
			.fill("description", "The syndicated market data may come three weeks after the interviews.")
			.fill("cause", "The vendor's new licence terms")
			.choose("owner", "sun.li")
			.submitForm();
		assertThat(emma.formPage()).isEqualTo(2);

		// an accepted risk without its monitoring, first reviewed yesterday: both said inline, nothing saved
		emma.choose("likelihood", "5").choose("impact", "4").choose("strategy", "accept").fill("actions", "")
			.date("next-review", RiskReviewDay.today(LONDON).minusDays(1).toString())
			.submitForm();
		assertThat(emma.formIsOpen()).isTrue();
		assertThat(emma.formPage()).isEqualTo(2);
		assertThat(emma.formErrors()).containsOnlyKeys("actions", "next-review")
			.containsEntry("actions", "An accepted risk needs its monitoring measure (§6.2.4).")
			.containsEntry("next-review", "The first review cannot be in the past.");
		assertThat(emma.formValue("likelihood")).isEqualTo("5");
		assertThat(risks.list("admin", new Filter(new Target.OfProject(code), null, false, null))).isEmpty();

		// put right, it is registered: the level, what it scores, the owner and the first review
		emma.choose("strategy", "reduce")
			.fill("actions", "Buy the vendor's older release now; refresh it when the new one comes")
			.date("next-review", today.toString())
			.submitForm();
		assertThat(emma.formIsOpen()).isFalse();
		var confirmation = emma.lastEphemeral();
		assertThat(confirmation).contains("registered", title, "🔴 high", "L5×I4=20", "Owner: Sun Li");
		var id = riskId(confirmation);
		var risk = risks.find(id).orElseThrow();
		assertThat(risk.projectId()).isEqualTo(project.id());
		assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
		assertThat(risk.ownerId()).isEqualTo("sun.li");
		assertThat(confirmation).contains("First review: " + risk.nextReview());
		var tag = "#" + id + " " + title;

		// the project manager and management are warned at once, each in their language
		assertThat(as("zhang.wei").openDirectMessages().waitForMessageContaining("风险预警 · " + tag))
			.contains(code, "Emma Wilson 登记了新的🔴 高风险（分值 20）");
		assertThat(as("wang.fang").openDirectMessages().waitForMessageContaining("风险预警 · " + tag))
			.contains("Emma Wilson 登记了新的🔴 高风险（分值 20）");
		assertThat(as("david.miller").openDirectMessages().waitForMessageContaining("Risk warning · " + tag))
			.contains(code, "Emma Wilson registered a new 🔴 high risk (score 20).");
		// the owner is told it is hers
		var sun = as("sun.li").openDirectMessages();
		sun.waitForMessageContaining("Emma Wilson made you the owner of risk #" + id);

		// the review falls due: an admin runs the daily review job of the owner's zone now
		RiskReviewDay.comesToday(jdbc, id, SHANGHAI);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> scheduling.nextFire("risk", "review-Asia.Shanghai").isPresent());
		runNow("risk", "review-Asia.Shanghai");
		sun = as("sun.li").openDirectMessages();
		assertThat(sun.waitForMessageContaining("Risk reviews due")).contains(tag);
		var card = sun.messageIdContaining("Risk reviews due");
		assertThat(sun.buttonsOf(card)).containsExactly("Unchanged", "Reassess", "Close", "Escalate");

		// her other tab shows the same card; put away, it stops listening (as the page does on pagehide)
		var stale = new PlaygroundPage(otherTab).open("http://localhost:" + port).actAs("sun.li").openDirectMessages();
		stale.waitForMessageContaining("Risk reviews due");
		((JavascriptExecutor) otherTab).executeScript("window.dispatchEvent(new Event('pagehide'));");

		// the owner finds it unchanged: the card loses its buttons in place and says who answered
		sun.clickButtonInMessageContaining("Risk reviews due", "Unchanged");
		assertThat(sun.lastEphemeral()).contains("#" + id, "reviewed: unchanged", "Next review:");
		sun.waitForMessageContaining("reviewed by Sun Li: unchanged");
		assertThat(sun.messageIdContaining("Risk reviews due")).as("updated in place").isEqualTo(card);
		assertThat(sun.buttonsOf(card)).isEmpty();
		assertThat(sun.messageText(card)).contains(tag);

		// the old card in the other tab, clicked, is refused politely, only to her
		assertThat(stale.buttonsOf(card)).contains("Unchanged");
		stale.clickButtonInMessageContaining("Risk reviews due", "Unchanged");
		assertThat(stale.lastEphemeral()).contains("This review is already done (by Sun Li).");

		// exactly one review is recorded, and the next one is a cadence away
		var reviewed = risks.find(id).orElseThrow();
		assertThat(reviewed.history()).filteredOn(entry -> entry.action().reviews())
			.extracting(RiskEntry::action, RiskEntry::actorId)
			.containsExactly(tuple(RiskEntry.Action.REVIEWED_UNCHANGED, "sun.li"));
		assertThat(reviewed.awaitingReview()).isFalse();
		assertThat(reviewed.nextReview()).isAfter(today);

		// and the register shows it, with its history, to the project manager
		var zhang = as("zhang.wei").openChannel("delivery").command("/risk show " + id);
		assertThat(zhang.lastEphemeral()).contains(title, "Emma Wilson 登记", "Sun Li 评审：无变化");
	}

	static long riskId(String text) {
		var matcher = RISK_ID.matcher(text);
		assertThat(matcher.find()).as("a risk number in: " + text).isTrue();
		return Long.parseLong(matcher.group(1));
	}

}
