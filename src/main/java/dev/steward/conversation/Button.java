package dev.steward.conversation;

/** A button: what it says, what it does, and how it looks. */
@org.springframework.modulith.NamedInterface("model")
public record Button(String label, InteractionId action, Style style) {

	/** How a button looks; doors map this to their own styles. */
	@org.springframework.modulith.NamedInterface("model")
	public enum Style {

		DEFAULT, PRIMARY, DANGER

	}

	public static Button of(String label, InteractionId action) {
		return new Button(label, action, Style.DEFAULT);
	}

	public static Button primary(String label, InteractionId action) {
		return new Button(label, action, Style.PRIMARY);
	}

	public static Button danger(String label, InteractionId action) {
		return new Button(label, action, Style.DANGER);
	}

}
