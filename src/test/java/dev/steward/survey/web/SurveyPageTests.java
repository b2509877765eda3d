package dev.steward.survey.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.approval.ApprovalManagement;
import dev.steward.client.ClientContact;
import dev.steward.client.ClientDetails;
import dev.steward.client.ClientManagement;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.playground.HeadlessChromium;
import dev.steward.support.ApprovedProjects;
import dev.steward.survey.Survey;
import dev.steward.survey.SurveyLinks;
import dev.steward.survey.SurveyManagement;

/**
 * The survey's web page at a signed link, for contacts outside the workspace: over HTTP (statuses,
 * security headers, no cookies, everything escaped, bad answers refused beside their inputs with
 * nothing recorded) and in headless Chromium (answered once; a reused, expired or altered link gets
 * a clear page).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SurveyPageTests {

	static final String HOSTILE = "<script>alert('x')</script> Chen";

	static ChromeDriver browser;

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

	@Autowired
	SurveyLinks links;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	Survey survey;

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

	@BeforeEach
	void aSurveyOfTwoContactsOutsideTheWorkspace() {
		var client = "Web client " + System.nanoTime();
		clients.add("zhang.wei", new ClientDetails(client, null, null, null, null,
				List.of(new ClientContact(HOSTILE, null, "chen@example.com", null, null),
						new ClientContact("Wu Lei", null, "wu@example.com", null, null))));
		var project = ApprovedProjects.approvedFor(engagements, approvals, "Web survey " + System.nanoTime(), client,
				new Home("test", "general", false));
		survey = surveys.sendNow(project.code(), "zhang.wei");
	}

	String url(int contact) {
		return url(links.sign(new SurveyLinks.Link(survey.id(), contact, survey.closesAt())));
	}

	String url(String token) {
		return "http://localhost:" + port + SurveyLinks.PATH + token;
	}

	HttpResponse<String> get(String url, String language) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", language).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
		var body = form.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void thePageIsEscapedFramedByNoOneAndSetsNoCookie() throws Exception {
		var page = get(url(0), "en-GB,en;q=0.8");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Satisfaction survey", "Service quality", "Communication", "name=\"d4\"")
			.doesNotContain("<script>")
			.contains("&lt;script&gt;");
		var headers = page.headers();
		assertThat(headers.firstValue("Content-Security-Policy")).get().asString()
			.contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self'");
		assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
		assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
		assertThat(headers.firstValue("Cache-Control")).get().asString().contains("no-store");
		assertThat(headers.allValues("Set-Cookie")).isEmpty();
		// its style sheet comes with the same policy, and the page reads Chinese to a Chinese browser
		var css = get("http://localhost:" + port + "/survey-page/survey.css", "en");
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Content-Security-Policy")).isPresent();
		assertThat(get(url(0), "zh-CN,zh;q=0.9").body()).contains("满意度调查", "服务质量", "提交答复");
	}

	@Test
	void badAnswersComeBackBesideTheirInputsAndNothingIsRecorded() throws Exception {
		var form = new LinkedHashMap<>(Map.of("d1", "5", "d2", "9", "d4", "4", "comment", "x".repeat(1001)));
		var refused = post(url(1), form);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("Please check the marked answers", "Scores are 1 to 5.", "Choose a score.",
				"A comment is at most 1,000 characters.");
		assertThat(surveys.survey(survey.id()).orElseThrow().invitation(1).answered()).isFalse();

		var answered = post(url(1), Map.of("d1", "5", "d2", "4", "d3", "4", "d4", "3", "comment", "Fine <b>work</b>"));
		assertThat(answered.statusCode()).isEqualTo(200);
		assertThat(answered.body()).contains("your answer was sent");
		var kept = surveys.survey(survey.id()).orElseThrow().invitation(1);
		assertThat(kept.answer(4)).containsExactly(5, 4, 4, 3);
		assertThat(kept.comment()).isEqualTo("Fine <b>work</b>");
		assertThat(kept.answeredVia()).isEqualTo("web");

		// the same link again, to read or to send: used, 410, and the answer kept is the first
		assertThat(get(url(1), "en").statusCode()).isEqualTo(410);
		var again = post(url(1), Map.of("d1", "1", "d2", "1", "d3", "1", "d4", "1"));
		assertThat(again.statusCode()).isEqualTo(410);
		assertThat(again.body()).contains("This link has been used");
		assertThat(surveys.survey(survey.id()).orElseThrow().invitation(1).answer(4)).containsExactly(5, 4, 4, 3);
	}

	@Test
	void aContactAnswersInTheBrowserOnceAndReusedExpiredOrAlteredLinksSaySo() {
		browser.get(url(0));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Satisfaction survey");
		assertThat(browser.findElement(By.cssSelector("p.lead")).getText()).contains(HOSTILE);
		// sent with one dimension unanswered: the page comes back with the choices kept
		browser.findElement(By.cssSelector("input[name=d1][value='4']")).click();
		browser.findElement(By.cssSelector("input[name=d2][value='5']")).click();
		browser.findElement(By.cssSelector("input[name=d3][value='3']")).click();
		browser.findElement(By.id("comment")).sendKeys("Good workshops; minutes were late.");
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		// a click starts the post; the page that answers it comes when it comes
		assertThat(shown(By.cssSelector("fieldset.invalid .error")).getText()).isEqualTo("Choose a score.");
		assertThat(browser.findElement(By.cssSelector("input[name=d2][value='5']")).isSelected()).isTrue();
		assertThat(browser.findElement(By.id("comment")).getAttribute("value")).isEqualTo("Good workshops; minutes were late.");
		browser.findElement(By.cssSelector("input[name=d4][value='4']")).click();
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		// the page before had a form with errors; the one that answers this post says it was sent
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.not(ExpectedConditions.presenceOfElementLocated(By.cssSelector("fieldset.invalid"))));
		assertThat(shown(By.cssSelector(".notice")).getText()).contains("Thank you: your answer was sent.");
		var kept = surveys.survey(survey.id()).orElseThrow().invitation(0);
		assertThat(kept.answer(4)).containsExactly(4, 5, 3, 4);
		assertThat(kept.comment()).isEqualTo("Good workshops; minutes were late.");

		// reused: the link's second visit (the back button, another tab)
		browser.get(url(0));
		assertThat(browser.findElement(By.cssSelector(".notice.problem")).getText()).contains("This link has been used");
		assertThat(browser.findElements(By.tagName("form"))).isEmpty();

		// expired: a link whose time is over, though signed with our key
		browser.get(url(links.sign(new SurveyLinks.Link(survey.id(), 1, Instant.now().minus(Duration.ofMinutes(1))))));
		assertThat(browser.findElement(By.cssSelector(".notice.problem")).getText()).contains("This link has expired");

		// altered: another contact's number put in by hand
		var token = links.sign(new SurveyLinks.Link(survey.id(), 1, survey.closesAt()));
		var payload = new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
				StandardCharsets.US_ASCII);
		var forged = java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString(payload.replace(":" + survey.id() + ":1:", ":" + survey.id() + ":0:").getBytes(StandardCharsets.US_ASCII))
				+ token.substring(token.indexOf('.'));
		browser.get(url(forged));
		assertThat(browser.findElement(By.cssSelector(".notice.problem")).getText()).contains("This link is not valid");
		browser.get(url(1) + "?lang=zh-CN");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("满意度调查");
		assertThat(surveys.survey(survey.id()).orElseThrow().invitation(1).answered()).as("nothing recorded").isFalse();
	}


	/** The element once the page that has it is shown (a form's post answers with a page of its own). */
	private WebElement shown(By by) {
		return new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(by));
	}

}
