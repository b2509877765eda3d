/**
 * The conversation kernel: neutral inbound and outbound chat types, command routing, the form
 * engine, the outbox and message lookup in the person's language. It imports no feature module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Conversation kernel")
package dev.steward.conversation;
