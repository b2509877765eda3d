package dev.steward.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The firm's policy (§2.1.3–4) in a real browser: a project application submitted in the
 * playground, sent back for changes by the department head, edited and resubmitted, approved by
 * the department head and by management, and a project with its history; and a rejection.
 */
@PlaygroundTest
class ApplicationFlowBrowserTests {

	static final Pattern CODE = Pattern.compile("P-\\d{4}-\\d{4}");

	static ChromeDriver browser;

	@LocalServerPort
	int port;

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

	static Map<String, String> opportunity() {
		return Map.of("background", "Acme wants to enter Southeast Asia.",
				"clientNeeds", "A market entry strategy with a roadmap.",
				"scaleBudget", "Three consultants, twelve weeks, 300k.",
				"keyRisks", "Tight timeline; patchy market data.");
	}

	static Map<String, String> proposal() {
		return Map.of("reason", "A strategic client in a growing sector.",
				"solution", "Market scan, interviews, entry options, roadmap.");
	}

	/** Fills the application form from its first page to its last and submits it. */
	static void fillApplication(PlaygroundPage page, String title, String client) {
		assertThat(page.formIsOpen()).isTrue();
		page.fill("title", title).fill("client", client).fill("expectedRevenue", "250000").submitForm();
		assertThat(page.formPage()).isEqualTo(2);
		opportunity().forEach(page::fill);
		page.submitForm();
		assertThat(page.formPage()).isEqualTo(3);
		proposal().forEach(page::fill);
		page.submitForm();
		assertThat(page.formIsOpen()).isFalse();
	}

	@Test
	void applicationThroughChangesAndTwoApprovalsBecomesAProject() {
		var title = "Acme market entry " + UUID.randomUUID().toString().substring(0, 6);

		// the applicant's first page stops on bad input, inline, and keeps what was typed
		var zhang = as("zhang.wei").openChannel("consulting").command("/project apply");
		assertThat(zhang.formTitle()).isEqualTo("项目立项申请");
		assertThat(zhang.formValue("departmentId")).isEqualTo("strategy");
		zhang.fill("title", title).fill("client", "Acme").fill("expectedRevenue", "a lot").submitForm();
		assertThat(zhang.formErrors()).containsEntry("expectedRevenue", "请输入数字，例如 250000。");
		assertThat(zhang.formPage()).isEqualTo(1);
		assertThat(zhang.formValue("title")).isEqualTo(title);
		zhang.cancelForm();
		zhang.command("/project apply");
		// the client is picked from the firm's clients, or made new from what is typed
		var newClient = "Acme " + UUID.randomUUID().toString().substring(0, 6);
		assertThat(zhang.search("client", newClient)).containsExactly("➕ 新客户：" + newClient);
		zhang.cancelForm();
		zhang.command("/project apply");
		fillApplication(zhang, title, "Acme");
		assertThat(zhang.lastEphemeral()).contains(title, "Li Na");

		// the department head asks for changes, with a reason
		var liNa = as("li.na").openDirectMessages();
		liNa.waitForMessageContaining(title);
		liNa.clickButtonInMessageContaining(title, "要求修改");
		assertThat(liNa.formTitle()).isEqualTo("要求修改");
		liNa.submitForm();
		assertThat(liNa.formErrors()).containsEntry("reason", "此项为必填。");
		liNa.fill("reason", "Please name the client's decision maker.").submitForm();
		assertThat(liNa.lastEphemeral()).contains("你已要求修改");
		liNa.waitForMessageContaining("Li Na 要求修改");

		// the applicant edits and resubmits from the button in their messages
		zhang = as("zhang.wei").openDirectMessages();
		zhang.waitForMessageContaining("decision maker");
		zhang.clickButtonInMessageContaining("decision maker", "修改并重新提交");
		assertThat(zhang.formTitle()).isEqualTo("修改立项申请");
		assertThat(zhang.formValue("title")).isEqualTo(title);
		assertThat(zhang.formValue("client")).isEqualTo("Acme");
		// the application made "Acme" a client: it is offered as one, beside a new one for what is typed
		assertThat(zhang.search("client", "acm")).contains("Acme", "➕ 新客户：acm");
		zhang.fill("client", "Acme Group (CEO Mr. Lee decides)").submitForm().submitForm().submitForm();
		assertThat(zhang.formIsOpen()).isFalse();
		assertThat(zhang.lastEphemeral()).contains("重新提交");

		// the department head sees what changed and approves
		liNa = as("li.na").openDirectMessages();
		var changed = liNa.waitForMessageContaining("CEO Mr. Lee decides");
		assertThat(changed).contains("自要求修改以来的变更", "Acme → Acme Group (CEO Mr. Lee decides)");
		liNa.clickButtonInMessageContaining("CEO Mr. Lee decides", "批准");
		assertThat(liNa.lastEphemeral()).contains("你已批准");
		liNa.waitForMessageContaining("Li Na 已批准");

		// someone who is not the approver is refused; management approves
		var emma = as("emma.wilson").openDirectMessages();
		assertThat(emma.messages()).noneMatch(text -> text.contains(title));
		var wangFang = as("wang.fang").openDirectMessages();
		wangFang.waitForMessageContaining(title);
		wangFang.clickButtonInMessageContaining(title, "批准");
		assertThat(wangFang.lastEphemeral()).contains("你已批准");

		// the project exists, announced in the channel it came from, with its whole history
		zhang = as("zhang.wei").openChannel("consulting");
		var announcement = zhang.waitForMessageContaining("New project");
		var code = CODE.matcher(announcement);
		assertThat(code.find()).as("a project code in: " + announcement).isTrue();
		zhang.command("/project show " + code.group());
		assertThat(zhang.lastEphemeral()).contains(code.group(), title, "Zhang Wei 提交了申请",
				"Li Na 要求修改（部门负责人审核）", "Zhang Wei 重新提交", "Li Na 批准（部门负责人审核）",
				"Wang Fang 批准（管理层审批）", "审批通过，项目 " + code.group() + " 成立");
		zhang.openDirectMessages().waitForMessageContaining(code.group());
	}

	@Test
	void rejectedApplicationIsExplainedToTheApplicant() {
		var title = "Long shot " + UUID.randomUUID().toString().substring(0, 6);
		var emma = as("emma.wilson").openChannel("general").command("/project apply");
		fillApplication(emma, title, "Globex");
		assertThat(emma.lastEphemeral()).contains("submitted");

		var liNa = as("li.na").openDirectMessages();
		liNa.waitForMessageContaining(title);
		liNa.clickButtonInMessageContaining(title, "驳回");
		liNa.fill("reason", "Outside our practice areas.").submitForm();
		assertThat(liNa.lastEphemeral()).contains("你已驳回");
		liNa.waitForMessageContaining("Li Na 已驳回");

		emma = as("emma.wilson").openDirectMessages();
		assertThat(emma.waitForMessageContaining("Outside our practice areas")).contains("Li Na rejected", title);
		emma.command("/approvals mine");
		assertThat(emma.lastEphemeral()).contains(title, "rejected");
	}

}
