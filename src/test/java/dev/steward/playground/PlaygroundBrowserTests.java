package dev.steward.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The playground in a real headless Chromium, as a newcomer would use it: two browsers, so two
 * people can act at once and each sees the other's doings arrive live.
 */
@PlaygroundTest
class PlaygroundBrowserTests {

	private static ChromeDriver first;

	private static ChromeDriver second;

	@LocalServerPort
	int port;

	/** Keeps a screenshot of each browser when a test fails (or always, with -Dsteward.screenshots). */
	@RegisterExtension
	static final TestWatcher screenshots = new TestWatcher() {

		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			save(context);
		}

		@Override
		public void testSuccessful(ExtensionContext context) {
			if (Boolean.getBoolean("steward.screenshots")) {
				save(context);
			}
		}

		private void save(ExtensionContext context) {
			var name = context.getRequiredTestMethod().getName();
			shoot(first, name + "-first");
			shoot(second, name + "-second");
		}

		private void shoot(ChromeDriver driver, String name) {
			if (driver == null) {
				return;
			}
			try {
				var directory = Files.createDirectories(Path.of("target", "playground-screenshots"));
				Files.write(directory.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
			}
			catch (IOException | RuntimeException ex) {
				System.err.println("No screenshot of " + name + ": " + ex);
			}
		}

	};

	@BeforeAll
	static void startBrowser() {
		first = HeadlessChromium.start();
	}

	@AfterAll
	static void quitBrowsers() {
		Optional.ofNullable(first).ifPresent(ChromeDriver::quit);
		Optional.ofNullable(second).ifPresent(ChromeDriver::quit);
		first = null;
		second = null;
	}

	private String baseUrl() {
		return "http://localhost:" + port;
	}

	private PlaygroundPage page() {
		return new PlaygroundPage(first).open(baseUrl());
	}

	private PlaygroundPage secondWindow() {
		if (second == null) {
			second = HeadlessChromium.start();
		}
		return new PlaygroundPage(second).open(baseUrl());
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 6);
	}

	@Test
	void aNewcomerChoosesWhoTheyAreAndThePageRemembersIt() {
		first.manage().deleteAllCookies();
		var page = page();
		assertThat(page.currentPerson()).isEmpty();
		assertThat(first.findElement(By.cssSelector("[data-composer]")).isEnabled()).isFalse();

		page.actAs("li.na");

		assertThat(page.currentPerson()).isEqualTo("li.na");
		assertThat(first.getCurrentUrl()).contains("as=li.na");
		assertThat(page.uiText("data-send")).isEqualTo("发送");
		page.open(baseUrl());
		assertThat(page.currentPerson()).as("remembered without ?as").isEqualTo("li.na");
		page.actAs("emma.wilson");
		assertThat(page.uiText("data-send")).isEqualTo("Send");
	}

	@Test
	void whoamiAnswersInThePersonsLanguage() {
		var zhang = page().actAs("zhang.wei");

		zhang.command("/steward whoami");

		assertThat(zhang.lastEphemeral()).contains("Zhang Wei", "部门", "战略咨询部", "项目经理", "简体中文", "Asia/Shanghai");
		assertThat(first.findElement(By.cssSelector("[data-ephemeral] .only-you")).getText()).isEqualTo("仅你可见");
		assertThat(zhang.uiText("data-conversation-topic")).isEqualTo("体验场里的每个人都能看到 #general。");

		var emma = page().actAs("emma.wilson");
		emma.command("/steward whoami");
		assertThat(emma.lastEphemeral()).contains("Emma Wilson", "Department", "Strategy Consulting", "Project manager",
				"Europe/London");
	}

	@Test
	void helpListsWhatACommandCanDo() {
		var emma = page().actAs("emma.wilson");

		emma.command("/steward help");

		assertThat(emma.lastEphemeral()).contains("Steward: every command", "/steward whoami",
				"Show who you are to Steward", "/demo form");
	}

	@Test
	void unknownCommandsAndPlainTextAreAnsweredPolitely() {
		var emma = page().actAs("emma.wilson");

		emma.command("/nope");
		assertThat(emma.lastEphemeral()).startsWith("There is no command /nope. Commands: /approvals, /client, /demo, /feedback, ")
			.contains("/project", "/steward");

		emma.command("/steward frobnicate");
		assertThat(emma.lastEphemeral()).contains("/steward has no command “frobnicate”", "/steward whoami");

		emma.command("hello there");
		assertThat(emma.lastEphemeral()).isEqualTo("Steward answers commands: start with /, e.g. /steward help.");
	}

	@Test
	void autocompleteOffersCommandWordsThenTheirSubcommands() {
		var emma = page().actAs("emma.wilson");

		assertThat(emma.autocomplete("/")).isSorted().contains("/approvals", "/demo", "/project", "/steward").allMatch(word -> !word.contains(" "));
		assertThat(emma.autocomplete("/ste")).containsExactly("/steward");
		assertThat(emma.pressInComposer(Keys.TAB)).isEqualTo("/steward ");
		assertThat(emma.suggestions()).containsExactly("/steward deliveries", "/steward jobs [filter]",
				"/steward link EMAIL", "/steward people [list]", "/steward unlink PERSON", "/steward whoami",
				"/steward help");

		for (int down = 0; down < 5; down++) {
			emma.pressInComposer(Keys.ARROW_DOWN);
		}
		assertThat(emma.pressInComposer(Keys.ENTER)).as("Enter takes the chosen suggestion").isEqualTo("/steward whoami");

		assertThat(emma.autocomplete("/steward w")).containsExactly("/steward whoami");
		emma.clickSuggestion("/steward whoami");
		assertThat(emma.composerText()).isEqualTo("/steward whoami");
		assertThat(emma.autocomplete("hello")).isEmpty();
		assertThat(emma.pressInComposer(Keys.ESCAPE)).isEqualTo("hello");
	}

	@Test
	void aTwoPageFormChecksItsInputsKeepsItsValuesAndItsMessageUpdatesLiveForEveryone() {
		var title = "Harbour study " + unique();
		var zhang = secondWindow().actAs("zhang.wei").openChannel("general");
		var emma = page().actAs("emma.wilson").openChannel("general");

		emma.command("/demo form");
		assertThat(emma.formIsOpen()).isTrue();
		assertThat(emma.formTitle()).isEqualTo("Demo request");
		assertThat(emma.formPage()).isEqualTo(1);
		assertThat(emma.uiText("data-form-page")).isEqualTo("Page 1 of 2");

		emma.fill("budget", "lots").choose("kind", "study").submitForm();
		assertThat(emma.formIsOpen()).isTrue();
		assertThat(emma.formPage()).isEqualTo(1);
		assertThat(emma.formErrors()).containsOnlyKeys("title", "budget")
			.containsEntry("title", "Please fill this in.")
			.containsEntry("budget", "Enter a number, e.g. 250000.");
		assertThat(emma.formValue("budget")).isEqualTo("lots");

		emma.fill("title", title).fill("budget", "2500000").submitForm();
		assertThat(emma.formPage()).isEqualTo(2);
		assertThat(emma.uiText("data-form-page")).isEqualTo("Page 2 of 2");
		emma.fill("notes", "Kickoff <b>next</b> week").submitForm();

		// the handler's own check failed on a page-1 input: that page again, as it was filled
		assertThat(emma.formPage()).isEqualTo(1);
		assertThat(emma.formErrors()).containsExactly(org.assertj.core.api.Assertions.entry("budget",
				DemoCommands.BUDGET_LIMIT_ERROR));
		assertThat(emma.formValue("title")).isEqualTo(title);
		assertThat(emma.formValue("kind")).isEqualTo("study");

		emma.fill("budget", "250000").submitForm();
		assertThat(emma.formPage()).isEqualTo(2);
		assertThat(emma.formValue("notes")).isEqualTo("Kickoff <b>next</b> week");
		emma.submitForm();

		assertThat(emma.formIsOpen()).isFalse();
		assertThat(emma.lastEphemeral()).isEqualTo("Request " + title + " posted.");

		var posted = zhang.waitForMessageContaining(title);
		assertThat(posted).as("page 1's values survive page 2").contains("250000", "study", "Emma Wilson",
				"Kickoff <b>next</b> week");
		var id = zhang.messageIdContaining(title);
		assertThat(emma.messageIdContaining(title)).isEqualTo(id);
		assertThat(zhang.buttonsOf(id)).containsExactly("Approve", "Reject");

		zhang.clickButtonInMessageContaining(title, "Approve");

		zhang.waitForMessageContaining("Approved by Zhang Wei");
		emma.waitForMessageContaining("Approved by Zhang Wei");
		assertThat(zhang.messageIdContaining(title)).as("updated in place").isEqualTo(id);
		assertThat(emma.messageText(id)).contains(title, "Approved by Zhang Wei");
		assertThat(emma.buttonsOf(id)).isEmpty();
		assertThat(zhang.buttonsOf(id)).isEmpty();
		assertThat(emma.messages()).filteredOn(text -> text.contains("Demo request: " + title)).hasSize(1);

		emma.openDirectMessages();
		emma.waitForMessageContaining("Your request " + title + " was approved by Zhang Wei.");
		zhang.openDirectMessages();
		zhang.waitForNoMessageContaining(title);
	}

	@Test
	void aButtonMayOpenAFormWhoseAnswerUpdatesTheMessage() {
		var title = "Audit " + unique();
		var li = page().actAs("li.na").openChannel("delivery");
		li.command("/demo form");
		li.fill("title", title).choose("kind", "audit").submitForm();
		li.fill("notes", "Second line\nof notes").submitForm();
		li.waitForMessageContaining(title);

		li.clickButtonInMessageContaining(title, "Reject");

		assertThat(li.formIsOpen()).isTrue();
		assertThat(li.formTitle()).isEqualTo("Why reject?");
		assertThat(first.findElements(By.cssSelector("[data-form-page]"))).as("one page, no page count").isEmpty();
		li.submitForm();
		assertThat(li.formErrors()).containsEntry("reason", "此项为必填。");
		li.fill("reason", "Out of scope").submitForm();
		assertThat(li.formIsOpen()).isFalse();
		li.waitForMessageContaining("Rejected by Li Na: Out of scope");
	}

	@Test
	void repliesOnlyYouSeeStayInTheirConversationUntilDismissed() {
		var emma = page().actAs("emma.wilson").openChannel("consulting");
		emma.command("/steward whoami");
		assertThat(emma.lastEphemeral()).contains("Directory id emma.wilson");

		emma.openChannel("general");
		assertThat(emma.messages()).noneMatch(text -> text.contains("Directory id emma.wilson"));
		emma.openChannel("consulting");
		assertThat(emma.ephemeralCount()).isEqualTo(1);

		emma.dismissLastEphemeral();
		assertThat(emma.ephemeralCount()).isZero();
	}

	@Test
	void cancellingAFormClosesIt() {
		var emma = page().actAs("emma.wilson");
		emma.command("/demo form");
		assertThat(emma.formIsOpen()).isTrue();

		emma.cancelForm();

		assertThat(emma.formIsOpen()).isFalse();
	}

}
