package dev.steward.digest;

import java.util.List;

/**
 * One section of a digest: a title and its lines (light markdown, each a line of its own), in the
 * reader's language.
 */
public record DigestSection(String title, List<String> lines) {

	public DigestSection {
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("A digest section has a title");
		}
		lines = List.copyOf(lines);
	}

}
