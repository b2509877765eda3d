package dev.steward.conversation;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/** Every string the bot says, from {@code messages*.properties}, in the person's language. */
@org.springframework.modulith.NamedInterface("model")
@Component
public class Texts {

	private static final Logger log = LoggerFactory.getLogger(Texts.class);

	/** What a person reads where a text is missing. */
	static final String MISSING = "kernel.missing-text";

	private final MessageSource messages;

	Texts(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The text of a key in the language. A key that no bundle has is a bug: it is logged as an
	 * error and the person reads a short apology in their language instead of the raw key.
	 */
	public String get(Locale locale, String key, Object... args) {
		try {
			return messages.getMessage(key, args, locale);
		}
		catch (NoSuchMessageException ex) {
			log.error("No text for message key '{}' ({}) in any bundle under messages/", key, locale);
			try {
				return messages.getMessage(MISSING, null, locale);
			}
			catch (NoSuchMessageException none) {
				return "Sorry, I have no words for this yet.";
			}
		}
	}

	/**
	 * The words for a name that configuration introduces (a chain type, a step), or the name
	 * itself when the bundles have none: an operator may add a chain before its words.
	 */
	public String named(Locale locale, String key, String name) {
		return messages.getMessage(key, null, name, locale);
	}

	public String get(Caller caller, String key, Object... args) {
		return get(caller.locale(), key, args);
	}

	/** A moment as the person reads it: {@code 2026-11-27 14:03 (Asia/Shanghai)}. */
	public String when(Caller caller, Instant at) {
		return at == null ? "" : WHEN.format(at.atZone(caller.zone())) + " (" + caller.zone().getId() + ")";
	}

	/** A date as the person reads it: {@code 2026-11-27}. */
	public String date(Caller caller, Instant at) {
		return at == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(at.atZone(caller.zone()));
	}

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");


}
