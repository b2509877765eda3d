package dev.steward.client;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Client feedback's settings ({@code steward.feedback.*}), checked at start: a wrong value stops it,
 * naming the property.
 *
 * @param categories what feedback is about; each id's words are {@code feedback.category.<id>} in
 * the message bundles (an id without words is shown as it is)
 * @param deadline working days, on the firm's default calendar, within which an item of each
 * severity should be closed; past it the owner is reminded
 * @param escalateAfter working time after the reminder before an item still open goes to the project
 * manager (or, if the manager owns it, to the department head)
 * @param summaryDay the day of the month management gets the last month's summary (moved to the next
 * working day), in the firm's zone
 * @param summaryTime its time
 * @param recurringAt how many items of one category from one client in a month make it recurring
 */
@ConfigurationProperties("steward.feedback")
public record FeedbackSettings(
		@DefaultValue({ "quality", "schedule", "communication", "staff", "billing", "other" }) List<String> categories,
		@DefaultValue Deadlines deadline, @DefaultValue("8h") Duration escalateAfter,
		@DefaultValue("1") int summaryDay, @DefaultValue("09:00") LocalTime summaryTime,
		@DefaultValue("2") int recurringAt) {

	public FeedbackSettings {
		categories = categories.stream().map(id -> id.strip().toLowerCase(Locale.ROOT)).distinct().toList();
		if (categories.isEmpty()) {
			throw new IllegalArgumentException("steward.feedback.categories needs at least one category");
		}
		for (var id : categories) {
			if (!id.matches("[a-z][a-z0-9-]{0,39}")) {
				throw new IllegalArgumentException(
						"steward.feedback.categories: '" + id + "' is not an id (a-z, 0-9, -, at most 40)");
			}
		}
		if (escalateAfter.isNegative() || escalateAfter.isZero()) {
			throw new IllegalArgumentException("steward.feedback.escalate-after must be positive, not " + escalateAfter);
		}
		if (summaryDay < 1 || summaryDay > 28) {
			throw new IllegalArgumentException("steward.feedback.summary-day is 1 to 28, not " + summaryDay);
		}
		if (recurringAt < 2) {
			throw new IllegalArgumentException("steward.feedback.recurring-at is at least 2, not " + recurringAt);
		}
	}

	/** Working days to close an item, by severity. */
	public record Deadlines(@DefaultValue("2") int high, @DefaultValue("5") int medium, @DefaultValue("10") int low) {

		public Deadlines {
			check("high", high);
			check("medium", medium);
			check("low", low);
		}

		private static void check(String severity, int days) {
			if (days < 1 || days > 60) {
				throw new IllegalArgumentException(
						"The working days of steward.feedback.deadline." + severity + " are 1 to 60, not " + days);
			}
		}

	}

	/** The working days an item of this severity has. */
	public int days(Feedback.Severity severity) {
		return switch (severity) {
			case HIGH -> deadline.high();
			case MEDIUM -> deadline.medium();
			case LOW -> deadline.low();
		};
	}

	public boolean hasCategory(String id) {
		return id != null && categories.contains(id.strip().toLowerCase(Locale.ROOT));
	}

}
