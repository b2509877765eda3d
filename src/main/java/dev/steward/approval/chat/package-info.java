/**
 * The approval engine's chat face: cards, buttons, the reason form, {@code /approvals}; and
 * {@link dev.steward.approval.chat.ApprovalLines}, how requests and their audit trail read, for
 * other modules' chat faces.
 */
@org.springframework.modulith.NamedInterface("chat")
package dev.steward.approval.chat;
