package dev.steward.approval.chat;

import dev.steward.approval.Decision;
import dev.steward.conversation.Interaction;

/**
 * The Approve / Request changes / Reject buttons of an approval card.
 *
 * @param request the approval request
 * @param token the round and step the card was for, so a stale click is seen
 */
@Interaction("approval")
record Decide(long request, String token, Decision decision) {
}
