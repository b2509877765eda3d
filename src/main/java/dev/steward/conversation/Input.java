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
 */
@org.springframework.modulith.NamedInterface("model")
public record Input(String key, String label, Type type, boolean required, int maxLength, String hint,
		List<Choice> choices) {

	/** Longest text any door accepts in one input (Slack's plain text input holds 3000). */
	public static final int MAX_TEXT = 3000;

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
		CHOICE

	}

	public Input {
		choices = choices == null ? List.of() : List.copyOf(choices);
		if (maxLength <= 0 || maxLength > MAX_TEXT) {
			throw new IllegalArgumentException("maxLength must be 1.." + MAX_TEXT + ": " + key);
		}
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

	public Input withHint(String hint) {
		return new Input(key, label, type, required, maxLength, hint, choices);
	}

	/** One allowed value of a choice input and what the person sees for it. */
	@org.springframework.modulith.NamedInterface("model")
	public record Choice(String value, String label) {
	}

}
