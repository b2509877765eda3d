package dev.steward.conversation;

/** Handles the buttons whose {@link InteractionId#handler()} is {@link #name()}. */
public interface ActionHandler {

	String name();

	Reply handle(ActionRequest request);

	/** A click routed to its handler. */
	record ActionRequest(Caller caller, ChannelRef channel, InteractionId id) {
	}

}
