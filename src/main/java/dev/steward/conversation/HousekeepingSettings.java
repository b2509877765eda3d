package dev.steward.conversation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long Steward keeps what it no longer needs ({@code steward.housekeeping.*}), so its database
 * does not grow without bound.
 *
 * @param every how often the purge runs (and once shortly after start)
 * @param deliveredMessages how long a delivered message nobody will update is kept (a message
 *        without a key, and every delivered update)
 * @param updatableMessages how long a delivered message with a key is kept: until then it can still
 *        be rewritten in place (an approval card decided weeks later); after, an update under its
 *        key finds nothing to rewrite
 * @param failedMessages how long a message given up is kept for an admin to see
 * @param formSessions how long a form left open (never submitted) is kept; a submitted one is gone
 *        at once
 * @param eventPublications how long a completed event publication is kept (an incomplete one,
 *        still to be retried, is never purged)
 * @param batch how many rows one delete statement removes, so no purge holds locks for long
 */
@ConfigurationProperties("steward.housekeeping")
record HousekeepingSettings(@DefaultValue("1h") Duration every, @DefaultValue("30d") Duration deliveredMessages,
		@DefaultValue("180d") Duration updatableMessages, @DefaultValue("90d") Duration failedMessages,
		@DefaultValue("7d") Duration formSessions, @DefaultValue("7d") Duration eventPublications,
		@DefaultValue("1000") int batch) {

	HousekeepingSettings {
		positive(every, "steward.housekeeping.every must be positive: ");
		positive(deliveredMessages, "steward.housekeeping.delivered-messages must be positive: ");
		positive(updatableMessages, "steward.housekeeping.updatable-messages must be positive: ");
		positive(failedMessages, "steward.housekeeping.failed-messages must be positive: ");
		positive(formSessions, "steward.housekeeping.form-sessions must be positive: ");
		positive(eventPublications, "steward.housekeeping.event-publications must be positive: ");
		if (updatableMessages.compareTo(deliveredMessages) < 0) {
			throw new IllegalArgumentException("steward.housekeeping.updatable-messages (" + updatableMessages
					+ ") may not be shorter than delivered-messages (" + deliveredMessages + ")");
		}
		if (batch < 1 || batch > 100_000) {
			throw new IllegalArgumentException("steward.housekeeping.batch must be between 1 and 100000: " + batch);
		}
	}

	private static void positive(Duration value, String refusal) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(refusal + value);
		}
	}

}
