/** The risk register in chat: {@code /risk}, its forms, review cards and warnings. */
package dev.steward.risk.chat;
