package dev.steward.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.steward.approval.ApprovalManagement;
import dev.steward.client.ClientContact;
import dev.steward.client.ClientDetails;
import dev.steward.client.ClientManagement;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.support.ApprovedProjects;
import dev.steward.survey.SurveyManagement;

/**
 * A satisfaction survey answered in Discord by a client's contact outside the directory, through the
 * fake Discord, the gateway, real JDA and the Discord door: four rows of five scores and the comment
 * button fit one message (Discord's five rows); each score chosen updates the card in place; the
 * comment modal sends the answer; the card then shows it without buttons, and a second answer from
 * the card as it was is refused.
 */
class DiscordSurveyFlowTests extends DiscordTest {

	static final String CONTACT = "200000000000000077";

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	@Autowired
	ClientManagement clients;

	@Autowired
	SurveyManagement surveys;

	@Test
	void aContactAnswersTheSurveyOnTheirCardInDiscord() {
		var client = "Discord client " + System.nanoTime();
		clients.add("zhang.wei", new ClientDetails(client, null, null, null, null,
				List.of(new ClientContact("Ana Souza", "Head of operations", "ana@example.com", "discord", CONTACT))));
		var project = ApprovedProjects.approvedFor(engagements, approvals, "Discord survey " + System.nanoTime(), client,
				new Home("discord", FakeDiscord.channel("delivery"), false));
		var zhang = chat(ZHANG_WEI, "zhangwei", "delivery");
		var ana = chat(CONTACT, "ana", null);
		var emma = chat(EMMA_WILSON, "emma", null);

		var sent = zhang.command("/survey send " + project.code());
		assertThat(DiscordChat.text(sent)).contains("已发给 1 位联系人：聊天 1 位，链接 0 位");

		var card = ana.awaitDirect("Satisfaction survey");
		assertThat(card.getArray("components").length()).as("four rows of scores and the comment row").isEqualTo(5);
		assertThat(DiscordChat.text(card)).contains("Hello Ana Souza", client, "Service quality", "Communication");

		// a score updates the card in place; the one chosen is marked
		ana.click(card, 1, "4");
		var updated = org.awaitility.Awaitility.await().atMost(DiscordChat.PATIENCE)
			.until(() -> ana.lastDirect("Satisfaction survey"), message -> DiscordChat.text(message).contains("✓ 4"));
		assertThat(updated.getString("id")).as("updated in place").isEqualTo(card.getString("id"));
		// someone else's click on the card changes nothing
		assertThat(DiscordChat.text(emma.click(updated, 0, "5"))).contains("This survey card is for someone else");
		ana.click(updated, 0, "5");
		ana.click(updated, 2, "3");
		ana.click(updated, 3, "5");
		var ready = org.awaitility.Awaitility.await().atMost(DiscordChat.PATIENCE)
			.until(() -> ana.lastDirect("Satisfaction survey"),
					message -> DiscordChat.text(message).contains("Communication**: ★★★★★ 5"));

		// the comment modal sends the answer; the card keeps what was said and loses its buttons
		var modal = ana.click(ready, "Add a comment and send");
		assertThat(modal.modal()).isTrue();
		var thanks = ana.submit(modal, Map.of("comment", "Responsive team."));
		assertThat(DiscordChat.text(thanks)).contains("Thank you: your answer was sent.");
		var answered = org.awaitility.Awaitility.await().atMost(DiscordChat.PATIENCE)
			.until(() -> ana.lastDirect("Satisfaction survey"), message -> !DiscordChat.hasButtons(message));
		assertThat(answered.getString("id")).isEqualTo(card.getString("id"));
		assertThat(DiscordChat.text(answered)).contains("Thank you, Ana Souza", "Responsive team.");

		assertThat(DiscordChat.text(ana.click(ready, 0, "2"))).contains("answered already");
		var survey = surveys.openSurvey(project.code(), "zhang.wei").orElseThrow();
		assertThat(survey.invitation(0).answer(4)).containsExactly(5, 4, 3, 5);
		assertThat(survey.invitation(0).answeredVia()).isEqualTo("chat");
	}

}
