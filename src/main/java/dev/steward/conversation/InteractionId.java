package dev.steward.conversation;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one id format for every button and form: a handler name and its arguments, joined by
 * {@code :}, e.g. {@code approval:12:1.0:approve}. It stays within Discord's 100-character limit
 * for custom ids, so every door can carry it unchanged.
 */
@org.springframework.modulith.NamedInterface("model")
public record InteractionId(String handler, List<String> args) {

	/** Longest encoded id: Discord's limit for a component custom id. */
	public static final int MAX_LENGTH = 100;

	private static final Pattern PART = Pattern.compile("[A-Za-z0-9._\\-]+");

	public InteractionId {
		args = List.copyOf(args);
		check(handler);
		args.forEach(InteractionId::check);
		if (encode(handler, args).length() > MAX_LENGTH) {
			throw new IllegalArgumentException("Interaction id longer than " + MAX_LENGTH + ": " + handler + args);
		}
	}

	/** The id of a typed interaction: a record annotated with {@link Interaction}. */
	public static InteractionId of(Record interaction) {
		return InteractionCodec.encode(interaction);
	}

	/**
	 * The id's arguments as the typed interaction they were written from.
	 * @throws IllegalArgumentException when the id is not of that kind or its arguments do not fit
	 */
	public <A extends Record> A as(Class<A> type) {
		return InteractionCodec.decode(this, type);
	}

	/** An id by hand, for a door's own buttons (e.g. Discord's Continue); features use {@link #of(Record)}. */
	public static InteractionId of(String handler, Object... args) {
		return new InteractionId(handler, Arrays.stream(args).map(String::valueOf).toList());
	}

	/** Parses an encoded id, or throws {@link IllegalArgumentException} if it is not one. */
	public static InteractionId parse(String encoded) {
		if (encoded == null || encoded.isEmpty() || encoded.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("Not an interaction id: " + encoded);
		}
		var parts = encoded.split(":", -1);
		return new InteractionId(parts[0], Arrays.asList(parts).subList(1, parts.length));
	}

	public String arg(int index) {
		return index < args.size() ? args.get(index) : "";
	}

	public String encode() {
		return encode(handler, args);
	}

	@Override
	public String toString() {
		return encode();
	}

	private static String encode(String handler, List<String> args) {
		return args.isEmpty() ? handler : handler + ":" + String.join(":", args);
	}

	private static void check(String part) {
		if (part == null || !PART.matcher(part).matches()) {
			throw new IllegalArgumentException("Interaction id part must match " + PART + ": " + part);
		}
	}

}
