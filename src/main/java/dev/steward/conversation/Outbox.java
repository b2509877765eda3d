package dev.steward.conversation;

/**
 * Every message the bot sends unasked. Written in the caller's transaction, so a message exists
 * exactly when the change that caused it does; delivered after commit, with retries.
 */
public interface Outbox {

	/**
	 * Sends a direct message to a person on every active door where they have an identity.
	 * @param key a name to update it by later, or {@code null}
	 */
	void toPerson(String personId, Message message, String key);

	/** Posts to a channel. */
	void toChannel(ChannelRef channel, Message message, String key);

	/** Replaces, in place, every message sent under this key (e.g. to take its buttons away). */
	void update(String key, Message message);

}
