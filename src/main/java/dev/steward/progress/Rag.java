package dev.steward.progress;

/** A red / amber / green status. */
public enum Rag {

	GREEN, AMBER, RED

}
