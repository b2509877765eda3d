package dev.steward.conversation;

import java.util.List;

/**
 * One subcommand a feature offers, e.g. word {@code project}, sub {@code apply}. An empty sub is
 * what the bare word does (e.g. {@code /approvals}); a sub of two words is a subcommand in a
 * group (e.g. {@code team add}: Discord shows it as a subcommand group). Its options are typed, so a platform that
 * shows typed options (Discord) can; in typed text they come in order, the last {@link
 * Option.Type#TEXT} taking the rest of the line.
 *
 * @param descriptionKey the message key of its one-line help
 * @param open whether people outside the directory may use it: its handler then receives a
 * {@linkplain Caller#guest() guest} for them. Every other command refuses them before any handler
 * runs. The buttons and forms it leads to must say so too ({@link ActionHandler#open()},
 * {@link FormHandler#open()}).
 */
@org.springframework.modulith.NamedInterface("model")
public record CommandSpec(String word, String sub, List<Option> options, String descriptionKey, Handler handler,
		boolean open) {

	public CommandSpec {
		options = List.copyOf(options);
	}

	/** A subcommand only people in the directory may use. */
	public CommandSpec(String word, String sub, List<Option> options, String descriptionKey, Handler handler) {
		this(word, sub, options, descriptionKey, handler, false);
	}

	/** A subcommand without options. */
	public CommandSpec(String word, String sub, String descriptionKey, Handler handler) {
		this(word, sub, List.of(), descriptionKey, handler);
	}

	/** The same subcommand, open to people outside the directory. */
	public CommandSpec openToGuests() {
		return new CommandSpec(word, sub, options, descriptionKey, handler, true);
	}

	/** Handles one command. */
	@FunctionalInterface
	@org.springframework.modulith.NamedInterface("model")
	public interface Handler {

		Reply handle(CommandRequest request);

	}

	/**
	 * One typed option.
	 * @param name a lower-case name (Discord: 1–32 characters, no spaces)
	 * @param descriptionKey the message key of its description
	 * @param choices the allowed values, for {@link Type#CHOICE}
	 * @param source the {@link ChoiceSource} its value comes from, for {@link Type#SEARCH}; else {@code null}
	 */
	@org.springframework.modulith.NamedInterface("model")
	public record Option(String name, Type type, boolean required, String descriptionKey, List<String> choices,
			String source) {

		public Option {
			choices = choices == null ? List.of() : List.copyOf(choices);
			if (!name.matches("[a-z0-9_-]{1,32}")) {
				throw new IllegalArgumentException("Option names are 1-32 lower-case characters: " + name);
			}
			if ((type == Type.SEARCH) != (source != null && !source.isBlank())) {
				throw new IllegalArgumentException("A search option, and only it, names a choice source: " + name);
			}
		}

		/** An option of any type but {@link Type#SEARCH}. */
		public Option(String name, Type type, boolean required, String descriptionKey, List<String> choices) {
			this(name, type, required, descriptionKey, choices, null);
		}

		public static Option required(String name, Type type, String descriptionKey) {
			return new Option(name, type, true, descriptionKey, List.of());
		}

		public static Option optional(String name, Type type, String descriptionKey) {
			return new Option(name, type, false, descriptionKey, List.of());
		}

		/** An option whose value is one of a {@link ChoiceSource}'s; the handler receives its value. */
		public static Option search(String name, boolean required, String descriptionKey, String source) {
			return new Option(name, Type.SEARCH, required, descriptionKey, List.of(), source);
		}

		/** What an option holds. */
		@org.springframework.modulith.NamedInterface("model")
		public enum Type {

			/** A word, or for the last option the rest of the line. */
			TEXT,
			/** A whole number. */
			INTEGER,
			/** A person: a platform user (or mention) or a directory id; handlers receive the directory id. */
			PERSON,
			/** One of the given choices. */
			CHOICE,
			/**
			 * One value of a {@link ChoiceSource}: typed as its value or its whole label (Discord offers
			 * it through autocomplete); handlers receive the value, and never one the person may not see.
			 */
			SEARCH

		}

	}

}
