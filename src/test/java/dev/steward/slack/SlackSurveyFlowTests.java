package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.steward.approval.ApprovalManagement;
import dev.steward.client.ClientContact;
import dev.steward.client.ClientDetails;
import dev.steward.client.ClientManagement;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.slack.SlackChat.Outcome;
import dev.steward.support.ApprovedProjects;
import dev.steward.survey.SurveyManagement;

/**
 * A satisfaction survey answered in Slack by a client's contact who is not in the directory, through
 * signed payloads into {@code /slack/events}: the project manager sends it, the contact's card comes
 * to their direct messages with a row of scores a dimension, each score chosen updates the card in
 * place, the comment form sends the answer, and the card then shows what they said without buttons.
 * Nobody else may answer on their card, and a second answer is refused.
 */
@SlackTest
class SlackSurveyFlowTests {

	static final String CHANNEL = "C01SURVEY";

	@LocalServerPort
	int port;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	@Autowired
	ClientManagement clients;

	@Autowired
	SurveyManagement surveys;

	SlackWorkspace slack;

	@BeforeEach
	void workspace() {
		slack = new SlackWorkspace(port);
	}

	@AfterEach
	void everyCallKeptSlacksLimits() {
		assertThat(slack.api.violations()).isEmpty();
	}

	@Test
	void aContactAnswersTheSurveyOnTheirCardInSlack() {
		var contactId = "U0LIN" + (System.nanoTime() % 100000);
		var client = "Slack client " + System.nanoTime();
		clients.add("zhang.wei", new ClientDetails(client, null, null, null, null,
				List.of(new ClientContact("Lin Mei", "Sponsor", null, "slack", contactId),
						new ClientContact("Chen Jie", "CFO", "chen.jie@example.com", null, null))));
		var project = ApprovedProjects.approvedFor(engagements, approvals, "Slack survey " + System.nanoTime(), client,
				new Home("slack", CHANNEL, false));
		var zhang = new SlackChat(slack, "U01ZHANGWEI", CHANNEL);
		var lin = new SlackChat(slack, contactId, CHANNEL);
		var sun = new SlackChat(slack, "U01SUNLI", CHANNEL);

		// a team member may not send it; the manager may
		assertThat(sun.command("/survey send " + project.code()).text()).contains("Only the project manager");
		var sent = zhang.command("/survey send " + project.code());
		assertThat(sent.kind()).isEqualTo(Outcome.Kind.EPHEMERAL);
		// (the manager reads Chinese)
		assertThat(sent.text()).contains(project.code(), "已发给 2 位联系人：聊天 1 位，链接 1 位");
		// the manager gets the link for the contact outside the workspace
		var managerMessage = zhang.awaitDirect("满意度调查已发出");
		assertThat(managerMessage.text()).contains("Chen Jie", "chen.jie@example.com", "请发送此链接：", "/s/",
				"已答复 0/2");

		// the contact's card: a row of five scores for each of the four dimensions, then the comment
		var card = lin.awaitDirect("Satisfaction survey");
		assertThat(card.text()).contains("Hello Lin Mei", "Service quality", "Results", "Attitude", "Communication",
				"[1. Service quality: 1]", "[Add a comment and send]");
		// sending before every dimension has a score is refused, naming the first without one
		assertThat(lin.click(card, "Add a comment and send").text()).contains("Choose a score for Service quality first");

		// each score updates the card in place, marking the one chosen
		lin.press(card, 0, "4");
		await().atMost(Duration.ofSeconds(10)).until(() -> lin.lastDirect("Satisfaction survey").text().contains("✓ 4"));
		assertThat(lin.lastDirect("Satisfaction survey").ts).as("updated in place").isEqualTo(card.ts);
		// someone else pressing on the contact's card changes nothing
		assertThat(sun.click(card, 0, "2").text()).contains("This survey card is for someone else");
		for (int row = 1; row < 4; row++) {
			lin.press(card, row, "5");
		}
		lin.press(card, 0, "3");
		await().atMost(Duration.ofSeconds(10)).until(() -> lin.lastDirect("Satisfaction survey").text()
			.contains("Service quality*: ★★★☆☆ 3"));

		// the comment form sends the answer
		var form = lin.click(lin.lastDirect("Satisfaction survey"), "Add a comment and send");
		assertThat(form.kind()).isEqualTo(Outcome.Kind.FORM);
		var thanks = lin.submit(form.view(), Map.of("comment", "Clear minutes; the slides came late."));
		assertThat(thanks.text()).contains("Thank you: your answer was sent.");
		await().atMost(Duration.ofSeconds(10)).until(() -> !lin.lastDirect("Satisfaction survey").hasActions());
		var answered = lin.lastDirect("Satisfaction survey");
		assertThat(answered.ts).isEqualTo(card.ts);
		assertThat(answered.text()).contains("Thank you, Lin Mei", "★★★☆☆ 3", "★★★★★ 5", "Clear minutes; the slides came late.");

		// a click on the card as it was before is refused: one answer is kept
		assertThat(lin.click(card, 1, "2").text()).contains("answered already");
		var survey = surveys.openSurvey(project.code(), "zhang.wei").orElseThrow();
		assertThat(survey.invitation(0).answer(4)).containsExactly(3, 5, 5, 5);
		// the manager's message counts the answer, in place
		await().atMost(Duration.ofSeconds(10))
			.until(() -> zhang.lastDirect("满意度调查已发出").text().contains("已答复 1/2"));
		assertThat(zhang.lastDirect("满意度调查已发出").ts).isEqualTo(managerMessage.ts);
	}

}
