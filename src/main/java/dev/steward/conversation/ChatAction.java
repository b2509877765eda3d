package dev.steward.conversation;

/**
 * A click on a button (or a choice in a select) of an earlier message.
 *
 * @param id the encoded {@link InteractionId} exactly as the platform sent it back; the kernel
 * parses it, so a malformed or unknown one gets a polite answer whatever the door
 */
@org.springframework.modulith.NamedInterface("model")
public record ChatAction(Actor actor, ChannelRef channel, String id) {
}
