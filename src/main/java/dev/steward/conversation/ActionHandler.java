package dev.steward.conversation;

/** Handles the buttons whose {@link InteractionId#handler()} is {@link #name()}. */
public interface ActionHandler {

	String name();

	/**
	 * Whether people outside the directory may click its buttons (they lead from an
	 * {@linkplain CommandSpec#open() open command}); the handler then receives a
	 * {@linkplain Caller#guest() guest} for them.
	 */
	default boolean open() {
		return false;
	}

	Reply handle(ActionRequest request);

	/** A click routed to its handler. */
	record ActionRequest(Caller caller, ChannelRef channel, InteractionId id) {
	}

}
