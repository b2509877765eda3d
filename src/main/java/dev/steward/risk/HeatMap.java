package dev.steward.risk;

import dev.steward.firm.ChartFonts;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * The risk heat map (§6.1.2): a 5 × 5 grid of likelihood (1 at the bottom, 5 at the top) by impact
 * (1 at the left, 5 at the right), each cell in the colour of its level from the policy, holding the
 * number of open risks assessed there. Drawn with JFreeChart on an image, headless, as PNG. It
 * knows no language: the caller passes the words already translated, and the font is one that can
 * show them ({@link ChartFonts}).
 */
public final class HeatMap {

	static {
		// a server draws charts without a display; Spring Boot says so too, a plain JVM may not
		if (System.getProperty("java.awt.headless") == null) {
			System.setProperty("java.awt.headless", "true");
		}
	}

	public static final int WIDTH = 800;

	public static final int HEIGHT = 640;

	/** How much of a cell its colour fills: the rest is the white line between cells. */
	private static final double BLOCK = 0.94;

	private static final int N = Assessment.MAX;

	private HeatMap() {
	}

	/** How many risks sit in each cell, by likelihood and impact (each 1–5). */
	public static final class Counts {

		private final int[][] cells = new int[N][N];

		private Counts() {
		}

		/** No risks at all. */
		public static Counts none() {
			return new Counts();
		}

		/**
		 * Counts as {@link RiskManagement#openCounts} gives them: {@code cells[likelihood - 1][impact - 1]}.
		 */
		public static Counts of(int[][] cells) {
			if (cells.length != N) {
				throw new IllegalArgumentException("Counts are " + N + " rows of likelihood, not " + cells.length);
			}
			var counts = new Counts();
			for (int l = 0; l < N; l++) {
				if (cells[l].length != N) {
					throw new IllegalArgumentException("Counts are " + N + " impacts a row, not " + cells[l].length);
				}
				for (int i = 0; i < N; i++) {
					if (cells[l][i] < 0) {
						throw new IllegalArgumentException("A count is never negative: " + cells[l][i]);
					}
					counts.cells[l][i] = cells[l][i];
				}
			}
			return counts;
		}

		/** The open risks among these, each in its cell; closed ones are left out. */
		public static Counts ofOpen(Collection<Risk> risks) {
			var counts = new Counts();
			risks.stream().filter(Risk::open).forEach(risk -> counts.add(risk.likelihood(), risk.impact()));
			return counts;
		}

		/** One more risk in a cell. */
		public Counts add(int likelihood, int impact) {
			check(likelihood, impact);
			cells[likelihood - 1][impact - 1]++;
			return this;
		}

		public int at(int likelihood, int impact) {
			check(likelihood, impact);
			return cells[likelihood - 1][impact - 1];
		}

		public int total() {
			int total = 0;
			for (var row : cells) {
				for (int count : row) {
					total += count;
				}
			}
			return total;
		}

	}

	/**
	 * The words on the map, in the reader's language.
	 * @param subtitle a line under the title, or {@code null}
	 * @param likelihoods the likelihood ticks, 1 to 5
	 * @param impacts the impact ticks, 1 to 5
	 * @param levels each level's name, for the legend
	 */
	public record Labels(String title, String subtitle, String likelihoodAxis, String impactAxis,
			List<String> likelihoods, List<String> impacts, Map<RiskLevel, String> levels) {

		public Labels {
			Objects.requireNonNull(title, "title");
			Objects.requireNonNull(likelihoodAxis, "likelihoodAxis");
			Objects.requireNonNull(impactAxis, "impactAxis");
			likelihoods = List.copyOf(likelihoods);
			impacts = List.copyOf(impacts);
			levels = Map.copyOf(levels);
			if (likelihoods.size() != N || impacts.size() != N) {
				throw new IllegalArgumentException("A heat map has " + N + " likelihood and " + N + " impact labels");
			}
			for (var level : RiskLevel.values()) {
				if (!levels.containsKey(level)) {
					throw new IllegalArgumentException("No legend label for level " + level.id());
				}
			}
		}

		/** Every character the map will show, so the font can be chosen to show them all. */
		String all() {
			var text = new StringBuilder(title).append(subtitle == null ? "" : subtitle)
				.append(likelihoodAxis)
				.append(impactAxis)
				.append("0123456789");
			likelihoods.forEach(text::append);
			impacts.forEach(text::append);
			for (var level : RiskLevel.values()) {
				text.append(levels.get(level));
			}
			return text.toString();
		}

	}

	/**
	 * The drawn map: the PNG, the font its words are in, and what was drawn where, so a reader (a
	 * test, alternative text) need not trust the pixels alone.
	 */
	public static final class Picture {

		private final byte[] png;

		private final Font font;

		private final String[][] written;

		private final Rectangle[][] cells;

		Picture(byte[] png, Font font, String[][] written, Rectangle[][] cells) {
			this.png = png;
			this.font = font;
			this.written = written;
			this.cells = cells;
		}

		public byte[] png() {
			return png.clone();
		}

		public int width() {
			return WIDTH;
		}

		public int height() {
			return HEIGHT;
		}

		/** The font the map's words are drawn in. */
		public Font font() {
			return font;
		}

		/** The number written in a cell, or 0 when the cell was left empty. */
		public int drawn(int likelihood, int impact) {
			check(likelihood, impact);
			var text = written[likelihood - 1][impact - 1];
			return text == null ? 0 : Integer.parseInt(text);
		}

		/** Where a cell's colour is, in image pixels. */
		public Rectangle cell(int likelihood, int impact) {
			check(likelihood, impact);
			return new Rectangle(cells[likelihood - 1][impact - 1]);
		}

	}

	/** Draws the map: cells coloured by the policy's levels, the counts written in them. */
	public static Picture render(Counts counts, RiskPolicy policy, Labels labels) {
		return render(counts, policy, labels, ChartFonts.INSTALLED);
	}

	static Picture render(Counts counts, RiskPolicy policy, Labels labels, ChartFonts fonts) {
		var font = fonts.fontFor(labels.all());
		var levels = RiskLevel.values();

		// one item a cell: x = impact - 1, y = likelihood - 1, z = the level, which the scale colours
		var x = new double[N * N];
		var y = new double[N * N];
		var z = new double[N * N];
		for (int l = 1; l <= N; l++) {
			for (int i = 1; i <= N; i++) {
				int item = (l - 1) * N + (i - 1);
				x[item] = i - 1;
				y[item] = l - 1;
				z[item] = policy.level(l, i).ordinal();
			}
		}
		var dataset = new DefaultXYZDataset();
		dataset.addSeries("cells", new double[][] { x, y, z });
		var scale = new LookupPaintScale(-0.5, levels.length - 0.5, Color.LIGHT_GRAY);
		for (var level : levels) {
			scale.add(level.ordinal() - 0.5, colour(policy, level));
		}
		var renderer = new XYBlockRenderer();
		renderer.setPaintScale(scale);
		renderer.setBlockWidth(BLOCK);
		renderer.setBlockHeight(BLOCK);

		var impact = axis(labels.impactAxis(), labels.impacts(), font);
		var likelihood = axis(labels.likelihoodAxis(), labels.likelihoods(), font);
		var plot = new XYPlot(dataset, impact, likelihood, renderer);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setOutlineVisible(false);
		plot.setDomainGridlinesVisible(false);
		plot.setRangeGridlinesVisible(false);
		plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));

		var written = new String[N][N];
		var countFont = font.deriveFont(Font.BOLD, 26f);
		for (int l = 1; l <= N; l++) {
			for (int i = 1; i <= N; i++) {
				int count = counts.at(l, i);
				if (count > 0) {
					var text = Integer.toString(count);
					var annotation = new XYTextAnnotation(text, i - 1, l - 1);
					annotation.setFont(countFont);
					annotation.setPaint(readableOn(colour(policy, policy.level(l, i))));
					annotation.setTextAnchor(TextAnchor.CENTER);
					plot.addAnnotation(annotation);
					written[l - 1][i - 1] = text;
				}
			}
		}

		var legend = new LegendItemCollection();
		for (int rank = levels.length - 1; rank >= 0; rank--) {
			legend.add(new LegendItem(labels.levels().get(levels[rank]), colour(policy, levels[rank])));
		}
		plot.setFixedLegendItems(legend);

		var chart = new JFreeChart(labels.title(), font.deriveFont(Font.BOLD, 20f), plot, true);
		chart.setBackgroundPaint(Color.WHITE);
		chart.setAntiAlias(true);
		chart.setTextAntiAlias(true);
		if (labels.subtitle() != null && !labels.subtitle().isBlank()) {
			var subtitle = new TextTitle(labels.subtitle(), font.deriveFont(13f));
			subtitle.setPaint(Color.DARK_GRAY);
			chart.addSubtitle(subtitle);
		}
		var legendTitle = chart.getLegend();
		legendTitle.setItemFont(font.deriveFont(13f));
		legendTitle.setFrame(BlockBorder.NONE);
		legendTitle.setPosition(RectangleEdge.BOTTOM);

		var info = new ChartRenderingInfo();
		BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, info);
		var area = info.getPlotInfo().getDataArea();
		var cells = new Rectangle[N][N];
		for (int l = 1; l <= N; l++) {
			for (int i = 1; i <= N; i++) {
				double left = impact.valueToJava2D(i - 1 - BLOCK / 2, area, plot.getDomainAxisEdge());
				double right = impact.valueToJava2D(i - 1 + BLOCK / 2, area, plot.getDomainAxisEdge());
				double top = likelihood.valueToJava2D(l - 1 + BLOCK / 2, area, plot.getRangeAxisEdge());
				double bottom = likelihood.valueToJava2D(l - 1 - BLOCK / 2, area, plot.getRangeAxisEdge());
				cells[l - 1][i - 1] = new Rectangle((int) Math.ceil(left), (int) Math.ceil(top),
						(int) Math.floor(right - Math.ceil(left)), (int) Math.floor(bottom - Math.ceil(top)));
			}
		}
		try {
			return new Picture(ChartUtils.encodeAsPNG(image), font, written, cells);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not encode the heat map as PNG", ex);
		}
	}

	private static SymbolAxis axis(String title, List<String> ticks, Font font) {
		var axis = new SymbolAxis(title, ticks.toArray(String[]::new));
		axis.setGridBandsVisible(false);
		axis.setRange(-0.5, N - 0.5);
		axis.setLabelFont(font.deriveFont(Font.BOLD, 15f));
		axis.setTickLabelFont(font.deriveFont(13f));
		axis.setAxisLineVisible(false);
		axis.setTickMarksVisible(false);
		return axis;
	}

	/** A level's colour, as the policy writes it ({@code #rrggbb}). */
	public static Color colour(RiskPolicy policy, RiskLevel level) {
		return Color.decode(policy.colour(level));
	}

	/** Black on light cells, white on dark ones. */
	private static Color readableOn(Color background) {
		double luminance = (0.299 * background.getRed() + 0.587 * background.getGreen() + 0.114 * background.getBlue())
				/ 255;
		return luminance > 0.6 ? Color.BLACK : Color.WHITE;
	}

	private static void check(int likelihood, int impact) {
		if (likelihood < Assessment.MIN || likelihood > N || impact < Assessment.MIN || impact > N) {
			throw new IllegalArgumentException(
					"A heat map's cells are likelihood and impact 1 to " + N + ", not " + likelihood + ", " + impact);
		}
	}

}
