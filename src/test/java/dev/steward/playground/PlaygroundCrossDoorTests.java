package dev.steward.playground;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.steward.approval.ApprovalManagement;
import dev.steward.engagement.EngagementManagement;
import dev.steward.support.CrossDoorScenario;
import dev.steward.support.DoorDriver;

/** The cross-door scenario in the playground, in headless Chromium. */
@PlaygroundTest
class PlaygroundCrossDoorTests implements DoorDriver {

	static ChromeDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

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

	@Test
	void theScenarioEndsTheSameInTheDatabase() {
		CrossDoorScenario.run(this, engagements, approvals);
	}

	private PlaygroundPage as(String personId) {
		return new PlaygroundPage(browser).open("http://localhost:" + port).actAs(personId);
	}

	/** Fills the open form page by page with the values whose inputs each page shows, to the end. */
	private static String fill(PlaygroundPage page, Map<String, String> values) {
		while (page.formIsOpen()) {
			var keys = page.driver().findElements(By.cssSelector("dialog [data-input-key]")).stream()
				.map(input -> input.getAttribute("data-input-key"))
				.toList();
			keys.stream().filter(values::containsKey).forEach(key -> page.fill(key, values.get(key)));
			int before = page.formPage();
			page.submitForm();
			if (page.formIsOpen() && page.formPage() == before) {
				throw new AssertionError("The form refused: " + page.formErrors());
			}
		}
		return page.lastEphemeral();
	}

	@Override
	public String door() {
		return "playground";
	}

	@Override
	public String channel() {
		return "consulting";
	}

	@Override
	public String apply(String personId, Map<String, String> values) {
		return fill(as(personId).openChannel("consulting").command("/project apply"), values);
	}

	@Override
	public String click(String personId, String containing, String label, String reason) {
		var page = as(personId).openDirectMessages();
		page.waitForMessageContaining(containing);
		page.clickButtonInMessageContaining(containing, label);
		if (page.formIsOpen()) {
			return fill(page, Map.of("reason", reason));
		}
		return page.lastEphemeral();
	}

	@Override
	public String edit(String personId, String containing, String label, Map<String, String> changes) {
		var page = as(personId).openDirectMessages();
		page.waitForMessageContaining(containing);
		page.clickButtonInMessageContaining(containing, label);
		return fill(page, changes);
	}

}
