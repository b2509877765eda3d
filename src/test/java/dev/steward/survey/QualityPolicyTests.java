package dev.steward.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.steward.survey.QualityPolicy.Cadence;

/**
 * The satisfaction target and the surveys' settings come from {@code config/quality.yaml} (§3.1,
 * §5.3); a wrong file stops the start naming the file, the line and the setting, and a survey asks
 * at most four dimensions, so one Discord message carries them and the comment.
 */
class QualityPolicyTests {

	static final QualityPolicy SHIPPED = QualityPolicy.read(Path.of("config/quality.yaml"));

	@Test
	void theShippedPolicyAsksThePolicysFourDimensionsMonthly() {
		assertThat(SHIPPED.satisfactionTarget()).isEqualTo(90);
		assertThat(SHIPPED.dimensions()).containsExactly("service-quality", "results", "attitude", "communication");
		assertThat(SHIPPED.every()).isEqualTo(Cadence.MONTHLY);
		assertThat(SHIPPED.remindAfter()).isEqualTo(Duration.ofDays(5));
		assertThat(SHIPPED.openFor()).isEqualTo(Duration.ofDays(14));
	}

	@Test
	void aFirmSetsItsOwnTargetDimensionsAndCadence(@TempDir Path folder) throws IOException {
		var file = folder.resolve("quality.yaml");
		Files.writeString(file, shipped().replace("satisfaction-target: 90", "satisfaction-target: 85")
			.replace("dimensions: [service-quality, results, attitude, communication]", "dimensions: [results, timeliness]")
			.replace("every: monthly", "every: quarterly"));
		var policy = QualityPolicy.read(file);
		assertThat(policy.satisfactionTarget()).isEqualTo(85);
		assertThat(policy.dimensions()).containsExactly("results", "timeliness");
		assertThat(policy.every()).isEqualTo(Cadence.QUARTERLY);
	}

	@Test
	void aFifthDimensionStopsTheStartNamingTheLine(@TempDir Path folder) throws IOException {
		var file = folder.resolve("quality.yaml");
		Files.writeString(file, shipped().replace("attitude, communication]", "attitude, communication, price]"));
		assertThatThrownBy(() -> QualityPolicy.read(file)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("line 11")
			.hasMessageContaining("(dimensions)")
			.hasMessageContaining("1 to 4 dimensions")
			.hasMessageContaining("not 5");
	}

	@Test
	void otherMistakesAreNamedToo(@TempDir Path folder) throws IOException {
		var file = folder.resolve("quality.yaml");
		Files.writeString(file, shipped().replace("satisfaction-target: 90", "satisfaction-target: 120"));
		assertThatThrownBy(() -> QualityPolicy.read(file)).hasMessageContaining("satisfaction-target")
			.hasMessageContaining("1 to 100");
		Files.writeString(file, shipped().replace("every: monthly", "every: yearly"));
		assertThatThrownBy(() -> QualityPolicy.read(file)).hasMessageContaining("survey.every").hasMessageContaining("yearly");
		Files.writeString(file, shipped().replace("remind-after: 5d", "remind-after: 20d"));
		assertThatThrownBy(() -> QualityPolicy.read(file)).hasMessageContaining("survey.remind-after")
			.hasMessageContaining("before it closes");
		Files.writeString(file, shipped().replace("attitude, communication]", "attitude, Attitude]"));
		assertThatThrownBy(() -> QualityPolicy.read(file)).hasMessageContaining("distinct lower-case ids");
		assertThatThrownBy(() -> QualityPolicy.read(folder.resolve("none.yaml")))
			.hasMessageContaining("STEWARD_QUALITY_POLICY");
	}

	private static String shipped() throws IOException {
		return Files.readString(Path.of("config/quality.yaml"));
	}

}
