package dev.steward.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.WithNull;
import net.jqwik.time.api.Dates;

import dev.steward.support.TestCallers;

/**
 * The kernel's parsers against whatever a platform may hand them: interaction ids (a button's
 * custom id, forged or truncated), command text, and form values. Each either reads the input or
 * refuses it in the way its caller expects (an {@link IllegalArgumentException}, an unknown route,
 * an inline error); none throws anything else, whatever the characters (control characters,
 * right-to-left text, emoji, very long text).
 */
class KernelParserPropertyTests {

	/** Any text, weighted towards what breaks parsers: separators, controls, RTL marks, emoji, quotes. */
	@Provide
	Arbitrary<String> hostile() {
		var awkward = Arbitraries.of(':', '"', '“', '”', ' ', '\t', '\n', '\r', '\u0000', '\u0007', '\u200f',
				'\u202e', '\u05d0', '\u0627', '中', '-', '.', '_', '@', '<', '>', '|', '\\', '%');
		var emoji = Arbitraries.of("😀", "👍🏽", "🇨🇳", "👩‍👩‍👧", "\ud83d");
		var piece = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(8), awkward.map(String::valueOf), emoji,
				Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12));
		return piece.list().ofMaxSize(30).map(pieces -> String.join("", pieces));
	}

	/** Text that fits one part of an interaction id. */
	@Provide
	Arbitrary<String> parts() {
		return Arbitraries.strings().withChars("abcXYZ019._-").ofMinLength(1).ofMaxLength(12);
	}

	// ---- interaction ids ----

	@Property(tries = 2000)
	void anyTextIsEitherAnIdThatWritesBackTheSameOrRefused(@ForAll("hostile") @WithNull(0.02) String text) {
		InteractionId id;
		try {
			id = InteractionId.parse(text);
		}
		catch (IllegalArgumentException refused) {
			return;
		}
		assertThat(id.encode()).isEqualTo(text);
		assertThat(id.encode().length()).isLessThanOrEqualTo(InteractionId.MAX_LENGTH);
		assertThat(InteractionId.parse(id.encode())).isEqualTo(id);
	}

	@Property
	void longTextIsNeverAnId(@ForAll @StringLength(min = 101, max = 100_000) String text) {
		assertThatThrownBy(() -> InteractionId.parse(text)).isInstanceOf(IllegalArgumentException.class);
	}

	@Property
	void anIdMadeOfPartsReadsBackAsThoseParts(@ForAll("parts") String handler,
			@ForAll List<@From("parts") String> args) {
		InteractionId id;
		try {
			id = new InteractionId(handler, args);
		}
		catch (IllegalArgumentException tooLong) {
			assertThat(handler.length() + args.stream().mapToInt(arg -> arg.length() + 1).sum())
				.isGreaterThan(InteractionId.MAX_LENGTH);
			return;
		}
		var read = InteractionId.parse(id.encode());
		assertThat(read.handler()).isEqualTo(handler);
		assertThat(read.args()).isEqualTo(args);
	}

	/** A button as a feature would declare one: every kind of argument the codec writes. */
	@Interaction("prop-button")
	record Button(long id, int round, boolean yes, Shade shade, LocalDate day, String word,
			Optional<Long> extra) {
	}

	enum Shade {

		LIGHT_GREY, DARK

	}

	@Provide
	Arbitrary<Button> buttons() {
		var day = Dates.dates().between(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31));
		return Combinators
			.combine(Arbitraries.longs(), Arbitraries.integers(), Arbitraries.of(true, false),
					Arbitraries.of(Shade.class), day, parts(), Arbitraries.longs().optional())
			.as(Button::new);
	}

	@Property
	void aTypedButtonReadsBackAsTheSameButtonOrIsRefusedWhenTooLong(@ForAll("buttons") Button button) {
		InteractionId id;
		try {
			id = InteractionId.of(button);
		}
		catch (IllegalArgumentException tooLong) {
			assertThat(tooLong).hasMessageContaining("longer than " + InteractionId.MAX_LENGTH);
			return;
		}
		assertThat(id.encode().length()).isLessThanOrEqualTo(InteractionId.MAX_LENGTH);
		assertThat(InteractionId.parse(id.encode()).as(Button.class)).isEqualTo(button);
	}

	@Property(tries = 2000)
	void argumentsThatDoNotFitTheButtonAreRefusedAsSuch(@ForAll List<@From("parts") String> args) {
		InteractionId id;
		try {
			id = new InteractionId("prop-button", args);
		}
		catch (IllegalArgumentException tooLong) {
			return;
		}
		try {
			var read = id.as(Button.class);
			// what was read writes back to the same id, so a handler acts on what the button said
			assertThat(InteractionId.of(read)).isEqualTo(id);
		}
		catch (IllegalArgumentException refused) {
			// the gateway answers this with "I don't know this button"
		}
	}

	@Property
	void anIdOfAnotherKindIsNeverReadAsThisOne(@ForAll("parts") String handler, @ForAll("buttons") Button button) {
		InteractionId other;
		try {
			other = new InteractionId(handler, InteractionId.of(button).args());
		}
		catch (IllegalArgumentException tooLong) {
			return;
		}
		if (handler.equals("prop-button")) {
			return;
		}
		assertThatThrownBy(() -> other.as(Button.class)).isInstanceOf(IllegalArgumentException.class);
	}

	// ---- command text ----

	@Property(tries = 2000)
	void commandTextSplitsIntoNonBlankTokensWithoutQuotes(@ForAll("hostile") @WithNull(0.02) String text) {
		var tokens = CommandRouter.tokenize(text);
		for (var token : tokens) {
			assertThat(token).isNotEmpty().doesNotContain("\"", "“", "”");
		}
		if (text != null && text.chars().noneMatch(c -> c == '"' || c == '“' || c == '”')) {
			// without quotes, tokens are the words between whitespace (as Java knows it), in order
			var words = new java.util.ArrayList<String>();
			var word = new StringBuilder();
			for (char c : text.toCharArray()) {
				if (Character.isWhitespace(c)) {
					if (!word.isEmpty()) {
						words.add(word.toString());
					}
					word.setLength(0);
				}
				else {
					word.append(c);
				}
			}
			if (!word.isEmpty()) {
				words.add(word.toString());
			}
			assertThat(tokens).isEqualTo(words);
		}
	}

	@Property(tries = 500)
	void anyCommandTextRoutesSomewhere(@ForAll("hostile") String word, @ForAll("hostile") String text) {
		var router = new CommandRouter(List.of(() -> List.of(new CommandSpec("project", "show", "kernel.help.description", null),
				new CommandSpec("project", "plan add", "kernel.help.description", null))), TEXTS);
		var route = router.route(word, text);
		assertThat(route).isNotNull();
		if (route instanceof CommandRouter.Route.Found found) {
			assertThat(found.spec().word()).isEqualTo("project");
		}
	}

	@Property(tries = 200)
	void veryLongCommandTextIsStillTokenized(@ForAll @StringLength(min = 10_000, max = 100_000) String text) {
		var tokens = CommandRouter.tokenize(text);
		assertThat(String.join("", tokens).length()).isLessThanOrEqualTo(text.length());
	}

	// ---- form values ----

	private static final Texts TEXTS = texts();

	private static Texts texts() {
		try {
			return new Texts(new MessageBundles().messageSource());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final Caller EMMA = new Caller("emma", "Emma Wilson", Locale.ENGLISH, ZoneOffset.UTC);

	private static final Actor EMMA_ON_SLACK = new Actor("slack", "U01EMMA");

	private final Inputs inputs = new Inputs(List.of(new ChoiceSource() {

		@Override
		public String name() {
			return "clients";
		}

		@Override
		public List<Input.Choice> search(Caller caller, String query, int limit) {
			return List.of(new Input.Choice("acme", "Acme Ltd"), new Input.Choice("blue", "Blue Sky"))
				.stream()
				.filter(choice -> choice.label().toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT)))
				.limit(limit)
				.toList();
		}

		@Override
		public Optional<Input.Choice> find(Caller caller, String value) {
			return search(caller, "", 10).stream().filter(choice -> choice.value().equals(value)).findFirst();
		}

	}), new TestCallers().person("emma", "Emma Wilson", false, "slack", "U01EMMA")
		.person("li", "Li Na", false, "slack", "U01LINA"), TEXTS);

	private static final List<Input> EVERY_KIND = List.of(Input.shortText("name", "Name", true, 100),
			Input.longText("notes", "Notes", false, Input.MAX_TEXT), Input.number("budget", "Budget", false),
			Input.choice("level", "Level", true,
					List.of(new Input.Choice("high", "High"), new Input.Choice("low", "Low"))),
			Input.person("owner", "Owner", true), Input.date("due", "Due", false),
			Input.search("client", "Client", true, "clients"));

	@Property(tries = 1000)
	void everyFormValueIsAcceptedOrGetsAnInlineErrorInWords(@ForAll("hostile") String value) {
		for (var input : EVERY_KIND) {
			var checked = inputs.check(EMMA_ON_SLACK, EMMA, input, value);
			if (checked.error() != null) {
				assertThat(checked.error()).isNotBlank().doesNotContain("Exception");
			}
			else if (!value.isEmpty()) {
				assertThat(checked.value()).isNotNull();
				assertThat(checked.value().length()).isLessThanOrEqualTo(input.maxLength());
			}
		}
	}

	@Property(tries = 100)
	void aValueLongerThanItsInputIsRefused(@ForAll @StringLength(min = 3001, max = 100_000) String value) {
		for (var input : EVERY_KIND) {
			var error = inputs.check(EMMA_ON_SLACK, EMMA, input, value).error();
			assertThat(error).as(input.key()).isEqualTo(TEXTS.get(EMMA, "kernel.form.too-long", input.maxLength(),
					value.length()));
		}
	}

	@Property
	void anAcceptedDateIsTheIsoDateItNames(@ForAll("hostile") String value) {
		var checked = inputs.check(EMMA_ON_SLACK, EMMA, Input.date("due", "Due", true), value);
		if (checked.error() == null) {
			assertThat(LocalDate.parse(checked.value()).toString()).isEqualTo(checked.value());
		}
	}

	@Property
	void aPersonIsAcceptedOnlyAsSomeoneInTheDirectory(@ForAll("hostile") String value) {
		var checked = inputs.check(EMMA_ON_SLACK, EMMA, Input.person("owner", "Owner", true), value);
		if (checked.error() == null) {
			assertThat(checked.value()).isIn("emma", "li");
		}
	}

}
