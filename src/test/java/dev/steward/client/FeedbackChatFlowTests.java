package dev.steward.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.approval.ApprovalManagement;
import dev.steward.client.FeedbackEntry.Action;
import dev.steward.conversation.Block;
import dev.steward.conversation.Button;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Message;
import dev.steward.conversation.Reply;
import dev.steward.conversation.spi.ChatGateway;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.engagement.Project;
import dev.steward.support.ApprovedProjects;
import dev.steward.support.Chat;
import dev.steward.support.RecordingDoor;
import dev.steward.support.TestDoorConfiguration;

/**
 * Client feedback in chat, driven through the kernel as a door drives it: a client's contact (a
 * chat account on the profile, outside the directory) records an item; strangers and other
 * projects are refused without saying more; the project manager's card assigns it, and each step
 * rewrites every card in place with the next step's button; a step by someone who may not take
 * it, one out of order, one clicked twice, and an over-long text are each refused with a clear
 * answer and save nothing.
 */
@SpringBootTest(properties = "steward.default-time-zone=Asia/Shanghai")
@ActiveProfiles("test")
@Import(TestDoorConfiguration.class)
class FeedbackChatFlowTests {

	@Autowired
	ChatGateway gateway;

	@Autowired
	RecordingDoor door;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	@Autowired
	ClientManagement clients;

	@Autowired
	FeedbackManagement feedback;

	/** Makes the chat account a contact on the project's client's profile (Acme), as an admin would. */
	void contact(Project project, String name, String chatId) {
		var profile = clients.details("admin", project.clientId()).details();
		var contacts = new ArrayList<>(profile.contacts());
		contacts.add(new ClientContact(name, "Sponsor", null, RecordingDoor.NAME, chatId));
		clients.edit("admin", project.clientId(), new ClientDetails(profile.name(), profile.industry(), profile.size(),
				profile.scope(), profile.preferences(), contacts));
	}

	/** Waits for a direct message that contains the text and offers the button, as it now stands. */
	static Message card(Chat chat, String contains, String button) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> chat.directs().stream()
				.map(RecordingDoor.Posted::message)
				.filter(message -> Chat.text(message).contains(contains)
						&& (button == null ? !message.hasActions() : Chat.text(message).contains("[" + button + "]")))
				.reduce((first, second) -> second)
				.orElse(null), Objects::nonNull);
	}

	int items() {
		return feedback.list("admin", FeedbackManagement.Filter.everything()).size();
	}

	@Test
	void aContactsFeedbackIsTakenToClosureOneStepAtATime() {
		var project = ApprovedProjects.approved(engagements, approvals, "Feedback chat " + System.nanoTime(),
				new Home(RecordingDoor.NAME, "consulting", false), "emma.wilson", "sun.li");
		var code = project.code();
		var joannaId = "joanna" + System.nanoTime();
		contact(project, "Joanna", joannaId);
		var joanna = new Chat(gateway, door, joannaId, "shared");
		var stranger = new Chat(gateway, door, "mallory" + System.nanoTime(), "shared");
		var zhang = new Chat(gateway, door, "zhang.wei", "consulting");
		var sun = new Chat(gateway, door, "sun.li", "consulting");
		var emma = new Chat(gateway, door, "emma.wilson", "consulting");
		var chen = new Chat(gateway, door, "chen.jie", "general");
		int before = items();

		// someone no profile names is told, neutrally, that this account cannot give feedback
		assertThat(Chat.text(stranger.command("/feedback add " + code))).contains("can’t take feedback from this account");
		// a contact may not use anything else, and learns nothing of projects not their client's
		assertThat(Chat.text(joanna.command("/feedback list"))).doesNotContain(code);
		assertThat(Chat.text(joanna.command("/feedback add P-1999-9999")))
			.contains("recorded by the project’s team, or by a contact of its client");

		// over-long: said beside the input, nothing saved
		var opened = joanna.command("/feedback add " + code.toLowerCase());
		assertThat(opened).isInstanceOf(Reply.ShowForm.class);
		var tooLong = joanna.fill(opened, Map.of("category", "quality", "severity", "high", "summary", "x".repeat(2001)));
		assertThat(tooLong).satisfiesAnyOf(
				reply -> assertThat(reply).isInstanceOfSatisfying(Reply.FormErrors.class,
						errors -> assertThat(errors.errors()).containsKey("summary")),
				reply -> assertThat(reply).isInstanceOfSatisfying(Reply.ShowForm.class,
						form -> assertThat(form.view().errors()).containsKey("summary")));
		assertThat(items()).isEqualTo(before);

		// the contact records it: thanked by name, recorded as "Joanna (Acme)"
		var thanks = Chat.text(joanna.fill(joanna.command("/feedback add " + code),
				Map.of("category", "schedule", "severity", "high", "summary", "The interim report came a week late.")));
		assertThat(thanks).contains("Thank you, Joanna (Acme)").contains(code);
		var item = feedback.list("zhang.wei", new FeedbackManagement.Filter(code, null, false)).get(0);
		assertThat(item.contactName()).isEqualTo("Joanna (Acme)");
		assertThat(item.recordedBy()).isEqualTo("guest:" + RecordingDoor.NAME + ":" + joannaId);
		var tag = "#" + item.id();

		// the project manager's card, in his language, offers the first step
		var managerCard = card(zhang, "客户反馈 " + tag, "分派");
		assertThat(Chat.text(managerCard)).contains("Joanna (Acme)").contains("The interim report came a week late.")
			.contains("🔴 高");

		// a team member may not assign; the manager may, to someone of the team only
		assertThat(Chat.text(sun.click(managerCard, "分派"))).contains("Only the project manager");
		var assign = zhang.click(managerCard, "分派");
		assertThat(assign).isInstanceOf(Reply.ShowForm.class);
		var notOnTeam = zhang.fill(assign, Map.of("owner", "chen.jie"));
		assertThat(notOnTeam).isInstanceOfSatisfying(Reply.FormErrors.class,
				errors -> assertThat(errors.errors().get("owner")).contains("Chen Jie"));
		assertThat(feedback.find(item.id()).orElseThrow().status()).isEqualTo(Feedback.Status.OPEN);
		assertThat(Chat.text(zhang.fill(zhang.click(managerCard, "分派"), Map.of("owner", "sun.li")))).contains("Sun Li");

		// the owner gets the card; the manager's is rewritten in place with the next step
		var ownerCard = card(sun, "Client feedback " + tag, "Propose solution");
		assertThat(Chat.text(ownerCard)).contains("Zhang Wei made you the owner").contains("[Reassign]");
		card(zhang, "客户反馈 " + tag, "提出解决方案");

		// someone else may not propose; a later step by hand is out of order
		assertThat(Chat.text(emma.click(ownerCard, "Propose solution"))).contains("Only its owner (Sun Li)");
		var closeNow = Button.of("Close", InteractionId.parse("feedback-step:" + item.id() + ":close"));
		assertThat(Chat.text(sun.click(closeNow))).contains("Not yet").contains("Propose solution");

		// the owner proposes; the same button again is a step already taken
		var propose = sun.click(ownerCard, "Propose solution");
		assertThat(Chat.text(sun.fill(propose, Map.of("text", "Weekly status call; the report moves to Mondays."))))
			.contains("Solution recorded");
		assertThat(Chat.text(sun.click(ownerCard, "Propose solution"))).contains("already done (by Sun Li)");

		// the answer given to the client is recorded, then the manager closes it; a second click is refused
		var answered = card(sun, "Client feedback " + tag, "Record answer");
		assertThat(Chat.text(answered)).contains("Weekly status call");
		assertThat(Chat.text(sun.fill(sun.click(answered, "Record answer"),
				Map.of("text", "Told Joanna on the phone, 2026-11-30; she agreed.")))).contains("Answer to the client recorded");
		var toClose = card(zhang, "客户反馈 " + tag, "关闭");
		assertThat(Chat.text(zhang.click(toClose, "关闭"))).contains("已关闭");
		assertThat(Chat.text(zhang.click(toClose, "关闭"))).contains("已关闭（由 Zhang Wei 关闭）");
		// every card loses its buttons, in place
		var closedCard = card(sun, "Client feedback " + tag, null);
		assertThat(Chat.text(closedCard)).contains("closed").contains("Told Joanna");
		assertThat(door.all()).filteredOn(posted -> Chat.text(posted.message()).contains(tag)
				&& posted.message().blocks().stream().anyMatch(Block.Header.class::isInstance))
			.allSatisfy(posted -> assertThat(posted.message().hasActions()).isFalse());

		// exactly one of each step is recorded
		assertThat(feedback.find(item.id()).orElseThrow().history()).extracting(FeedbackEntry::action)
			.containsExactly(Action.RECORDED, Action.ASSIGNED, Action.PROPOSED, Action.ANSWERED, Action.CLOSED);

		// reading: the team sees it with its history; another department's head does not
		assertThat(Chat.text(emma.command("/feedback show " + item.id()))).contains("recorded by Joanna (Acme)")
			.contains("Zhang Wei assigned it to Sun Li")
			.contains("Sun Li proposed a solution")
			.contains("closed by Zhang Wei");
		assertThat(Chat.text(emma.command("/feedback list " + code + " closed"))).contains(tag);
		assertThat(Chat.text(emma.command("/feedback list " + code + " open"))).contains("No client feedback here");
		assertThat(Chat.text(chen.command("/feedback show " + item.id()))).contains("仅限项目团队");
		assertThat(Chat.text(chen.command("/feedback show abc"))).contains("/feedback show 12");
		assertThat(items()).isEqualTo(before + 1);
	}

	@Test
	void aTeamMemberRecordsOnTheirOnlyProjectWithoutNamingIt() {
		var project = ApprovedProjects.approved(engagements, approvals, "Feedback solo " + System.nanoTime(),
				new Home(RecordingDoor.NAME, "consulting", false), "liu.yang");
		var liu = new Chat(gateway, door, "liu.yang", "consulting");
		var opened = liu.command("/feedback add");
		assertThat(opened).isInstanceOfSatisfying(Reply.ShowForm.class,
				form -> assertThat(form.view().spec().title()).contains(project.code()));
		var done = Chat.text(liu.fill(opened, Map.of("category", "communication", "severity", "low",
				"summary", "Too many e-mails; one weekly summary would do.")));
		assertThat(done).contains("已记录于 " + project.code()).contains("Zhang Wei");
		assertThat(Chat.text(new Chat(gateway, door, "sun.li", "general").command("/feedback add " + project.code())))
			.contains("recorded by the project’s team");
		var item = feedback.list("liu.yang", new FeedbackManagement.Filter(null, true, false)).get(0);
		assertThat(List.of(item.category())).containsExactly("communication");

		// the manager takes it on himself: his one card says so, rewritten in place, not a second card
		var zhang = new Chat(gateway, door, "zhang.wei", "consulting");
		var tag = "客户反馈 #" + item.id();
		var managerCard = card(zhang, tag, "分派");
		assertThat(Chat.text(zhang.fill(zhang.click(managerCard, "分派"), Map.of("owner", "zhang.wei"))))
			.contains("Zhang Wei");
		assertThat(Chat.text(card(zhang, tag, "提出解决方案"))).contains("指定您负责");
		assertThat(zhang.directs()).filteredOn(posted -> Chat.text(posted.message()).contains(tag)).hasSize(1);
	}

}
