package dev.steward.conversation;

/**
 * Handles one kind of button: the record {@link #kind()}, annotated with {@link Interaction}. The
 * kernel reads the clicked id into that record, so the handler receives typed arguments; an id
 * that does not fit gets a polite answer without reaching the handler.
 *
 * @param <A> the kind of button
 */
public interface ActionHandler<A extends Record> {

	/** The kind of button handled: the type argument, unless a handler says otherwise. */
	@SuppressWarnings("unchecked")
	default Class<A> kind() {
		return (Class<A>) TypeArguments.of(getClass(), ActionHandler.class);
	}

	/**
	 * Who may click its buttons: the handler (or the domain it calls) refuses everyone else, and
	 * the authorization matrix checks it does; {@code null} while it says nothing, which that test
	 * fails on.
	 */
	default Access access() {
		return null;
	}

	/**
	 * Who may click this very button, where it depends on the button (e.g. which step of a thing it
	 * takes); by default {@link #access()}, which then says who may click any of them.
	 */
	default Access access(A button) {
		return access();
	}

	/**
	 * Whether people outside the directory may click its buttons (they lead from an
	 * {@linkplain CommandSpec#open() open command}): its {@link #access()} lets
	 * {@linkplain Access#guests() guests} in. The handler then receives a {@linkplain Caller#guest() guest} for them.
	 */
	default boolean open() {
		var access = access();
		return access != null && access.guests();
	}

	Reply handle(ActionRequest<A> request);

	/** The kind's name, as ids carry it. */
	default String name() {
		return InteractionCodec.kind(kind());
	}

	/** A click routed to its handler, with the button's typed arguments. */
	record ActionRequest<A>(Caller caller, ChannelRef channel, A args) {
	}

}
