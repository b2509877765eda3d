package dev.steward.support;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The day a risk's review falls due, for the risk flow tests, which register a risk whose first
 * review is today (in its owner's zone) and then run that zone's daily review job now. On a
 * working day that is all there is to it and nothing here changes anything. On a rest day or a
 * public holiday the register rightly moves the first review to the next working day of the
 * project's calendar, and a test on the real clock cannot wait for that day: this brings it to
 * today, as its coming would.
 */
public final class RiskReviewDay {

	private RiskReviewDay() {
	}

	/** Today in a zone, as the review job there reads it. */
	public static LocalDate today(ZoneId zone) {
		return LocalDate.now(Clock.system(zone));
	}

	/** Makes the risk's next review fall on today in its owner's zone, if the calendar put it later. */
	public static void comesToday(JdbcClient jdbc, long riskId, ZoneId ownerZone) {
		jdbc.sql("update risk set next_review = :today where id = :id and next_review > :today")
			.param("today", today(ownerZone))
			.param("id", riskId)
			.update();
	}

}
