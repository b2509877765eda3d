package dev.steward.conversation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Retention settings that make no sense are said at start, naming the setting. */
class HousekeepingSettingsTests {

	private static final Duration DAY = Duration.ofDays(1);

	@Test
	void aRetentionMustBePositive() {
		assertThatThrownBy(() -> new HousekeepingSettings(Duration.ZERO, DAY, DAY, DAY, DAY, DAY, 10))
			.hasMessageContaining("steward.housekeeping.every must be positive");
		assertThatThrownBy(() -> new HousekeepingSettings(DAY, DAY, DAY, DAY, Duration.ofHours(-1), DAY, 10))
			.hasMessageContaining("steward.housekeeping.form-sessions must be positive");
	}

	@Test
	void aMessageThatMayBeRewrittenIsKeptAtLeastAsLongAsOneThatMayNot() {
		assertThatThrownBy(() -> new HousekeepingSettings(DAY, Duration.ofDays(30), Duration.ofDays(7), DAY, DAY, DAY, 10))
			.hasMessageContaining("updatable-messages (PT168H) may not be shorter than delivered-messages");
	}

	@Test
	void aBatchIsBetweenOneAndAHundredThousandRows() {
		assertThatThrownBy(() -> new HousekeepingSettings(DAY, DAY, DAY, DAY, DAY, DAY, 0))
			.hasMessageContaining("steward.housekeeping.batch");
	}

}
