package dev.steward.playground;

import dev.steward.conversation.ChannelRef;

/**
 * One conversation of the playground: a channel by name, or a person's direct messages with the
 * bot (in the playground a person's platform user id is their directory id).
 */
record Conversation(String name, boolean direct) {

	/** What the page says for a person's direct messages with the bot. */
	static final String DIRECT = "dm";

	private static final String CHANNEL_PREFIX = "channel:";

	static Conversation channel(String name) {
		return new Conversation(name, false);
	}

	static Conversation direct(String personId) {
		return new Conversation(personId, true);
	}

	static Conversation of(ChannelRef ref) {
		return new Conversation(ref.id(), ref.direct());
	}

	/**
	 * Reads what the page asks for: {@code channel:NAME}, or {@link #DIRECT} for the direct messages
	 * of the person it shows; anything else is the first channel.
	 */
	static Conversation parse(String asked, String personId, String firstChannel) {
		if (asked != null && asked.equals(DIRECT) && personId != null) {
			return direct(personId);
		}
		if (asked != null && asked.startsWith(CHANNEL_PREFIX) && asked.length() > CHANNEL_PREFIX.length()) {
			return channel(asked.substring(CHANNEL_PREFIX.length()));
		}
		return channel(firstChannel);
	}

	ChannelRef ref() {
		return new ChannelRef(PlaygroundDoor.NAME, name, direct);
	}

	/** How the page names it (the reverse of {@link #parse}). */
	public String pageName() {
		return direct ? DIRECT : CHANNEL_PREFIX + name;
	}

	/** How live updates name it: unique across people, unlike {@link #pageName()}. */
	public String key() {
		return direct ? "dm:" + name : CHANNEL_PREFIX + name;
	}

}
