/** The client profiles' chat face: {@code /client add|show|edit|list} and the profile form. */
package dev.steward.client.chat;
