package dev.steward.playground;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground page as a person uses it, for browser tests: choose who you are, open a
 * conversation, type commands, fill and submit forms, click buttons, read messages. It finds
 * things by their {@code data-} attributes, never by layout, and every action that talks to the
 * server waits until the page has handled the answer, so tests never sleep.
 *
 * <p>Pages of one browser share its cookie (who you are); use a browser per person when two act
 * at once (see {@link HeadlessChromium#start()}).
 */
public class PlaygroundPage {

	private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

	private static final By MESSAGES = By.cssSelector("[data-messages] > .message");

	private static final By EPHEMERALS = By.cssSelector("[data-messages] > .message[data-ephemeral]");

	private static final By BODY = By.cssSelector("[data-message-body]");

	private static final By DIALOG = By.cssSelector("[data-form-dialog]");

	private final WebDriver driver;

	private final Duration timeout;

	public PlaygroundPage(WebDriver driver) {
		this(driver, DEFAULT_TIMEOUT);
	}

	public PlaygroundPage(WebDriver driver, Duration timeout) {
		this.driver = Objects.requireNonNull(driver);
		this.timeout = timeout;
	}

	public WebDriver driver() {
		return driver;
	}

	// --- where and who ---------------------------------------------------------------------------

	/** Opens the playground at a server's base address, e.g. {@code http://localhost:8080}. */
	public PlaygroundPage open(String baseUrl) {
		driver.get(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
		return awaitReady();
	}

	/** Chooses who you are (a directory person id); the page reloads in that person's language. */
	public PlaygroundPage actAs(String personId) {
		if (personId.equals(currentPerson())) {
			return this;
		}
		new Select(driver.findElement(By.cssSelector("[data-person-select]"))).selectByValue(personId);
		await(d -> personId.equals(attribute("data-person")) && "true".equals(attribute("data-ready")));
		return awaitReady();
	}

	/** The person the page acts as, or an empty string before anyone is chosen. */
	public String currentPerson() {
		return Objects.requireNonNullElse(attribute("data-person"), "");
	}

	/** Opens a channel from the sidebar, e.g. {@code general}. */
	public PlaygroundPage openChannel(String name) {
		return openConversation("channel:" + name);
	}

	/** Opens your direct messages with Steward. */
	public PlaygroundPage openDirectMessages() {
		return openConversation("dm");
	}

	/** The open conversation as the page names it: {@code channel:NAME} or {@code dm}. */
	public String conversation() {
		return attribute("data-conversation");
	}

	/** Whether the page receives live updates (its event stream is open). */
	public boolean isLive() {
		return "on".equals(attribute("data-live"));
	}

	/** The text of the page's interface element with this {@code data-} attribute, e.g. {@code data-send}. */
	public String uiText(String dataAttribute) {
		return driver.findElement(By.cssSelector("[" + dataAttribute + "]")).getText();
	}

	// --- the composer ----------------------------------------------------------------------------

	/** Types a command, e.g. {@code /steward whoami}, sends it, and waits for Steward's answer. */
	public PlaygroundPage command(String typed) {
		var input = composer();
		input.clear();
		input.sendKeys(typed);
		return expectingReply(() -> driver.findElement(By.cssSelector("[data-send]")).click());
	}

	/**
	 * Types into the empty composer without sending, and answers what the autocomplete offers
	 * (each suggestion as it is typed, e.g. {@code /steward whoami}); empty when it offers nothing.
	 */
	public List<String> autocomplete(String typed) {
		var input = composer();
		input.clear();
		input.sendKeys(typed);
		return suggestions();
	}

	/** Presses keys in the composer (e.g. {@link Keys#TAB}, {@link Keys#ARROW_DOWN}), then answers what it says. */
	public String pressInComposer(CharSequence... keys) {
		composer().sendKeys(keys);
		return composerText();
	}

	/** What the composer holds now. */
	public String composerText() {
		return composer().getDomProperty("value");
	}

	/** The suggestions the autocomplete shows now. */
	public List<String> suggestions() {
		var list = driver.findElement(By.cssSelector("[data-autocomplete]"));
		if (!list.isDisplayed()) {
			return List.of();
		}
		return list.findElements(By.cssSelector("[data-suggestion]"))
			.stream()
			.map(item -> item.getDomAttribute("data-suggestion"))
			.toList();
	}

	/** Clicks a suggestion with the mouse, by its text (e.g. {@code /steward whoami}). */
	public PlaygroundPage clickSuggestion(String suggestion) {
		driver.findElements(By.cssSelector("[data-autocomplete] [data-suggestion]"))
			.stream()
			.filter(item -> suggestion.equals(item.getDomAttribute("data-suggestion")))
			.findFirst()
			.orElseThrow(() -> new NoSuchElementException("No suggestion " + suggestion + " in " + suggestions()))
			.click();
		return this;
	}

	// --- the form dialog -------------------------------------------------------------------------

	/** Whether a form is open. */
	public boolean formIsOpen() {
		return driver.findElement(DIALOG).getDomAttribute("open") != null;
	}

	/** The page of the open form, counted from 1 as the person reads it ("page 2 of 3" is 2). */
	public int formPage() {
		return Integer.parseInt(form().getDomAttribute("data-page")) + 1;
	}

	/** The open form's title. */
	public String formTitle() {
		return form().findElement(By.cssSelector("[data-form-title]")).getText();
	}

	/** What an input of the open form holds, by its key. */
	public String formValue(String inputKey) {
		return input(inputKey).getDomProperty("value");
	}

	/** Types into an input of the open form, replacing what it held; on a choice it chooses. */
	public PlaygroundPage fill(String inputKey, String value) {
		var input = input(inputKey);
		if ("select".equals(input.getTagName())) {
			return choose(inputKey, value);
		}
		if ("hidden".equals(input.getDomAttribute("type"))) {
			// a searchable input: typed into its filter, which the page copies into the value
			var filter = form().findElement(By.cssSelector("[data-picker-key='" + inputKey + "'] [data-picker-filter]"));
			filter.clear();
			filter.sendKeys(value);
			return this;
		}
		input.clear();
		if (!value.isEmpty()) {
			input.sendKeys(value);
		}
		return this;
	}

	/** Chooses an option of a choice input, by its value or else by what it says. */
	public PlaygroundPage choose(String inputKey, String value) {
		var select = new Select(input(inputKey));
		boolean byValue = select.getOptions().stream().anyMatch(option -> value.equals(option.getDomAttribute("value")));
		if (byValue) {
			select.selectByValue(value);
		}
		else {
			select.selectByVisibleText(value);
		}
		return this;
	}

	/**
	 * Types into a searchable input's filter and answers the choices it then lists (their labels),
	 * once the list answers what was typed.
	 */
	public List<String> search(String inputKey, String typed) {
		var picker = await(d -> form().findElement(By.cssSelector("[data-picker][data-picker-key='" + inputKey + "']")));
		var filter = picker.findElement(By.cssSelector("[data-picker-filter]"));
		filter.clear();
		filter.sendKeys(typed);
		await(d -> typed.equals(picker.getDomAttribute("data-query")));
		return retrying(d -> picker.findElements(By.cssSelector("[data-choice-value]"))
			.stream()
			.map(WebElement::getText)
			.toList());
	}

	/** Picks a listed choice of a searchable input, by what it says. */
	public PlaygroundPage pick(String inputKey, String label) {
		form().findElements(By.cssSelector("[data-picker-key='" + inputKey + "'] [data-choice-value]"))
			.stream()
			.filter(option -> option.getText().equals(label))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No choice " + label + " for " + inputKey))
			.click();
		return this;
	}

	/** Sets a date input of the open form (what a date picker sends is always {@code yyyy-MM-dd}). */
	public PlaygroundPage date(String inputKey, String isoDate) {
		((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
				input(inputKey), isoDate);
		return this;
	}

	/** Submits the open form's page and waits for the answer (next page, errors, or closing). */
	public PlaygroundPage submitForm() {
		var submit = form().findElement(By.cssSelector("[data-form-submit]"));
		return expectingReply(submit::click);
	}

	/** Closes the open form without submitting it. */
	public PlaygroundPage cancelForm() {
		form().findElement(By.cssSelector("[data-form-cancel]")).click();
		await(d -> !formIsOpen());
		return this;
	}

	/** The errors shown beside the open form's inputs, by input key. */
	public Map<String, String> formErrors() {
		var errors = new LinkedHashMap<String, String>();
		if (!formIsOpen()) {
			return errors;
		}
		for (var slot : form().findElements(By.cssSelector(".form-field .form-error[data-error-for]"))) {
			var text = slot.getText();
			if (!text.isBlank()) {
				errors.put(slot.getDomAttribute("data-error-for"), text);
			}
		}
		return errors;
	}

	// --- messages --------------------------------------------------------------------------------

	/** The visible text of each message of the open conversation, oldest first, replies only you see included. */
	public List<String> messages() {
		return retrying(d -> d.findElements(MESSAGES).stream().map(PlaygroundPage::bodyText).toList());
	}

	/** Waits until a message of the open conversation contains the text; answers that message's text. */
	public String waitForMessageContaining(String text) {
		return await(d -> d.findElements(MESSAGES)
			.stream()
			.map(PlaygroundPage::bodyText)
			.filter(body -> body.contains(text))
			.reduce((first, second) -> second)
			.orElse(null));
	}

	/** Waits until no message of the open conversation contains the text. */
	public PlaygroundPage waitForNoMessageContaining(String text) {
		await(d -> d.findElements(MESSAGES).stream().map(PlaygroundPage::bodyText).noneMatch(body -> body.contains(text)));
		return this;
	}

	/** The platform id of the latest message (not a reply only you see) that contains the text. */
	public String messageIdContaining(String text) {
		return await(d -> d.findElements(By.cssSelector("[data-messages] > .message[data-message-id]"))
			.stream()
			.filter(message -> bodyText(message).contains(text))
			.reduce((first, second) -> second)
			.map(message -> message.getDomAttribute("data-message-id"))
			.orElse(null));
	}

	/** The text of a message by its platform id. */
	public String messageText(String messageId) {
		return retrying(d -> bodyText(d.findElement(By.cssSelector("[data-message-id='" + messageId + "']"))));
	}

	/** The labels of a message's buttons, by its platform id. */
	public List<String> buttonsOf(String messageId) {
		return retrying(d -> d.findElement(By.cssSelector("[data-message-id='" + messageId + "']"))
			.findElements(By.cssSelector("[data-action-id]"))
			.stream()
			.map(WebElement::getText)
			.toList());
	}

	/** The text of the latest reply only you see (waits for one). */
	public String lastEphemeral() {
		return await(d -> {
			var ephemerals = d.findElements(EPHEMERALS);
			return ephemerals.isEmpty() ? null : bodyText(ephemerals.get(ephemerals.size() - 1));
		});
	}

	/** How many replies only you see the open conversation shows. */
	public int ephemeralCount() {
		return driver.findElements(EPHEMERALS).size();
	}

	/** Dismisses the latest reply only you see. */
	public PlaygroundPage dismissLastEphemeral() {
		var ephemerals = driver.findElements(EPHEMERALS);
		int before = ephemerals.size();
		ephemerals.get(before - 1).findElement(By.cssSelector("[data-dismiss]")).click();
		await(d -> d.findElements(EPHEMERALS).size() == before - 1);
		return this;
	}

	/** Clicks the button with this label in the latest message that has one, and waits for the answer. */
	public PlaygroundPage clickButton(String label) {
		var button = await(d -> d.findElements(By.cssSelector("[data-messages] [data-action-id]"))
			.stream()
			.filter(candidate -> label.equals(candidate.getText()))
			.reduce((first, second) -> second)
			.orElse(null));
		return expectingReply(button::click);
	}

	/** Clicks the button with this label in the latest message that contains the text, and waits for the answer. */
	public PlaygroundPage clickButtonInMessageContaining(String text, String label) {
		// the latest message with the text that has the button: a reply only you see may have come after it
		var button = await(d -> d.findElements(MESSAGES)
			.stream()
			.filter(message -> bodyText(message).contains(text))
			.flatMap(message -> message.findElements(By.cssSelector("[data-action-id]"))
				.stream()
				.filter(candidate -> label.equals(candidate.getText()))
				.limit(1))
			.reduce((first, second) -> second)
			.orElse(null));
		return expectingReply(button::click);
	}

	/** Clicks the button that carries this interaction id (when several share a label). */
	public PlaygroundPage clickAction(String actionId) {
		var button = await(d -> d.findElements(By.cssSelector("[data-action-id='" + actionId + "']"))
			.stream()
			.reduce((first, second) -> second)
			.orElse(null));
		return expectingReply(button::click);
	}

	// --- waiting ---------------------------------------------------------------------------------

	private PlaygroundPage openConversation(String name) {
		if (!name.equals(conversation())) {
			driver.findElement(By.cssSelector("[data-conversation-link][data-conversation='" + name + "']")).click();
		}
		await(d -> name.equals(attribute("data-shown")));
		return this;
	}

	private PlaygroundPage awaitReady() {
		await(d -> "true".equals(attribute("data-ready")) && isLive());
		return this;
	}

	/** Does something that makes the page ask the server, and waits until the page has handled the answer. */
	private PlaygroundPage expectingReply(Runnable action) {
		int before = replies();
		action.run();
		await(d -> replies() > before);
		return this;
	}

	private int replies() {
		return Integer.parseInt(Objects.requireNonNullElse(attribute("data-replies"), "0"));
	}

	private String attribute(String name) {
		return driver.findElement(By.tagName("body")).getDomAttribute(name);
	}

	private WebElement composer() {
		return driver.findElement(By.cssSelector("[data-composer]"));
	}

	private WebElement form() {
		await(d -> formIsOpen());
		return driver.findElement(By.cssSelector("[data-form-dialog] [data-form]"));
	}

	private WebElement input(String inputKey) {
		return form().findElement(By.cssSelector("[data-input-key='" + inputKey + "']"));
	}

	private static String bodyText(WebElement message) {
		return message.findElement(BODY).getText();
	}

	/** Waits until the condition answers something other than null or false; the page may redraw meanwhile. */
	private <T> T await(Function<WebDriver, T> condition) {
		return new WebDriverWait(driver, timeout).ignoring(StaleElementReferenceException.class)
			.ignoring(NoSuchElementException.class)
			.ignoring(org.openqa.selenium.NoSuchElementException.class)
			.until(condition);
	}

	/** Reads once, again if the page redrew what was being read. */
	private <T> T retrying(Function<WebDriver, T> read) {
		for (int attempt = 1;; attempt++) {
			try {
				return read.apply(driver);
			}
			catch (StaleElementReferenceException ex) {
				if (attempt == 5) {
					throw ex;
				}
			}
		}
	}

}
