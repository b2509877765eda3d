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
 */
@org.springframework.modulith.NamedInterface("model")
public record CommandSpec(String word, String sub, List<Option> options, String descriptionKey, Handler handler) {

	public CommandSpec {
		options = List.copyOf(options);
	}

	/** A subcommand without options. */
	public CommandSpec(String word, String sub, String descriptionKey, Handler handler) {
		this(word, sub, List.of(), descriptionKey, handler);
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
	 */
	@org.springframework.modulith.NamedInterface("model")
	public record Option(String name, Type type, boolean required, String descriptionKey, List<String> choices) {

		public Option {
			choices = choices == null ? List.of() : List.copyOf(choices);
			if (!name.matches("[a-z0-9_-]{1,32}")) {
				throw new IllegalArgumentException("Option names are 1-32 lower-case characters: " + name);
			}
		}

		public static Option required(String name, Type type, String descriptionKey) {
			return new Option(name, type, true, descriptionKey, List.of());
		}

		public static Option optional(String name, Type type, String descriptionKey) {
			return new Option(name, type, false, descriptionKey, List.of());
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
			CHOICE

		}

	}

}
