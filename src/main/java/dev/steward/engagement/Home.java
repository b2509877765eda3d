package dev.steward.engagement;

/**
 * A project's home channel, where its prompts and reviews go.
 *
 * @param door the door it is on
 * @param channel the platform's channel id
 * @param direct whether it is a direct conversation rather than a channel
 */
public record Home(String door, String channel, boolean direct) {
}
