package dev.steward.conversation;

import java.util.List;
import java.util.Map;

/**
 * What the kernel answers to an interaction, for the door to show at once. Messages to others
 * never go here: they go through the {@link Outbox}.
 */
@org.springframework.modulith.NamedInterface("model")
public sealed interface Reply {

	/**
	 * A message only the actor sees. After a form submission it also closes the form.
	 *
	 * @param refusal whether it is the kernel's polite no (a {@link Refusal}, a domain refusal, a
	 * stranger turned away, someone else's form): nothing the interaction did was kept
	 * @param replacing whether it takes the place of the message whose button was clicked, when that
	 *        one is itself only the actor's (an ephemeral list that changes in place after each
	 *        click); otherwise, and after a command, it is shown as a new message
	 */
	@org.springframework.modulith.NamedInterface("model")
	record Ephemeral(Message message, boolean refusal, boolean replacing) implements Reply {

		public Ephemeral(Message message) {
			this(message, false, false);
		}

	}

	/** Show a form, or the next page of the form being filled. */
	@org.springframework.modulith.NamedInterface("model")
	record ShowForm(FormView view) implements Reply {
	}

	/** Keep the form open and show these errors beside their inputs. */
	@org.springframework.modulith.NamedInterface("model")
	record FormErrors(Map<String, String> errors) implements Reply {

		public FormErrors {
			errors = Map.copyOf(errors);
		}

	}

	/** Nothing to show (the outbox carries the visible result). Closes a form. */
	@org.springframework.modulith.NamedInterface("model")
	record Silent() implements Reply {
	}

	/**
	 * Asked by a feature's handler: open the named form. The kernel turns it into
	 * {@link ShowForm}; doors never see it.
	 */
	@org.springframework.modulith.NamedInterface("model")
	record OpenForm(String form, List<String> args, Map<String, String> initial) implements Reply {

		public OpenForm {
			args = List.copyOf(args);
			initial = Map.copyOf(initial);
		}

	}

	static Reply say(Message message) {
		return new Ephemeral(message);
	}

	/**
	 * A message only the actor sees, in place of the ephemeral message whose button they clicked (a
	 * new one where there is none to replace).
	 */
	static Reply replace(Message message) {
		return new Ephemeral(message, false, true);
	}

	static Reply say(String text) {
		return new Ephemeral(Message.text(text));
	}

	/** The kernel's polite no, shown to the actor alone; handlers throw a {@link Refusal} instead. */
	static Reply refused(Message message) {
		return new Ephemeral(message, true, false);
	}

	static Reply refused(String text) {
		return refused(Message.text(text));
	}

	static Reply silent() {
		return new Silent();
	}

	static Reply errors(Map<String, String> errors) {
		return new FormErrors(errors);
	}

	/**
	 * Opens the form whose arguments these are (a record annotated with {@link Interaction}),
	 * filled in with the initial values.
	 */
	static Reply openForm(Record arguments, Map<String, String> initial) {
		var id = InteractionId.of(arguments);
		return new OpenForm(id.handler(), id.args(), initial);
	}

}
