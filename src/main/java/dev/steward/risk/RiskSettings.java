package dev.steward.risk;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The risk register's settings ({@code steward.risk.*}); the policy itself (matrix, cadences,
 * categories) is in {@link #policy()}.
 *
 * @param policy the policy file ({@code STEWARD_RISK_POLICY})
 * @param reviewTime the local time, in each owner's zone, their reviews of the day are asked for
 * @param reviewWithin working time a review may take; past it the owner is reminded once
 * @param escalateAfter working time after the reminder before the review goes to the project
 * manager, and as long again before it goes to the department head
 * @param reviewsPerMessage how many risks one message of due reviews carries (Discord shows five
 * rows of buttons a message)
 * @param digestDay the day of each department head's weekly digest, in the firm's zone
 * @param digestTime its time
 * @param reviewThreads how many threads of the daily run ask side by side, each a few cards of
 * different owners in a transaction: the run is bound by the database, and more threads take
 * their time from the outbox delivering what they wrote
 */
@ConfigurationProperties("steward.risk")
public record RiskSettings(@DefaultValue("config/risk.yaml") Path policy, @DefaultValue("09:00") LocalTime reviewTime,
		@DefaultValue("8h") Duration reviewWithin, @DefaultValue("8h") Duration escalateAfter,
		@DefaultValue("5") int reviewsPerMessage, @DefaultValue("MONDAY") DayOfWeek digestDay,
		@DefaultValue("09:30") LocalTime digestTime, @DefaultValue("2") int reviewThreads) {

	public RiskSettings {
		if (reviewWithin.isNegative() || reviewWithin.isZero()) {
			throw new IllegalArgumentException("steward.risk.review-within must be positive, not " + reviewWithin);
		}
		if (escalateAfter.isNegative() || escalateAfter.isZero()) {
			throw new IllegalArgumentException("steward.risk.escalate-after must be positive, not " + escalateAfter);
		}
		if (reviewsPerMessage < 1 || reviewsPerMessage > 5) {
			throw new IllegalArgumentException(
					"steward.risk.reviews-per-message is 1 to 5 (Discord's rows of buttons), not " + reviewsPerMessage);
		}
		if (reviewThreads < 1) {
			throw new IllegalArgumentException("steward.risk.review-threads must be at least 1, not " + reviewThreads);
		}
	}

}
