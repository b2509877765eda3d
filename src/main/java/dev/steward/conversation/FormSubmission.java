package dev.steward.conversation;

import java.util.Map;

/**
 * One page of a form, submitted.
 *
 * @param session the form session id the kernel gave when it opened the form
 * @param page the zero-based page that was shown
 * @param values what was entered, by input key
 */
@org.springframework.modulith.NamedInterface("model")
public record FormSubmission(Actor actor, ChannelRef channel, String session, int page, Map<String, String> values) {
}
