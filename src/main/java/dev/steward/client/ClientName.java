package dev.steward.client;

/** A client as anyone may read it: its id and name. */
public record ClientName(long id, String name) {
}
