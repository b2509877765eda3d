package dev.steward.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.support.PickerFixtures;

/**
 * The playground's pickers in a real browser: a person list, a date input, and a searchable list of
 * 2,000 projects that follows what is typed and offers only what the person may see.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(PickerFixtures.class)
class PlaygroundPickerTests {

	private static ChromeDriver browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() {
		browser = HeadlessChromium.start();
	}

	@AfterAll
	static void quitBrowser() {
		Optional.ofNullable(browser).ifPresent(ChromeDriver::quit);
		browser = null;
	}

	private PlaygroundPage page() {
		return new PlaygroundPage(browser).open("http://localhost:" + port);
	}

	@Test
	void aLongListIsFilteredAsThePersonTypesAndThePickedValuesReachTheHandler() {
		var page = page().actAs("emma.wilson").command("/pick form");
		assertThat(page.formIsOpen()).isTrue();
		assertThat(page.search("project", "Project 004")).containsExactly("Project 0040", "Project 0041",
				"Project 0043", "Project 0044", "Project 0045", "Project 0046", "Project 0047", "Project 0048");
		assertThat(page.search("project", "Project 19")).hasSize(50).allMatch(label -> label.contains("Project 19"));
		page.search("project", "Project 004");
		page.pick("project", "Project 0043").choose("owner", "Li Na").date("due", "2026-03-31").submitForm();
		assertThat(page.lastEphemeral()).contains("Saved owner=li.na due=2026-03-31 project=P-0043");
	}

	@Test
	void prefilledPickersShowWhatIsPickedAndAHiddenProjectTypedInIsRefused() {
		var page = page().actAs("emma.wilson").command("/pick prefilled");
		assertThat(page.formValue("owner")).isEqualTo("li.na");
		assertThat(page.formValue("due")).isEqualTo("2026-03-31");
		assertThat(page.formValue("project")).isEqualTo("P-0044");
		assertThat(page.search("project", "Project 0049")).isEmpty();
		page.submitForm();
		assertThat(page.formErrors()).containsOnlyKeys("project");
	}

}
