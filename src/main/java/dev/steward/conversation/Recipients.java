package dev.steward.conversation;

import java.time.ZoneId;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.steward.conversation.spi.CallerDirectory;
import dev.steward.firm.FirmDefaults;

/**
 * A person as a message's reader: their name, language and time zone, so a message to them is
 * written for them. Someone the directory no longer knows reads the firm's defaults.
 */
@Component
public class Recipients {

	private final CallerDirectory directory;

	private final Locale defaultLocale;

	private final ZoneId defaultZone;

	Recipients(CallerDirectory directory, FirmDefaults firm) {
		this.directory = directory;
		this.defaultLocale = firm.locale();
		this.defaultZone = firm.zone();
	}

	public Caller of(String personId) {
		return directory.person(personId).orElseGet(() -> new Caller(personId, personId, defaultLocale, defaultZone));
	}

	/** The firm's defaults, for messages to a channel. */
	public Caller channelReader() {
		return new Caller("", "", defaultLocale, defaultZone);
	}

}
