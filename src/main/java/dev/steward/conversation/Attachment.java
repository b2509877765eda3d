package dev.steward.conversation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A file made on the server that a {@link Message} carries to every door: a picture (PNG), an
 * export (CSV), a summary (Markdown), an archive (ZIP) or a configuration snippet (YAML).
 * <p>
 * Checked when made, so a feature learns at once, not at delivery, that a door would refuse it:
 * the type must be one of {@link #TYPES}, the content at most {@link #MAX_BYTES} (below Discord's
 * 10 MiB for bots; Slack allows far more), the name a plain file name. The title is what a person
 * reads beside the file, and a picture's alternative text; it defaults to the name. The outbox keeps
 * the bytes in database rows of their own, never in a message's JSON text.
 */
@org.springframework.modulith.NamedInterface("model")
public record Attachment(String name, String mediaType, String title, byte[] bytes) {

	public static final String PNG = "image/png";

	public static final String CSV = "text/csv";

	public static final String MARKDOWN = "text/markdown";

	public static final String ZIP = "application/zip";

	/** A snippet of a configuration file (e.g. directory entries to paste). */
	public static final String YAML = "application/yaml";

	/** The media types Steward sends; every door shows or offers each of them. */
	public static final List<String> TYPES = List.of(PNG, CSV, MARKDOWN, ZIP, YAML);

	/** The most a file may hold: 8 MiB. */
	public static final int MAX_BYTES = 8 * 1024 * 1024;

	/** The longest name and title: platforms cut longer ones, and the outbox columns hold this much. */
	public static final int MAX_NAME = 200;

	public Attachment {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A file needs a name, e.g. risk-heat-map.png");
		}
		name = name.strip();
		if (name.length() > MAX_NAME || name.contains("/") || name.contains("\\") || name.startsWith(".")
				|| name.chars().anyMatch(Character::isISOControl)) {
			throw new IllegalArgumentException("File name \"" + name + "\" is not a plain file name of at most "
					+ MAX_NAME + " characters (no folders, not starting with a dot)");
		}
		mediaType = mediaType == null ? "" : mediaType.strip().toLowerCase(Locale.ROOT);
		if (!TYPES.contains(mediaType)) {
			throw new IllegalArgumentException("File " + name + " has type \"" + mediaType
					+ "\", which Steward does not send; it sends " + String.join(", ", TYPES));
		}
		if (bytes == null || bytes.length == 0) {
			throw new IllegalArgumentException("File " + name + " is empty");
		}
		if (bytes.length > MAX_BYTES) {
			throw new IllegalArgumentException("File " + name + " holds " + bytes.length + " bytes; a file may hold at most "
					+ MAX_BYTES + " (8 MiB)");
		}
		title = title == null || title.isBlank() ? name : title.strip();
		if (title.length() > MAX_NAME) {
			title = title.substring(0, MAX_NAME - 1) + "…";
		}
		bytes = bytes.clone();
	}

	public static Attachment png(String name, String title, byte[] bytes) {
		return new Attachment(name, PNG, title, bytes);
	}

	public static Attachment csv(String name, String title, byte[] bytes) {
		return new Attachment(name, CSV, title, bytes);
	}

	public static Attachment markdown(String name, String title, byte[] bytes) {
		return new Attachment(name, MARKDOWN, title, bytes);
	}

	public static Attachment zip(String name, String title, byte[] bytes) {
		return new Attachment(name, ZIP, title, bytes);
	}

	/** A copy of the content: the attachment itself never changes. */
	@Override
	public byte[] bytes() {
		return bytes.clone();
	}

	/** How many bytes it holds. */
	public int size() {
		return bytes.length;
	}

	/** Whether a door may show it as a picture rather than offer it as a download. */
	public boolean image() {
		return PNG.equals(mediaType);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Attachment that && name.equals(that.name) && mediaType.equals(that.mediaType)
				&& title.equals(that.title) && Arrays.equals(bytes, that.bytes);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * name.hashCode() + mediaType.hashCode()) + Arrays.hashCode(bytes);
	}

	@Override
	public String toString() {
		return "Attachment[" + name + ", " + mediaType + ", " + bytes.length + " bytes]";
	}

}
