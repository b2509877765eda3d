package dev.steward.survey;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

import dev.steward.firm.ChartFonts;

/**
 * The satisfaction trend as a picture (§5.3.2): a point a month with answers, joined by a line, and
 * the firm's target as a dashed line across, in a font that shows the reader's words.
 */
public final class TrendChart {

	static final int WIDTH = 900;

	static final int HEIGHT = 450;

	/** The line of the satisfaction month by month. */
	public static final Color LINE = new Color(0x2a, 0x6f, 0x97);

	/** The target's dashed line. */
	public static final Color TARGET = new Color(0xc0, 0x39, 0x2b);

	private TrendChart() {
	}

	/** The words on the picture, in the reader's language. */
	public record Labels(String title, String subtitle, String series, String target, String axis) {

		String all() {
			return title + subtitle + series + target + axis;
		}

	}

	/**
	 * The picture and where things fell on it, so a test can check what it shows.
	 * @param targetY the row of pixels the target's line is drawn on
	 * @param points the pixel of each month with answers, in order
	 */
	public record Picture(byte[] png, Font font, int targetY, List<java.awt.Point> points) {
	}

	public static Picture render(List<SurveyResults.Month> months, int target, Labels labels) {
		return render(months, target, labels, ChartFonts.INSTALLED);
	}

	static Picture render(List<SurveyResults.Month> months, int target, Labels labels, ChartFonts fonts) {
		var font = fonts.fontFor(labels.all());
		var dataset = new DefaultCategoryDataset();
		for (var month : months) {
			dataset.addValue(month.answers() == 0 ? null : Double.valueOf(Math.round(month.share() * 10) / 10.0),
					labels.series(), month.month().toString());
		}
		var categories = new CategoryAxis();
		categories.setTickLabelFont(font.deriveFont(12f));
		categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
		var values = new NumberAxis(labels.axis());
		values.setRange(0, 100);
		values.setLabelFont(font.deriveFont(13f));
		values.setTickLabelFont(font.deriveFont(12f));
		var renderer = new LineAndShapeRenderer(true, true);
		renderer.setSeriesPaint(0, LINE);
		renderer.setSeriesStroke(0, new BasicStroke(3f));
		renderer.setDefaultItemLabelsVisible(false);
		var plot = new CategoryPlot(dataset, categories, values, renderer);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
		plot.setOutlineVisible(false);
		var marker = new ValueMarker(target, TARGET, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
				10f, new float[] { 8f, 6f }, 0f));
		marker.setLabel(labels.target());
		marker.setLabelFont(font.deriveFont(Font.BOLD, 12f));
		marker.setLabelPaint(TARGET);
		marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
		marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
		plot.addRangeMarker(marker);

		var chart = new JFreeChart(labels.title(), font.deriveFont(Font.BOLD, 20f), plot, false);
		chart.setBackgroundPaint(Color.WHITE);
		chart.setAntiAlias(true);
		chart.setTextAntiAlias(true);
		if (labels.subtitle() != null && !labels.subtitle().isBlank()) {
			var subtitle = new TextTitle(labels.subtitle(), font.deriveFont(13f));
			subtitle.setPaint(Color.DARK_GRAY);
			subtitle.setFrame(BlockBorder.NONE);
			subtitle.setPosition(RectangleEdge.TOP);
			chart.addSubtitle(subtitle);
		}
		var info = new ChartRenderingInfo();
		BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, info);
		var area = info.getPlotInfo().getDataArea();
		int targetY = (int) Math.round(values.valueToJava2D(target, area, plot.getRangeAxisEdge()));
		var points = new java.util.ArrayList<java.awt.Point>();
		for (int i = 0; i < months.size(); i++) {
			var value = dataset.getValue(0, i);
			if (value != null) {
				double x = categories.getCategoryMiddle(i, months.size(), area, plot.getDomainAxisEdge());
				double y = values.valueToJava2D(value.doubleValue(), area, plot.getRangeAxisEdge());
				points.add(new java.awt.Point((int) Math.round(x), (int) Math.round(y)));
			}
		}
		try {
			return new Picture(ChartUtils.encodeAsPNG(image), font, targetY, points);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not encode the trend chart as PNG", ex);
		}
	}

}
