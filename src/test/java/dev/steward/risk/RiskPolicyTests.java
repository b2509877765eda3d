package dev.steward.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scoring and bands come from {@code config/risk.yaml}; a wrong file stops the start naming where. */
class RiskPolicyTests {

	static final RiskPolicy SHIPPED = RiskPolicy.read(Path.of("config/risk.yaml"));

	@Test
	void theShippedMatrixBandsScores() {
		assertThat(new Assessment(4, 5).score()).isEqualTo(20);
		assertThat(SHIPPED.level(new Assessment(5, 5))).isEqualTo(RiskLevel.HIGH);
		assertThat(SHIPPED.level(new Assessment(4, 4))).isEqualTo(RiskLevel.HIGH);
		assertThat(SHIPPED.level(new Assessment(3, 3))).isEqualTo(RiskLevel.MEDIUM);
		assertThat(SHIPPED.level(new Assessment(1, 1))).isEqualTo(RiskLevel.LOW);
		// a cell of the matrix, not a score threshold: 4×1 and 1×4 are the same score, different levels
		assertThat(SHIPPED.level(4, 1)).isEqualTo(RiskLevel.LOW);
		assertThat(SHIPPED.level(1, 5)).isEqualTo(RiskLevel.MEDIUM);
		assertThat(SHIPPED.reviewEvery(RiskLevel.HIGH)).isEqualTo(Duration.ofDays(7));
		assertThat(SHIPPED.reviewEvery(RiskLevel.MEDIUM)).isEqualTo(Duration.ofDays(14));
		assertThat(SHIPPED.reviewEvery(RiskLevel.LOW)).isEqualTo(Duration.ofDays(30));
		assertThat(SHIPPED.suggested(RiskLevel.HIGH)).containsExactly(Strategy.AVOID, Strategy.REDUCE);
		assertThat(SHIPPED.suggested(RiskLevel.MEDIUM)).containsExactly(Strategy.REDUCE);
		assertThat(SHIPPED.suggested(RiskLevel.LOW)).containsExactly(Strategy.ACCEPT);
		assertThat(SHIPPED.colour(RiskLevel.HIGH)).isEqualTo("#d64541");
		assertThat(SHIPPED.categories()).containsExactly("market", "client", "project", "people", "legal");
	}

	@Test
	void aFirmMovesTheBands(@TempDir Path folder) throws IOException {
		var strict = Files.readString(Path.of("config/risk.yaml"))
			.replace("  - [low,    low,    low,    low,    medium]  # likelihood 1",
					"  - [low,    low,    medium, high,   high]    # likelihood 1")
			.replace("review-every: 7d", "review-every: 3d");
		var file = folder.resolve("risk.yaml");
		Files.writeString(file, strict);
		var policy = RiskPolicy.read(file);
		assertThat(policy.level(1, 4)).isEqualTo(RiskLevel.HIGH);
		assertThat(policy.level(1, 3)).isEqualTo(RiskLevel.MEDIUM);
		assertThat(policy.reviewEvery(RiskLevel.HIGH)).isEqualTo(Duration.ofDays(3));
	}

	@Test
	void aWrongCellStopsTheStartNamingTheLineAndTheCell(@TempDir Path folder) throws IOException {
		var file = folder.resolve("risk.yaml");
		Files.writeString(file, Files.readString(Path.of("config/risk.yaml"))
			.replace("  - [low,    medium, medium, medium, high]    # likelihood 3",
					"  - [low,    medium, severe, medium, high]    # likelihood 3"));
		assertThatThrownBy(() -> RiskPolicy.read(file)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("line 10")
			.hasMessageContaining("likelihood 3 impact 3")
			.hasMessageContaining("severe");
	}

	@Test
	void otherMistakesAreNamedToo(@TempDir Path folder) throws IOException {
		var shipped = Files.readString(Path.of("config/risk.yaml"));
		var file = folder.resolve("risk.yaml");
		Files.writeString(file, shipped.replace("#d64541", "red"));
		assertThatThrownBy(() -> RiskPolicy.read(file)).hasMessageContaining("levels.high.colour");
		Files.writeString(file, shipped.replace("suggested: [reduce]", "suggested: [ignore]"));
		assertThatThrownBy(() -> RiskPolicy.read(file)).hasMessageContaining("ignore");
		Files.writeString(file, shipped.replace("  - [medium, medium, high,   high,   high]    # likelihood 5\n", ""));
		assertThatThrownBy(() -> RiskPolicy.read(file)).hasMessageContaining("5 rows");
		Files.writeString(file, shipped.replace("categories: [market, client, project, people, legal]",
				"categories: [market, Market]"));
		assertThatThrownBy(() -> RiskPolicy.read(file)).hasMessageContaining("categories");
		assertThatThrownBy(() -> RiskPolicy.read(folder.resolve("none.yaml"))).hasMessageContaining("STEWARD_RISK_POLICY");
	}

}
