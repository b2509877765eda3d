package dev.steward.client;

import java.util.Locale;
import java.util.Optional;

/** How a communication plan's contact is made (§5.2.1): a meeting, a call, an e-mail or a chat. */
public enum ContactChannel {

	MEETING, CALL, EMAIL, CHAT;

	/** The word forms and ids use: {@code meeting}, {@code call}, {@code email}, {@code chat}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The channel a word names, whatever its case. */
	public static Optional<ContactChannel> of(String word) {
		for (var channel : values()) {
			if (channel.key().equalsIgnoreCase(word == null ? "" : word.strip())) {
				return Optional.of(channel);
			}
		}
		return Optional.empty();
	}

}
