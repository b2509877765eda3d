/**
 * What a door (Slack, Discord, playground) and the directory plug into: the inbound gateway,
 * the delivery contract and the caller lookup.
 */
@org.springframework.modulith.NamedInterface("spi")
package dev.steward.conversation.spi;
