package dev.steward.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.steward.approval.ApprovalManagement;
import dev.steward.client.Feedback;
import dev.steward.client.FeedbackEntry;
import dev.steward.client.FeedbackManagement;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.support.ApprovedProjects;

/**
 * The feedback lifecycle end to end in the playground, in a real browser: a team member records
 * what the client said in the project's channel; the project manager's card (in Chinese) assigns
 * it to a colleague; the owner's card proposes a solution, then records the answer given to the
 * client, then closes it; each card is rewritten in place with the next step's button, and loses
 * its buttons once closed; the history shows every step.
 */
@PlaygroundTest
class FeedbackFlowBrowserTests {

	static final Pattern FEEDBACK_ID = Pattern.compile("#(\\d+)");

	static ChromeDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	@Autowired
	FeedbackManagement feedback;

	@BeforeAll
	static void startBrowser() {
		browser = HeadlessChromium.start();
	}

	@AfterAll
	static void quitBrowser() {
		Optional.ofNullable(browser).ifPresent(ChromeDriver::quit);
		browser = null;
	}

	PlaygroundPage as(String personId) {
		return new PlaygroundPage(browser).open("http://localhost:" + port).actAs(personId);
	}

	@Test
	void theFeedbackLifecycleEndToEndInThePlayground() {
		var project = ApprovedProjects.approved(engagements, approvals, "Playground feedback " + System.nanoTime(),
				new Home("playground", "delivery", false), "emma.wilson", "sun.li");
		var code = project.code();
		var said = "The steering committee deck arrived the evening before " + System.nanoTime();

		// a team member records it in the project's channel
		var emma = as("emma.wilson").openChannel("delivery").command("/feedback add " + code);
		assertThat(emma.formTitle()).isEqualTo("Client feedback · " + code);
		emma.choose("category", "schedule").choose("severity", "high").fill("summary", said).submitForm();
		assertThat(emma.formIsOpen()).isFalse();
		var confirmation = emma.lastEphemeral();
		assertThat(confirmation).contains("recorded on " + code, "🔴 high", "Zhang Wei");
		var matcher = FEEDBACK_ID.matcher(confirmation);
		assertThat(matcher.find()).isTrue();
		long id = Long.parseLong(matcher.group(1));
		var tag = "#" + id + " · " + code;

		// the project manager's card, in his language, assigns it to Sun Li
		var zhang = as("zhang.wei").openDirectMessages();
		assertThat(zhang.waitForMessageContaining("客户反馈 " + tag)).contains(said, "Emma Wilson", "🔴 高");
		var managerCard = zhang.messageIdContaining("客户反馈 " + tag);
		assertThat(zhang.buttonsOf(managerCard)).containsExactly("分派");
		zhang.clickButtonInMessageContaining("客户反馈 " + tag, "分派");
		assertThat(zhang.formTitle()).isEqualTo("客户反馈 #" + id + " 的负责人");
		zhang.choose("owner", "sun.li").submitForm();
		assertThat(zhang.lastEphemeral()).contains("现由 Sun Li 负责");
		// rewritten in place: the next step
		zhang.waitForMessageContaining("已分派");
		assertThat(zhang.messageIdContaining("客户反馈 " + tag)).isEqualTo(managerCard);
		assertThat(zhang.buttonsOf(managerCard)).containsExactly("提出解决方案", "改派");

		// the owner proposes a solution, records the answer given to the client, and closes it
		var sun = as("sun.li").openDirectMessages();
		sun.waitForMessageContaining("Zhang Wei made you the owner");
		var ownerCard = sun.messageIdContaining("Client feedback " + tag);
		assertThat(sun.buttonsOf(ownerCard)).containsExactly("Propose solution", "Reassign");
		sun.clickButtonInMessageContaining("Client feedback " + tag, "Propose solution");
		sun.fill("text", "Decks go out two working days ahead; Emma checks them the day before.").submitForm();
		assertThat(sun.lastEphemeral()).contains("Solution recorded for client feedback #" + id);
		sun.waitForMessageContaining("Decks go out two working days ahead");
		assertThat(sun.buttonsOf(ownerCard)).containsExactly("Record answer", "Reassign");

		sun.clickButtonInMessageContaining("Client feedback " + tag, "Record answer");
		sun.fill("text", "Told the sponsor at Tuesday’s meeting; she was satisfied.").submitForm();
		assertThat(sun.lastEphemeral()).contains("Answer to the client recorded");
		sun.waitForMessageContaining("Told the sponsor at Tuesday’s meeting");
		assertThat(sun.buttonsOf(ownerCard)).containsExactly("Close");

		sun.clickButtonInMessageContaining("Client feedback " + tag, "Close");
		assertThat(sun.lastEphemeral()).contains("Client feedback #" + id + " closed.");
		sun.waitForMessageContaining("closed 20");
		assertThat(sun.messageIdContaining("Client feedback " + tag)).isEqualTo(ownerCard);
		assertThat(sun.buttonsOf(ownerCard)).isEmpty();
		// the manager's card too
		zhang = as("zhang.wei").openDirectMessages();
		zhang.waitForMessageContaining("已于");
		assertThat(zhang.buttonsOf(managerCard)).isEmpty();

		// exactly one of each step, and the history says who did what
		assertThat(feedback.find(id).orElseThrow().history()).extracting(FeedbackEntry::action)
			.containsExactly(FeedbackEntry.Action.RECORDED, FeedbackEntry.Action.ASSIGNED, FeedbackEntry.Action.PROPOSED,
					FeedbackEntry.Action.ANSWERED, FeedbackEntry.Action.CLOSED);
		assertThat(feedback.find(id).orElseThrow().status()).isEqualTo(Feedback.Status.CLOSED);
		emma = as("emma.wilson").openChannel("delivery").command("/feedback show " + id);
		assertThat(emma.lastEphemeral()).contains("recorded by Emma Wilson", "Zhang Wei assigned it to Sun Li",
				"Sun Li recorded the answer given to the client", "closed by Sun Li");
	}

}
