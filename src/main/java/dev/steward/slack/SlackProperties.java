package dev.steward.slack;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * The Slack door's settings ({@code steward.slack}, fed by the {@code SLACK_*} environment).
 *
 * @param botToken the bot token ({@code xoxb-…}); the door is on when it is set
 * @param signingSecret verifies every HTTP request; without it the HTTP endpoint is not served
 * @param appToken the app-level token ({@code xapp-…}); when set, Socket Mode replaces HTTP
 * @param apiUrl the Web API base, e.g. a local fake in tests; blank means Slack's own
 * @param pacing the least time between two messages to one channel (Slack allows about one a second)
 * @param userCache how long a person's Slack locale and time zone are kept
 * @param workers threads that work on interactions (Slack's request waits for them up to the ack budget)
 * @param ackBudget how long Slack's request may wait for the work before it is acknowledged anyway
 * @param listPace the least time between two {@code users.list} pages (Tier 2: about 20 a minute)
 * @param lookupPace the least time between two {@code users.lookupByEmail} calls (Tier 3: about 50 a minute)
 * @param apiTimeout longest a Web API call may take, answer included: one that hangs is given up
 *        then and, for a delivery, tried again later (the SDK's own client waits without end)
 */
@ConfigurationProperties("steward.slack")
record SlackProperties(String botToken, String signingSecret, String appToken, String apiUrl,
		@DefaultValue("1s") Duration pacing, @DefaultValue("1h") Duration userCache, @DefaultValue("16") int workers,
		@DefaultValue("1500ms") Duration ackBudget, @DefaultValue("3s") Duration listPace,
		@DefaultValue("1200ms") Duration lookupPace, @DefaultValue("20s") Duration apiTimeout) {

	SlackProperties {
		if (apiTimeout != null && (apiTimeout.isNegative() || apiTimeout.isZero())) {
			throw new IllegalArgumentException("steward.slack.api-timeout must be positive, not " + apiTimeout);
		}
	}

	boolean socketMode() {
		return StringUtils.hasText(appToken);
	}

	boolean httpMode() {
		return StringUtils.hasText(signingSecret);
	}

	/** The Web API's method URL prefix, ending in a slash, or {@code null} for Slack's default. */
	String methodsPrefix() {
		if (!StringUtils.hasText(apiUrl)) {
			return null;
		}
		return apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
	}

	/** Never print the secrets. */
	@Override
	public String toString() {
		return "SlackProperties[apiUrl=" + apiUrl + ", socketMode=" + socketMode() + ", pacing=" + pacing + "]";
	}

}
