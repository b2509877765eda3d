package dev.steward.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/**
 * Satisfaction against the target (§3.1): the share of scores of 4 or 5, per dimension and
 * overall; month by month for the trend; and the trend chart, decoded and checked where its line
 * and its target fall.
 */
class SurveyResultsTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final List<String> ASKED = List.of("service-quality", "results", "attitude", "communication");

	static SurveyResults.Answer answer(String at, int... scores) {
		var byDimension = new LinkedHashMap<String, Integer>();
		for (int i = 0; i < scores.length; i++) {
			byDimension.put(ASKED.get(i), scores[i]);
		}
		return new SurveyResults.Answer(1, Instant.parse(at), byDimension);
	}

	@Test
	void satisfactionIsTheShareOfScoresOfFourOrFive() {
		var answers = List.of(answer("2026-10-02T02:00:00Z", 5, 4, 3, 4), answer("2026-10-03T02:00:00Z", 4, 2, 5, 5),
				answer("2026-10-04T02:00:00Z", 5, 5, 4, 1));
		var result = SurveyResults.of(answers, ASKED, 75);
		assertThat(result.answers()).isEqualTo(3);
		// service quality 3 of 3; results 2 of 3; attitude 2 of 3; communication 2 of 3: 9 of 12
		assertThat(result.dimensions()).extracting(SurveyResults.Dimension::id).containsExactlyElementsOf(ASKED);
		assertThat(result.dimensions()).extracting(SurveyResults.Dimension::satisfied).containsExactly(3, 2, 2, 2);
		assertThat(result.dimensions().get(0).share()).isEqualTo(100.0);
		assertThat(result.dimensions().get(1).share()).isCloseTo(66.67, within(0.01));
		assertThat(result.dimensions().get(1).mean()).isCloseTo(11.0 / 3, within(0.001));
		assertThat(result.overall().scores()).isEqualTo(12);
		assertThat(result.overall().share()).isEqualTo(75.0);
		// exactly at the target meets it; a point under misses
		assertThat(result.met()).isTrue();
		assertThat(SurveyResults.of(answers, ASKED, 76).missed()).isTrue();
		// no answer meets nothing and misses nothing: no improvement action from silence
		var none = SurveyResults.of(List.of(), ASKED, 90);
		assertThat(none.met()).isFalse();
		assertThat(none.missed()).isFalse();
		assertThat(none.overall().share()).isZero();
	}

	@Test
	void theTrendHasAMonthForEachOfTheLastTwelveInTheReadersZone() {
		var answers = List.of(answer("2026-03-10T02:00:00Z", 5, 5, 5, 5),
				// 1 November 00:30 in Shanghai is still 31 October in UTC
				answer("2026-10-31T16:30:00Z", 2, 2, 4, 4), answer("2025-10-01T00:00:00Z", 5, 5, 5, 5));
		var trend = SurveyResults.trend(answers, Instant.parse("2026-11-30T04:00:00Z"), SHANGHAI, 12);
		assertThat(trend).hasSize(12);
		assertThat(trend.get(0).month()).isEqualTo(YearMonth.of(2025, 12));
		assertThat(trend.get(11).month()).isEqualTo(YearMonth.of(2026, 11));
		assertThat(trend.get(11).answers()).isEqualTo(1);
		assertThat(trend.get(11).share()).isEqualTo(50.0);
		assertThat(trend.get(2).month()).isEqualTo(YearMonth.of(2026, 2));
		assertThat(trend.get(3).share()).isEqualTo(100.0);
		assertThat(trend.stream().mapToInt(SurveyResults.Month::answers).sum()).as("the one before the window left out")
			.isEqualTo(2);
	}

	@Test
	void theTrendChartShowsTheLineAndTheTargetWhereTheyBelong() throws Exception {
		var months = new ArrayList<SurveyResults.Month>();
		var first = YearMonth.of(2025, 12);
		double[] shares = { 95, 92, 0, 88, 80, 85, 91, 93, 70, 75, 86, 94 };
		for (int i = 0; i < 12; i++) {
			months.add(new SurveyResults.Month(first.plusMonths(i), i == 2 ? 0 : 4, shares[i]));
		}
		var picture = TrendChart.render(months, 90, new TrendChart.Labels("满意度趋势：P-2026-0001", "十二个月共 44 份答复",
				"满意度（4–5 分）", "目标 90%", "4 分及以上的评分占比（%）"));
		var image = ImageIO.read(new ByteArrayInputStream(picture.png()));
		assertThat(image.getWidth()).isEqualTo(TrendChart.WIDTH);
		assertThat(image.getHeight()).isEqualTo(TrendChart.HEIGHT);
		// the month nobody answered has no point: eleven points
		assertThat(picture.points()).hasSize(11);
		// each point is drawn in the line's colour
		for (var point : picture.points()) {
			assertThat(near(image, point.x, point.y, TrendChart.LINE, 3)).as("point at " + point).isTrue();
		}
		// a higher share is higher on the picture
		assertThat(picture.points().get(0).y).isLessThan(picture.points().get(2).y);
		// the target's dashed line runs across at its height
		int dashes = 0;
		for (int x = 0; x < image.getWidth(); x++) {
			if (similar(new Color(image.getRGB(x, picture.targetY())), TrendChart.TARGET)) {
				dashes++;
			}
		}
		assertThat(dashes).as("pixels of the target line").isGreaterThan(200);
		assertThat(picture.targetY()).isLessThan(picture.points().get(2).y).isGreaterThan(picture.points().get(0).y);
		// and the words are in a font that shows Chinese, where the machine has one
		if (new java.awt.Font("Noto Sans CJK SC", java.awt.Font.PLAIN, 12).canDisplayUpTo("满意度趋势") == -1) {
			assertThat(picture.font().canDisplayUpTo("满意度趋势：目标")).isEqualTo(-1);
		}
	}

	static boolean near(java.awt.image.BufferedImage image, int x, int y, Color colour, int radius) {
		for (int dx = -radius; dx <= radius; dx++) {
			for (int dy = -radius; dy <= radius; dy++) {
				int px = x + dx;
				int py = y + dy;
				if (px >= 0 && py >= 0 && px < image.getWidth() && py < image.getHeight()
						&& similar(new Color(image.getRGB(px, py)), colour)) {
					return true;
				}
			}
		}
		return false;
	}

	static boolean similar(Color a, Color b) {
		return Math.abs(a.getRed() - b.getRed()) < 40 && Math.abs(a.getGreen() - b.getGreen()) < 40
				&& Math.abs(a.getBlue() - b.getBlue()) < 40;
	}

	@Test
	void aDimensionThePolicyNoLongerAsksStillCounts() {
		var old = new SurveyResults.Answer(1, Instant.parse("2026-10-02T02:00:00Z"), Map.of("timeliness", 5));
		var result = SurveyResults.of(List.of(old), ASKED, 90);
		assertThat(result.dimensions()).extracting(SurveyResults.Dimension::id).endsWith("timeliness");
		assertThat(result.overall().share()).isEqualTo(100.0);
	}

}
