package dev.steward.conversation;

import java.time.Instant;

/**
 * Every message the bot sends unasked. Written in the caller's transaction, so a message exists
 * exactly when the change that caused it does; delivered after commit, with retries.
 * <p>
 * A message may be written ahead of its time ({@code notBefore}): it is kept until then, and the
 * messages written after it to the same conversation wait behind it, in order. A scheduled job that
 * prepares its messages a little early then has them go out at their time, without its own work
 * in the way.
 */
public interface Outbox {

	/**
	 * Sends a direct message to a person on every active door where they have an identity.
	 * @param key a name to update it by later, or {@code null}
	 */
	default void toPerson(String personId, Message message, String key) {
		toPerson(personId, message, key, null);
	}

	/**
	 * Sends a direct message to a person on every active door where they have an identity, not before
	 * a time.
	 * @param key a name to update it by later, or {@code null}
	 * @param notBefore when it may go out at the earliest; {@code null} or a past time for at once
	 */
	void toPerson(String personId, Message message, String key, Instant notBefore);

	/** Posts to a channel. */
	default void toChannel(ChannelRef channel, Message message, String key) {
		toChannel(channel, message, key, null);
	}

	/**
	 * Posts to a channel, not before a time.
	 * @param notBefore when it may go out at the earliest; {@code null} or a past time for at once
	 */
	void toChannel(ChannelRef channel, Message message, String key, Instant notBefore);

	/**
	 * Replaces, in place, every message sent under this key (e.g. to take its buttons away); the
	 * update of one kept until its time goes out after it.
	 */
	void update(String key, Message message);

}
