package dev.steward.playground;

import java.util.regex.Pattern;

/**
 * The kernel's light markdown as safe HTML: the text is escaped first, then {@code `code`},
 * {@code *bold*}, {@code _italic_} and line breaks become tags. Markers count only at word edges,
 * so {@code form_session} and {@code 2*3*4} stay as they are.
 */
final class LightMarkdown {

	private static final Pattern BOLD = Pattern.compile("(?<![A-Za-z0-9*])\\*(?=\\S)([^*\\n]*?\\S)\\*(?![A-Za-z0-9*])");

	private static final Pattern ITALIC = Pattern.compile("(?<![A-Za-z0-9_])_(?=\\S)([^_\\n]*?\\S)_(?![A-Za-z0-9_])");

	private LightMarkdown() {
	}

	static String html(String markdown) {
		if (markdown == null || markdown.isEmpty()) {
			return "";
		}
		var out = new StringBuilder();
		var text = escape(markdown.replace("\r\n", "\n"));
		int at = 0;
		while (at < text.length()) {
			int open = text.indexOf('`', at);
			int close = open < 0 ? -1 : text.indexOf('`', open + 1);
			if (close < 0) {
				out.append(emphasis(text.substring(at)));
				break;
			}
			out.append(emphasis(text.substring(at, open)));
			out.append("<code>").append(text, open + 1, close).append("</code>");
			at = close + 1;
		}
		return out.toString().replace("\n", "<br>");
	}

	/** Escapes the five characters that could make text into markup. */
	static String escape(String text) {
		var out = new StringBuilder(text.length() + 16);
		for (char c : text.toCharArray()) {
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	private static String emphasis(String escaped) {
		var bold = BOLD.matcher(escaped).replaceAll("<strong>$1</strong>");
		return ITALIC.matcher(bold).replaceAll("<em>$1</em>");
	}

}
