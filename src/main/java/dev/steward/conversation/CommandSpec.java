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
 * @param access who may use it ({@link #allow}), or {@code null} while it says nothing (the
 * authorization matrix test fails on such a command). Only a command whose access lets
 * {@linkplain Access#guests() guests} in is {@linkplain #open() open}.
 */
@org.springframework.modulith.NamedInterface("model")
public record CommandSpec(String word, String sub, List<Option> options, String descriptionKey, Handler handler,
		Access access) {

	public CommandSpec {
		options = List.copyOf(options);
	}

	/** A subcommand that has not yet said who may use it ({@link #allow}). */
	public CommandSpec(String word, String sub, List<Option> options, String descriptionKey, Handler handler) {
		this(word, sub, options, descriptionKey, handler, null);
	}

	/** A subcommand without options. */
	public CommandSpec(String word, String sub, String descriptionKey, Handler handler) {
		this(word, sub, List.of(), descriptionKey, handler);
	}

	/** The same subcommand, open to people outside the directory: say first who may use it ({@link #allow}). */
	public CommandSpec openToGuests() {
		if (access == null) {
			throw new IllegalStateException("Say who may use /" + word + " " + sub + " before opening it to guests");
		}
		return new CommandSpec(word, sub, options, descriptionKey, handler, access.withGuests());
	}

	/**
	 * The same subcommand, saying who may use it: its handler (or the domain it calls) refuses
	 * everyone else with a {@link Refusal} or a domain refusal, which the authorization matrix checks.
	 */
	public CommandSpec allow(Access.Who first, Access.Who... rest) {
		return new CommandSpec(word, sub, options, descriptionKey, handler, Access.of(first, rest));
	}

	/**
	 * Whether people outside the directory may use it: its handler then receives a
	 * {@linkplain Caller#guest() guest} for them. Every other command refuses them before any handler
	 * runs. The buttons and forms it leads to must say so too ({@link ActionHandler#access()},
	 * {@link FormHandler#access()}).
	 */
	public boolean open() {
		return access != null && access.guests();
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
