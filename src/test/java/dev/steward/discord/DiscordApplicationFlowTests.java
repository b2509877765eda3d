package dev.steward.discord;

import dev.steward.support.SampleApplication;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.steward.approval.ApprovalManagement;
import dev.steward.approval.ApprovalStatus;
import dev.steward.discord.FakeDiscord.Answer;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;

/**
 * The whole life of a project application, as Discord users drive it through the fake Discord, the
 * gateway, real JDA and the Discord door: the three-page form in modals with Continue between pages,
 * an error that reopens the page with what was typed, a non-approver's click, request changes, edit
 * and resubmit, approval, a double click, two managers at once, and the project; and a rejection.
 */
class DiscordApplicationFlowTests extends DiscordTest {

	@Autowired
	ApprovalManagement approvals;

	@Autowired
	EngagementManagement engagements;

	static Map<String, String> application(String title) {
		return SampleApplication.values(title);
	}

	@Test
	void applicationGoesThroughChangesAndTwoApprovalsToAProject() throws Exception {
		var zhang = chat(ZHANG_WEI, "zhangwei", "consulting");
		var emma = chat(EMMA_WILSON, "emma", "consulting");
		var liNa = chat(LI_NA, "lina", null);
		var wangFang = chat(WANG_FANG, "wangfang", null);
		var david = chat(DAVID_MILLER, "david", null);
		var title = "Acme market entry " + System.nanoTime();

		// the form opens as a modal: page one of three, with the choices as a select menu
		var opened = zhang.command("/project apply");
		assertThat(opened.modal()).isTrue();
		assertThat(opened.data().getString("title")).endsWith("(1/3)");
		var first = opened.data().getArray("components");
		assertThat(first.length()).isEqualTo(5);
		assertThat(first.getObject(2).getObject("component").getInt("type")).as("department is a select menu")
			.isEqualTo(3);

		// a non-number is refused with the errors and a button that reopens the page as typed
		var bad = zhang.submit(opened, Map.of("title", title, "client", "Acme", "expectedRevenue", "lots"));
		assertThat(bad.ephemeral()).isTrue();
		assertThat(DiscordChat.text(bad)).contains("请输入数字").contains("[重新打开表单]");
		var reopened = zhang.click(bad, "重新打开表单");
		assertThat(reopened.modal()).isTrue();
		assertThat(valueOf(reopened, "client")).isEqualTo("Acme");
		assertThat(valueOf(reopened, "expectedRevenue")).isEqualTo("lots");
		assertThat(approvals.requestedBy("zhang.wei")).noneMatch(request -> request.title().equals(title));

		// page by page, with Continue between the modals, to the submission
		var page1 = zhang.submit(reopened, application(title));
		assertThat(page1.type()).as("the ephemeral message moves on with the form").isEqualTo(Answer.UPDATE_MESSAGE);
		assertThat(page1.ephemeral()).isTrue();
		assertThat(DiscordChat.text(page1)).contains("[继续]");
		var page2 = zhang.click(page1, "继续");
		assertThat(page2.modal()).isTrue();
		assertThat(page2.data().getString("title")).endsWith("(2/3)");
		var submitted = zhang.fill(page2, application(title));
		assertThat(DiscordChat.text(submitted)).contains(title).contains("Li Na");

		// the department head gets the card in a DM; the applicant is told where it is
		var card = liNa.awaitDirect(title);
		assertThat(DiscordChat.text(card)).contains("项目立项申请").contains("Acme Manufacturing").contains("[批准]");
		zhang.in(null).awaitDirect("Li Na（部门负责人审核）");

		// someone else's click is refused, only to them, naming who may decide
		var refused = emma.click(card, "批准");
		assertThat(refused.ephemeral()).isTrue();
		assertThat(DiscordChat.text(refused)).contains("Only Li Na can decide this step");

		// request changes: a reason modal, then the card loses its buttons
		var reasonForm = liNa.click(card, "要求修改");
		assertThat(reasonForm.modal()).isTrue();
		var changed = liNa.submit(reasonForm, Map.of("reason", "Please name the client's decision maker."));
		assertThat(changed.type()).as("the card is the outbox's to edit, not the modal's").isEqualTo(Answer.MESSAGE);
		assertThat(changed.ephemeral()).isTrue();
		assertThat(DiscordChat.text(changed)).contains("要求修改");
		org.awaitility.Awaitility.await().atMost(DiscordChat.PATIENCE)
			.until(() -> !DiscordChat.hasButtons(liNa.lastDirect(title)));
		assertThat(DiscordChat.text(liNa.lastDirect(title))).contains("Li Na 要求修改").contains("decision maker");

		// the applicant edits and resubmits from the notice's button
		var notice = zhang.in(null).awaitDirect("decision maker");
		var edit = zhang.in(null).click(notice, "修改并重新提交");
		assertThat(edit.modal()).isTrue();
		assertThat(valueOf(edit, "title")).isEqualTo(title);
		var values = application(title);
		values.put("client", "Acme Manufacturing Group (CEO: Mr. Lee)");
		assertThat(DiscordChat.text(zhang.in(null).fill(edit, values))).contains("重新提交");

		// the approver sees what changed and approves; a second click is told who already did
		org.awaitility.Awaitility.await().atMost(DiscordChat.PATIENCE).until(() -> liNa.directs().stream()
			.anyMatch(message -> DiscordChat.text(message).contains("CEO: Mr. Lee") && DiscordChat.hasButtons(message)));
		var second = liNa.directs().stream().filter(DiscordChat::hasButtons).reduce((a, b) -> b).orElseThrow();
		assertThat(DiscordChat.text(second)).contains("Acme Manufacturing → Acme Manufacturing Group");
		assertThat(DiscordChat.text(liNa.click(second, "批准"))).contains("你已批准");
		assertThat(DiscordChat.text(liNa.click(second, "批准"))).contains("已审批").contains("Li Na 已批准");

		// both managers click at once: exactly one decision
		var wangCard = wangFang.awaitDirect(title);
		var davidCard = david.awaitDirect(title);
		var clicks = new ArrayList<java.util.concurrent.CompletableFuture<Answer>>();
		clicks.add(wangFang.sendClick(wangCard, "批准"));
		clicks.add(david.sendClick(davidCard, "Approve"));
		var texts = clicks.stream().map(DiscordChat::await).map(DiscordChat::text).toList();
		assertThat(texts).filteredOn(text -> text.contains("你已批准") || text.contains("You approved")).hasSize(1);
		assertThat(texts).filteredOn(text -> text.contains("已审批") || text.contains("Already decided")).hasSize(1);

		// the project exists, at home in the channel where it was applied for, and is announced there
		var request = approvals.requestedBy("zhang.wei").stream()
			.filter(r -> r.title().equals(title))
			.findFirst()
			.orElseThrow();
		assertThat(request.status()).isEqualTo(ApprovalStatus.APPROVED);
		var project = org.awaitility.Awaitility.await().atMost(DiscordChat.PATIENCE)
			.until(() -> engagements.projectOf(Long.parseLong(request.subjectId())).orElse(null), p -> p != null);
		assertThat(project.home()).isEqualTo(new Home("discord", FakeDiscord.channel("consulting"), false));
		org.awaitility.Awaitility.await().atMost(DiscordChat.PATIENCE)
			.until(() -> discord.messagesIn(FakeDiscord.channel("consulting"))
				.stream()
				.anyMatch(message -> DiscordChat.text(message).contains(project.code())));
		zhang.in(null).awaitDirect(project.code());
		assertThat(DiscordChat.text(emma.command("/project show " + project.code())))
			.contains(project.code())
			.contains("Li Na requested changes");
	}

	@Test
	void rejectedApplicationMakesNoProjectAndTellsTheApplicantWhy() {
		var emma = chat(EMMA_WILSON, "emma", "general");
		var liNa = chat(LI_NA, "lina", null);
		var title = "Rejected idea " + System.nanoTime();
		assertThat(DiscordChat.text(emma.fill(emma.command("/project apply"), application(title)))).contains("submitted");

		var card = liNa.awaitDirect(title);
		var reason = liNa.click(card, "驳回");
		liNa.submit(reason, Map.of("reason", "Outside our practice areas."));

		var notice = emma.in(null).awaitDirect("Outside our practice areas");
		assertThat(DiscordChat.text(notice)).contains("Li Na rejected").contains(title);
		var request = approvals.requestedBy("emma.wilson").stream()
			.filter(r -> r.title().equals(title))
			.findFirst()
			.orElseThrow();
		assertThat(request.status()).isEqualTo(ApprovalStatus.REJECTED);
		assertThat(engagements.projectOf(Long.parseLong(request.subjectId()))).isEmpty();
		org.awaitility.Awaitility.await().atMost(DiscordChat.PATIENCE)
			.until(() -> !DiscordChat.hasButtons(liNa.lastDirect(title)));
		assertThat(DiscordChat.text(liNa.click(card, "批准"))).contains("已审批").contains("驳回");
	}

	@Test
	void withdrawingWithTypedOptionsTakesTheButtonsAwayAndTellsALateClicker() {
		var sun = chat(SUN_LI, "sunli", "general");
		var chenJie = chat(CHEN_JIE, "chenjie", null);
		var title = "Withdrawn idea " + System.nanoTime();
		var values = application(title);
		values.put("departmentId", "digital");
		sun.fill(sun.command("/project apply"), values);
		var card = chenJie.awaitDirect(title);
		var id = approvals.requestedBy("sun.li").stream()
			.filter(r -> r.title().equals(title))
			.findFirst()
			.orElseThrow()
			.id();

		// an integer option and a text option with spaces, as Discord sends them
		var withdrawn = sun.command("/approvals withdraw " + id + " client changed their mind");
		assertThat(DiscordChat.text(withdrawn)).contains("withdrew");
		org.awaitility.Awaitility.await().atMost(DiscordChat.PATIENCE)
			.until(() -> !DiscordChat.hasButtons(chenJie.lastDirect(title)));
		assertThat(DiscordChat.text(chenJie.click(card, "批准"))).contains("撤回");
	}

	@Test
	void aStrangerIsToldTheirDiscordIdInTheLanguageOfTheirClient() {
		var stranger = new DiscordChat(discord, "555000000000000555", "stranger", "general", "zh-CN");
		// told which admins to ask, and how to link their account (Discord tells bots no e-mails)
		assertThat(DiscordChat.text(stranger.command("/project apply"))).contains("555000000000000555")
			.contains("尚未关联到 Steward 人员目录中的任何人", "Alex Admin", "/steward link");
		var english = new DiscordChat(discord, "555000000000000556", "visitor", "general", "en-GB");
		assertThat(DiscordChat.text(english.command("/steward whoami"))).contains("not linked to anyone in Steward’s directory",
				"Ask Alex Admin");
	}

	private static String valueOf(Answer modal, String key) {
		var components = modal.data().getArray("components");
		for (int i = 0; i < components.length(); i++) {
			var input = components.getObject(i).getObject("component");
			if (input.getString("custom_id").equals(key)) {
				return input.getString("value", "");
			}
		}
		throw new AssertionError("No input " + key + " in " + modal.data());
	}

}
