package dev.steward.slack;

import dev.steward.support.SampleApplication;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.steward.slack.SlackChat.Outcome;

/**
 * The whole life of a project application in Slack, as the kernel's own flow test drives it but
 * through signed payloads into {@code /slack/events}, reading what Steward did from the fake Web
 * API: a modal with inline errors and three pages, a non-approver's click, request changes, edit
 * and resubmit, approval with a double click, two managers at once, the project in its channel;
 * and a rejection. Every call Steward made keeps Slack's limits.
 */
@SlackTest
class SlackApplicationFlowTests {

	static final String CONSULTING = "C01CONSULTING";

	static final String GENERAL = "C01GENERAL";

	@LocalServerPort
	int port;

	SlackWorkspace slack;

	@BeforeEach
	void workspace() {
		slack = new SlackWorkspace(port);
	}

	@AfterEach
	void everyCallKeptSlacksLimits() {
		assertThat(slack.api.violations()).isEmpty();
	}

	static Map<String, String> application(String title) {
		return SampleApplication.values(title);
	}

	@Test
	void applicationGoesThroughChangesAndTwoApprovalsToAProjectInSlack() throws Exception {
		var zhang = new SlackChat(slack, "U01ZHANGWEI", CONSULTING);
		var emma = new SlackChat(slack, "U01EMMAWILSON", CONSULTING);
		var liNa = new SlackChat(slack, "U01LINA", CONSULTING);
		var wangFang = new SlackChat(slack, "U01WANGFANG", GENERAL);
		var david = new SlackChat(slack, "U01DAVIDMILLER", GENERAL);
		var title = "Acme market entry " + System.nanoTime();

		// the command opens a three-page modal; bad values come back inline and keep it open
		var opened = zhang.command("/project apply");
		var form = opened.form();
		assertThat(form.get("callback_id").getAsString()).isEqualTo(BlockKit.FORM_CALLBACK);
		assertThat(SlackChat.shown(form)).containsEntry("departmentId", "strategy");
		var bad = zhang.submit(form, Map.of("title", "", "client", "Acme", "departmentId", "strategy",
				"expectedRevenue", "lots"));
		assertThat(bad.kind()).isEqualTo(Outcome.Kind.ERRORS);
		assertThat(bad.errors()).containsOnlyKeys("title", "expectedRevenue").containsEntry("title", "此项为必填。");

		// the next page replaces the first in the same modal; the last one closes it with a reply
		var second = zhang.submit(form, application(title));
		assertThat(second.kind()).isEqualTo(Outcome.Kind.FORM);
		assertThat(second.view().get("private_metadata").getAsString()).contains("\"page\":1");
		var submitted = zhang.fill(second, application(title));
		assertThat(submitted.kind()).isEqualTo(Outcome.Kind.EPHEMERAL);
		assertThat(submitted.text()).contains(title).contains("Li Na");

		// the department head gets the card as a direct message, stamped with its delivery id
		var card = liNa.awaitDirect(title);
		assertThat(card.text()).contains("项目立项申请").contains("Acme Manufacturing").contains("[批准]");
		assertThat(card.metadata.get("event_type").getAsString()).isEqualTo(SlackDoor.DELIVERY_EVENT);
		assertThat(card.metadata.getAsJsonObject("event_payload").has(SlackDoor.DELIVERY_ID)).isTrue();
		zhang.awaitDirect("Li Na（部门负责人审核）");

		// someone else's click is refused, only to them
		assertThat(emma.click(card, "批准").text()).contains("Only Li Na can decide this step");

		// request changes: a reason in a modal, then the card loses its buttons (chat.update)
		var reasonForm = liNa.click(card, "要求修改").form();
		assertThat(liNa.submit(reasonForm, Map.of("reason", " ")).kind()).isEqualTo(Outcome.Kind.ERRORS);
		var changed = liNa.submit(reasonForm, Map.of("reason", "Please name the client's decision maker."));
		assertThat(changed.text()).contains("要求修改");
		await().atMost(Duration.ofSeconds(10)).until(() -> !liNa.lastDirect(title).hasActions());
		assertThat(liNa.lastDirect(title).text()).contains("Li Na 要求修改").contains("decision maker");
		assertThat(slack.api.calls("chat.update")).isNotEmpty();

		// the applicant edits and resubmits from the notice's button
		var notice = zhang.awaitDirect("decision maker");
		var edit = zhang.click(notice, "修改并重新提交").form();
		assertThat(SlackChat.shown(edit)).containsEntry("title", title);
		var values = new HashMap<>(application(title));
		values.put("client", "Acme Manufacturing Group (CEO: Mr. Lee)");
		assertThat(zhang.fill(new Outcome(Outcome.Kind.FORM, edit, "", null, Map.of()), values).text())
			.contains("重新提交");

		// the approver sees what changed and approves; a double click is told who already decided
		await().atMost(Duration.ofSeconds(10)).until(() -> liNa.directs().stream()
			.filter(posted -> posted.text().contains("CEO: Mr. Lee") && posted.hasActions())
			.count() == 1);
		var again = liNa.directs().stream().filter(FakeSlackApi.Posted::hasActions).reduce((a, b) -> b).orElseThrow();
		assertThat(again.text()).contains("自要求修改以来的变更").contains("Acme Manufacturing → Acme Manufacturing Group");
		assertThat(liNa.click(again, "批准").text()).contains("你已批准");
		assertThat(liNa.click(again, "批准").text()).contains("已审批").contains("Li Na 已批准");
		assertThat(liNa.click(card, "批准").text()).contains("已审批");

		// both managers click at once: exactly one decision
		var wangCard = wangFang.awaitDirect(title);
		var davidCard = david.awaitDirect(title);
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(2);
		try {
			var clicks = new ArrayList<Future<Outcome>>();
			for (Callable<Outcome> click : List.<Callable<Outcome>>of(() -> {
				start.await();
				return wangFang.click(wangCard, "批准");
			}, () -> {
				start.await();
				return david.click(davidCard, "Approve");
			})) {
				clicks.add(pool.submit(click));
			}
			start.countDown();
			var texts = new ArrayList<String>();
			for (var click : clicks) {
				texts.add(click.get().text());
			}
			assertThat(texts).filteredOn(text -> text.contains("你已批准") || text.contains("You approved")).hasSize(1);
			assertThat(texts).filteredOn(text -> text.contains("已审批") || text.contains("Already decided")).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}

		// the project is announced in the channel the application came from, and to the applicant
		var announced = await().atMost(Duration.ofSeconds(10))
			.until(() -> slack.api.messages(CONSULTING)
				.stream()
				.filter(posted -> posted.text().contains(title) && posted.text().matches("(?s).*P-\\d{4}-\\d{4}.*"))
				.findFirst()
				.orElse(null), posted -> posted != null);
		var code = announced.text().replaceAll("(?s).*?(P-\\d{4}-\\d{4}).*", "$1");
		zhang.awaitDirect(code);
		assertThat(emma.command("/project show " + code).text()).contains(code)
			.contains("Zhang Wei submitted the application")
			.contains("Li Na requested changes (department head review)")
			.contains("Zhang Wei resubmitted")
			.contains("Li Na approved (department head review)")
			.contains("Project " + code + " created");
		assertThat(liNa.command("/approvals").text()).contains("没有待你审批");
	}

	@Test
	void rejectedApplicationTellsTheApplicantWhyAndTakesTheButtonsAway() {
		var emma = new SlackChat(slack, "U01EMMAWILSON", GENERAL);
		var liNa = new SlackChat(slack, "U01LINA", GENERAL);
		var title = "Rejected idea " + System.nanoTime();
		assertThat(emma.fill(emma.command("/project apply"), application(title)).text()).contains("submitted");

		var card = liNa.awaitDirect(title);
		var reason = liNa.click(card, "驳回").form();
		liNa.submit(reason, Map.of("reason", "Outside our practice areas."));

		var notice = emma.awaitDirect("Outside our practice areas");
		assertThat(notice.text()).contains("Li Na rejected").contains(title);
		await().atMost(Duration.ofSeconds(10)).until(() -> !liNa.lastDirect(title).hasActions());
		assertThat(liNa.click(card, "批准").text()).contains("已审批").contains("驳回");
	}

	@Test
	void aDirectMessageCommandAnswersInTheDirectConversation() {
		var emma = new SlackChat(slack, "U01EMMAWILSON", "D01EMMAWILSON");
		assertThat(emma.command("/steward whoami").text()).contains("Emma Wilson").contains("Europe/London");
	}

	@Test
	void unknownSlackUserIsAnsweredInTheLanguageSlackReportsForThem() {
		slack.api.user("U09STRANGER", "zh-CN", "Asia/Shanghai");
		var stranger = new SlackChat(slack, "U09STRANGER", GENERAL);
		var answer = stranger.command("/project apply").text();
		assertThat(answer).contains("U09STRANGER").containsPattern("\\p{IsHan}");
	}

	@Test
	void everyCommandWordIsASlashCommandAndHelpListsThem() {
		var emma = new SlackChat(slack, "U01EMMAWILSON", GENERAL);
		assertThat(emma.command("/steward help").text()).contains("/approvals").contains("/steward whoami");
		assertThat(emma.command("/project frobnicate").text()).contains("/project apply");
	}

}
