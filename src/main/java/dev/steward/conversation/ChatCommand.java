package dev.steward.conversation;

/**
 * A slash command as typed: {@code /project show P-2026-0001} is word {@code project}, text
 * {@code show P-2026-0001}.
 */
@org.springframework.modulith.NamedInterface("model")
public record ChatCommand(Actor actor, ChannelRef channel, String word, String text) {
}
