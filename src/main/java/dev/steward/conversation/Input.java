package dev.steward.conversation;

import java.util.List;

/**
 * One typed input of a form.
 *
 * @param key the key its value is submitted under
 * @param label what the person sees (doors may shorten it: Discord allows 45 characters)
 * @param type what kind of value it takes
 * @param required whether it must be filled
 * @param maxLength the longest accepted value
 * @param hint placeholder text, or {@code null}
 * @param choices the allowed values, for {@link Type#CHOICE}
 * @param source the name of the {@link ChoiceSource} its values come from, for {@link Type#SEARCH};
 * otherwise {@code null}
 * @param open for {@link Type#SEARCH}: whether a value the list does not hold may be typed (a new
 * client, named as typed; the source's {@link ChoiceSource#find} accepts it), so a door that would
 * show a short list as a fixed menu lets the person type instead
 */
@org.springframework.modulith.NamedInterface("model")
public record Input(String key, String label, Type type, boolean required, int maxLength, String hint,
		List<Choice> choices, String source, boolean open) {

	/** Longest text any door accepts in one input (Slack's plain text input holds 3000). */
	public static final int MAX_TEXT = 3000;

	/** Longest value of a searchable choice: Slack's option values hold 150 characters. */
	public static final int MAX_CHOICE_VALUE = 150;

	/** What kind of value an input takes. */
	@org.springframework.modulith.NamedInterface("model")
	public enum Type {

		/** One line of text. */
		SHORT_TEXT,
		/** Several lines of text. */
		LONG_TEXT,
		/** A number, whole or decimal. */
		NUMBER,
		/** One of the given choices. */
		CHOICE,
		/**
		 * A person of the directory. Doors send what the platform picked (a platform user id, a
		 * mention, a name or a directory id); the handler receives the directory id.
		 */
		PERSON,
		/** A calendar date; the handler receives it as ISO {@code yyyy-MM-dd}. */
		DATE,
		/**
		 * One value of a {@link ChoiceSource}, too many to list (projects, clients): doors offer a
		 * search; the kernel accepts only what {@link ChoiceSource#find} finds for the person.
		 */
		SEARCH

	}

	public Input {
		choices = choices == null ? List.of() : List.copyOf(choices);
		if (maxLength <= 0 || maxLength > MAX_TEXT) {
			throw new IllegalArgumentException("maxLength must be 1.." + MAX_TEXT + ": " + key);
		}
		if ((type == Type.SEARCH) != (source != null && !source.isBlank())) {
			throw new IllegalArgumentException("A searchable input, and only it, names a choice source: " + key);
		}
		if (open && type != Type.SEARCH) {
			throw new IllegalArgumentException("Only a searchable input takes values its list does not hold: " + key);
		}
	}

	/** An input of any kind but {@link Type#SEARCH}. */
	public Input(String key, String label, Type type, boolean required, int maxLength, String hint,
			List<Choice> choices) {
		this(key, label, type, required, maxLength, hint, choices, null, false);
	}

	/** An input whose list, if any, is all it takes. */
	public Input(String key, String label, Type type, boolean required, int maxLength, String hint,
			List<Choice> choices, String source) {
		this(key, label, type, required, maxLength, hint, choices, source, false);
	}

	public static Input shortText(String key, String label, boolean required, int maxLength) {
		return new Input(key, label, Type.SHORT_TEXT, required, maxLength, null, List.of());
	}

	public static Input longText(String key, String label, boolean required, int maxLength) {
		return new Input(key, label, Type.LONG_TEXT, required, maxLength, null, List.of());
	}

	public static Input number(String key, String label, boolean required) {
		return new Input(key, label, Type.NUMBER, required, 20, null, List.of());
	}

	public static Input choice(String key, String label, boolean required, List<Choice> choices) {
		return new Input(key, label, Type.CHOICE, required, 100, null, choices);
	}

	/** A person of the directory; prefill it with a directory id. */
	public static Input person(String key, String label, boolean required) {
		return new Input(key, label, Type.PERSON, required, 100, null, List.of());
	}

	/** A date; prefill it with an ISO {@code yyyy-MM-dd} date. */
	public static Input date(String key, String label, boolean required) {
		// room for a wrong date, so the person reads what a date looks like rather than a length
		return new Input(key, label, Type.DATE, required, 40, "yyyy-MM-dd", List.of());
	}

	/** One value of the named {@link ChoiceSource}; prefill it with a value the source finds. */
	public static Input search(String key, String label, boolean required, String source) {
		return new Input(key, label, Type.SEARCH, required, MAX_CHOICE_VALUE, null, List.of(), source);
	}

	/**
	 * One value of the named {@link ChoiceSource}, or a new one typed (of at most {@code maxLength}),
	 * which the source's {@link ChoiceSource#find} accepts.
	 */
	public static Input searchOrNew(String key, String label, boolean required, String source, int maxLength) {
		return new Input(key, label, Type.SEARCH, required, Math.min(maxLength, MAX_CHOICE_VALUE), null, List.of(), source,
				true);
	}

	public Input withHint(String hint) {
		return new Input(key, label, type, required, maxLength, hint, choices, source, open);
	}

	/** One allowed value of a choice input and what the person sees for it. */
	@org.springframework.modulith.NamedInterface("model")
	public record Choice(String value, String label) {
	}

}
