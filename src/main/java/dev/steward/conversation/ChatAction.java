package dev.steward.conversation;

/** A click on a button (or a choice in a select) of an earlier message. */
public record ChatAction(Actor actor, ChannelRef channel, InteractionId id) {
}
