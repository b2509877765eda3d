package dev.steward.conversation;

import java.util.Map;

/**
 * Builds and receives one kind of form. Its arguments are a record annotated with
 * {@link Interaction} (the form's name and what it is about, e.g. which request), kept with the
 * open form and handed back typed. The kernel opens the form, keeps each page's values and checks
 * each input's own rules (required, length, number, choice, person, date, searchable choice); the
 * handler receives a person as their directory id, a date as {@code yyyy-MM-dd} and a searchable
 * choice as its source's value. The handler checks the rest when the last page is submitted,
 * answering {@link Reply.FormErrors} to keep the form open.
 *
 * @param <A> the form's arguments
 */
public interface FormHandler<A extends Record> {

	/**
	 * The record of the form's arguments (the type argument, unless a handler says otherwise); its
	 * {@link Interaction} name is the form's name.
	 */
	@SuppressWarnings("unchecked")
	default Class<A> arguments() {
		return (Class<A>) TypeArguments.of(getClass(), FormHandler.class);
	}

	/** The form's name, as open forms record it. */
	default String name() {
		return InteractionCodec.kind(arguments());
	}

	/**
	 * Who may fill it: as a form is opened by a command or a button, usually who may use that; the
	 * handler (or the domain it calls) refuses everyone else on submission, and the authorization
	 * matrix checks it does; {@code null} while it says nothing, which that test fails on.
	 */
	default Access access() {
		return null;
	}

	/**
	 * Whether people outside the directory may fill it (it is opened by an
	 * {@linkplain CommandSpec#open() open command}): its {@link #access()} lets
	 * {@linkplain Access#guests() guests} in. It then receives a {@linkplain Caller#guest() guest}.
	 */
	default boolean open() {
		var access = access();
		return access != null && access.guests();
	}

	/** The form for these arguments; called when it opens and again at each page's submission. */
	FormSpec spec(Caller caller, A args);

	Reply submit(FormRequest<A> request);

	/** A completed form routed to its handler. */
	record FormRequest<A>(Caller caller, ChannelRef channel, A args, Map<String, String> values) {

		public String value(String key) {
			var value = values.get(key);
			return value == null ? "" : value.strip();
		}

	}

}
