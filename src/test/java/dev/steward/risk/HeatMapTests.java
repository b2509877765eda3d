package dev.steward.risk;

import dev.steward.firm.ChartFonts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.steward.risk.HeatMap.Counts;
import dev.steward.risk.HeatMap.Labels;

/**
 * The heat map as a reader sees it: decoded from its PNG, each cell in its level's colour from the
 * policy, the counts of open risks written in their cells, Chinese words in a font that shows them.
 */
@ExtendWith(OutputCaptureExtension.class)
class HeatMapTests {

	static final RiskPolicy POLICY = RiskPolicy.read(Path.of("config/risk.yaml"));

	static final Labels ENGLISH = new Labels("Risk heat map: P-2026-0001", "3 open risks", "Likelihood", "Impact",
			List.of("1 Rare", "2 Unlikely", "3 Possible", "4 Likely", "5 Almost certain"),
			List.of("1 Negligible", "2 Minor", "3 Moderate", "4 Major", "5 Severe"),
			Map.of(RiskLevel.HIGH, "High", RiskLevel.MEDIUM, "Medium", RiskLevel.LOW, "Low"));

	static final Labels CHINESE = new Labels("风险热力图：P-2026-0001", "未关闭的风险 3 个", "可能性", "影响",
			List.of("1 罕见", "2 不太可能", "3 可能", "4 很可能", "5 几乎肯定"), List.of("1 可忽略", "2 轻微", "3 中等", "4 重大", "5 严重"),
			Map.of(RiskLevel.HIGH, "高", RiskLevel.MEDIUM, "中", RiskLevel.LOW, "低"));

	static Risk risk(int likelihood, int impact) {
		var details = new Risk.Details("project", "Risk " + likelihood + "/" + impact, "", "",
				new Assessment(likelihood, impact), Strategy.REDUCE, "");
		return Risk.register(new Risk.Scope(1L, null, "strategy"), details, POLICY.level(likelihood, impact), "zhang.wei",
				LocalDate.of(2026, 6, 1), "zhang.wei", Instant.parse("2026-05-01T08:00:00Z"));
	}

	/** A risk as the register keeps it, closed. */
	static Risk closed(int likelihood, int impact) {
		var at = Instant.parse("2026-05-02T08:00:00Z");
		return new Risk(9L, 2, 1L, null, "strategy", "project", "Closed " + likelihood + "/" + impact, "", "", likelihood,
				impact, likelihood * impact, POLICY.level(likelihood, impact), Strategy.REDUCE, "", "zhang.wei",
				Risk.Status.CLOSED, null, 0, false, null, 0, null, null, "zhang.wei", at, at, List.of());
	}

	static BufferedImage decode(HeatMap.Picture picture) throws IOException {
		var image = ImageIO.read(new ByteArrayInputStream(picture.png()));
		assertThat(image).as("a PNG ImageIO reads").isNotNull();
		return image;
	}

	/** The cell without its edges, where only its colour and its number are. */
	static Rectangle inner(Rectangle cell) {
		return new Rectangle(cell.x + 3, cell.y + 3, cell.width - 6, cell.height - 6);
	}

	/** How many pixels of an area are not the colour. */
	static int otherThan(BufferedImage image, Rectangle area, Color colour) {
		int other = 0;
		for (int x = area.x; x < area.x + area.width; x++) {
			for (int y = area.y; y < area.y + area.height; y++) {
				if ((image.getRGB(x, y) & 0xFFFFFF) != (colour.getRGB() & 0xFFFFFF)) {
					other++;
				}
			}
		}
		return other;
	}

	@Test
	void theMapIsAPngOfItsSizeWithEachCellInItsLevelsColour() throws IOException {
		var picture = HeatMap.render(Counts.none(), POLICY, ENGLISH);
		var image = decode(picture);
		assertThat(image.getWidth()).isEqualTo(HeatMap.WIDTH).isEqualTo(picture.width());
		assertThat(image.getHeight()).isEqualTo(HeatMap.HEIGHT).isEqualTo(picture.height());
		// config/risk.yaml: likelihood 5 × impact 5 is high, 1 × 1 low, 3 × 3 medium
		assertThat(POLICY.level(5, 5)).isEqualTo(RiskLevel.HIGH);
		assertThat(POLICY.level(1, 1)).isEqualTo(RiskLevel.LOW);
		assertThat(POLICY.level(3, 3)).isEqualTo(RiskLevel.MEDIUM);
		assertThat(otherThan(image, inner(picture.cell(5, 5)), Color.decode("#d64541"))).isZero();
		assertThat(otherThan(image, inner(picture.cell(1, 1)), Color.decode("#7cb342"))).isZero();
		assertThat(otherThan(image, inner(picture.cell(3, 3)), Color.decode("#f5a623"))).isZero();
		// likelihood grows upwards, impact to the right
		assertThat(picture.cell(5, 1).y).isLessThan(picture.cell(1, 1).y);
		assertThat(picture.cell(1, 5).x).isGreaterThan(picture.cell(1, 1).x);
		for (int l = 1; l <= 5; l++) {
			for (int i = 1; i <= 5; i++) {
				assertThat(picture.drawn(l, i)).as("nothing written in an empty map").isZero();
				var cell = picture.cell(l, i);
				assertThat(cell.width).isGreaterThan(40);
				assertThat(cell.height).isGreaterThan(40);
				assertThat(new Rectangle(0, 0, image.getWidth(), image.getHeight()).contains(cell)).isTrue();
			}
		}
	}

	@Test
	void theCountsOfOpenRisksAreWrittenInTheirCells() throws IOException {
		var counts = Counts.ofOpen(List.of(risk(4, 5), risk(4, 5), risk(1, 1), closed(4, 4)));
		assertThat(counts.total()).as("the closed one is left out").isEqualTo(3);
		var picture = HeatMap.render(counts, POLICY, ENGLISH);
		var image = decode(picture);

		assertThat(picture.drawn(4, 5)).isEqualTo(2);
		assertThat(picture.drawn(1, 1)).isEqualTo(1);
		assertThat(picture.drawn(4, 4)).as("closed risks are not counted").isZero();
		assertThat(picture.drawn(5, 5)).isZero();

		// 4 × 5 and 5 × 5 are both high: the one with a number has the number's pixels on it
		assertThat(POLICY.level(4, 5)).isEqualTo(POLICY.level(5, 5)).isEqualTo(RiskLevel.HIGH);
		var high = Color.decode("#d64541");
		assertThat(otherThan(image, inner(picture.cell(5, 5)), high)).isZero();
		assertThat(otherThan(image, inner(picture.cell(4, 5)), high)).isGreaterThan(30);
		assertThat(otherThan(image, inner(picture.cell(4, 4)), high)).as("4 × 4 holds only a closed risk").isZero();
		// the number is in the cell's middle; its corners keep the level's colour
		var cell = picture.cell(4, 5);
		assertThat(image.getRGB(cell.x + 4, cell.y + 4) & 0xFFFFFF).isEqualTo(high.getRGB() & 0xFFFFFF);
	}

	@Test
	void countsAsTheDatabaseGroupsThemAreCopiedCellByCell() {
		var cells = new int[5][5];
		cells[3][4] = 2;
		cells[0][0] = 1;
		var counts = Counts.of(cells);
		cells[3][4] = 9;
		assertThat(counts.at(4, 5)).as("a copy").isEqualTo(2);
		assertThat(counts.at(1, 1)).isEqualTo(1);
		assertThat(counts.total()).isEqualTo(3);
		assertThatThrownBy(() -> Counts.of(new int[4][5])).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Counts.of(new int[5][4])).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void chineseWordsAreDrawnInAFontThatShowsThem() throws IOException {
		var picture = HeatMap.render(Counts.none().add(3, 3), POLICY, CHINESE);
		decode(picture);
		assertThat(picture.font().canDisplayUpTo(CHINESE.title())).as("font %s", picture.font().getFontName())
			.isEqualTo(-1);
		assertThat(picture.font().canDisplayUpTo(CHINESE.all())).isEqualTo(-1);
		assertThat(picture.drawn(3, 3)).isEqualTo(1);
		var english = HeatMap.render(Counts.none().add(3, 3), POLICY, ENGLISH);
		assertThat(english.font().canDisplayUpTo(ENGLISH.all())).isEqualTo(-1);
	}

	@Test
	void theBandsComeFromThePolicyNotFromTheCode() throws IOException {
		var cells = new RiskLevel[5][5];
		for (var row : cells) {
			java.util.Arrays.fill(row, RiskLevel.LOW);
		}
		cells[4][4] = RiskLevel.MEDIUM;
		var policy = new RiskPolicy(cells,
				Map.of(RiskLevel.HIGH, new RiskPolicy.LevelPolicy("#000080", java.time.Duration.ofDays(7), List.of()),
						RiskLevel.MEDIUM, new RiskPolicy.LevelPolicy("#800080", java.time.Duration.ofDays(14), List.of()),
						RiskLevel.LOW, new RiskPolicy.LevelPolicy("#008080", java.time.Duration.ofDays(30), List.of())),
				List.of("project"));
		var picture = HeatMap.render(Counts.none(), policy, ENGLISH);
		var image = decode(picture);
		assertThat(otherThan(image, inner(picture.cell(5, 5)), Color.decode("#800080"))).isZero();
		assertThat(otherThan(image, inner(picture.cell(5, 4)), Color.decode("#008080"))).isZero();
	}

	@Test
	void withoutAFontThatShowsTheTextTheMapIsStillDrawnAndTheWarningIsLoggedOnce(CapturedOutput output) {
		// U+0378 is no character at all: no font shows it, as no font shows Chinese on a host without CJK fonts
		var fonts = new ChartFonts(List.of());
		var font = fonts.fontFor("风险\u0378");
		assertThat(font.getFamily()).isEqualTo(java.awt.Font.SANS_SERIF);
		fonts.fontFor("风险\u0378");
		var impossible = new Labels("\u0378", null, "L", "I", ENGLISH.likelihoods(), ENGLISH.impacts(), ENGLISH.levels());
		assertThat(HeatMap.render(Counts.none(), POLICY, impossible, fonts).png()).isNotEmpty();
		assertThat(output.getAll().split("fonts-noto-cjk", -1)).as("one warning").hasSize(2);
	}

}
