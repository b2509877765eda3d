package dev.steward.client;

/** What happens to client profiles. */
public final class ClientEvents {

	private ClientEvents() {
	}

	/** A profile was made (by a person, or by Steward from an application's free text). */
	public record ClientAdded(long clientId, String name, String actorId) {
	}

	/** A profile's details changed. */
	public record ClientChanged(long clientId, String name, String actorId) {
	}

}
