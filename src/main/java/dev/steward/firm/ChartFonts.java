package dev.steward.firm;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the font a chart is drawn in: one that can show every character of its text, so Chinese
 * titles read as Chinese and not as empty boxes. A CJK family is preferred (it shows Latin too, so
 * both languages look alike); then the logical {@code SansSerif}; then any installed family that
 * can. When none can, the chart is drawn in {@code SansSerif} anyway and a warning is logged once:
 * the host lacks a CJK font (Debian: {@code apt-get install fonts-noto-cjk}).
 */
public final class ChartFonts {

	private static final Logger log = LoggerFactory.getLogger(ChartFonts.class);

	/** CJK families of the usual systems, best first: Debian's Noto, Adobe's, WenQuanYi, Windows', macOS'. */
	static final List<String> PREFERRED = List.of("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC",
			"Source Han Sans CN", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC",
			"SimHei", "Droid Sans Fallback");

	/** The fonts of this machine, asked for once. */
	public static final ChartFonts INSTALLED = new ChartFonts(null);

	private final Set<String> families;

	private final AtomicBoolean warned = new AtomicBoolean();

	/** @param families the installed families, or {@code null} to ask the graphics environment when first needed */
	public ChartFonts(Collection<String> families) {
		this.families = families == null ? null : new TreeSet<>(families);
	}

	private Set<String> families() {
		if (families != null) {
			return families;
		}
		return Installed.FAMILIES;
	}

	/** Read on first use, not when the class loads: a machine without a chart to draw never asks. */
	private static final class Installed {

		static final Set<String> FAMILIES = new TreeSet<>(
				Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()));

	}

	/** A plain 12-point font that can show the whole text, or {@code SansSerif} (with one warning) when none can. */
	public Font fontFor(String text) {
		var installed = families();
		for (var family : PREFERRED) {
			if (installed.contains(family)) {
				var font = new Font(family, Font.PLAIN, 12);
				if (font.canDisplayUpTo(text) == -1) {
					return font;
				}
			}
		}
		var logical = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
		if (logical.canDisplayUpTo(text) == -1) {
			return logical;
		}
		for (var family : installed) {
			var font = new Font(family, Font.PLAIN, 12);
			if (font.canDisplayUpTo(text) == -1) {
				return font;
			}
		}
		if (warned.compareAndSet(false, true)) {
			int at = logical.canDisplayUpTo(text);
			log.warn("No installed font can show a chart's text (first missing character U+{}); charts are drawn "
					+ "in {} and such characters show as boxes. Install a CJK font, e.g. on Debian apt-get install "
					+ "fonts-noto-cjk, and check with fc-list :lang=zh", Integer.toHexString(text.codePointAt(at))
						.toUpperCase(java.util.Locale.ROOT), Font.SANS_SERIF);
		}
		return logical;
	}

}
