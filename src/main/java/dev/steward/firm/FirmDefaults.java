package dev.steward.firm;

import java.time.ZoneId;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The firm's default language and time zone ({@code steward.default-locale},
 * {@code steward.default-time-zone}), stated once here. A zone that does not exist stops the
 * start: Boot names the property and the value.
 *
 * @param defaultLocale the language of people whose directory entry and platform say nothing
 * @param defaultTimeZone the firm's zone: schedules, calendars and dates of people without one
 */
@ConfigurationProperties("steward")
public record FirmDefaults(@DefaultValue("en") Locale defaultLocale, @DefaultValue("UTC") ZoneId defaultTimeZone) {

	/** The firm's zone, for dates the firm as a whole reads (delegations, holidays). */
	public ZoneId zone() {
		return defaultTimeZone;
	}

	/** The firm's language. */
	public Locale locale() {
		return defaultLocale;
	}

}
