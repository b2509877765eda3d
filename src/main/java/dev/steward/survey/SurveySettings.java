package dev.steward.survey;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The surveys' settings ({@code steward.survey.*}); the policy itself (target, dimensions, cadence,
 * reminder, closing) is {@code config/quality.yaml}.
 *
 * @param sendTime the local time, in the project's zone (its progress schedule's), a scheduled
 * survey goes out, on a working day of its calendar
 * @param roundPage how many due projects the round reads at a time (each sent in a transaction of
 * its own)
 * @param roundThreads how many projects the round sends side by side
 * @param actionDays working days an improvement action has, from the survey's close, before its
 * owner is reminded
 * @param actionRemindDays working days between reminders of an action past its deadline
 * @param roundLead how long before the surveys' time the round starts: it prepares their messages
 * then, and they are kept until their time, so they go out on time however long preparing them took
 */
@ConfigurationProperties("steward.survey")
public record SurveySettings(@DefaultValue("10:00") LocalTime sendTime, @DefaultValue("200") int roundPage, @DefaultValue("4") int roundThreads,
		@DefaultValue("10") int actionDays, @DefaultValue("2") int actionRemindDays,
		@DefaultValue("1m") Duration roundLead) {

	public SurveySettings {
		if (roundPage < 1) {
			throw new IllegalArgumentException("steward.survey.round-page must be at least 1, not " + roundPage);
		}
		if (roundThreads < 1) {
			throw new IllegalArgumentException("steward.survey.round-threads must be at least 1, not " + roundThreads);
		}
		if (roundLead.isNegative() || roundLead.compareTo(Duration.ofHours(1)) > 0) {
			throw new IllegalArgumentException("steward.survey.round-lead is between 0 and 1h, not " + roundLead);
		}
		if (actionDays < 1 || actionRemindDays < 1) {
			throw new IllegalArgumentException("steward.survey.action-days and action-remind-days are at least 1, not "
					+ actionDays + " and " + actionRemindDays);
		}
	}

}
