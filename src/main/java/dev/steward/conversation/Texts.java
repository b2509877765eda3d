package dev.steward.conversation;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/** Every string the bot says, from {@code messages*.properties}, in the person's language. */
@Component
public class Texts {

	private final MessageSource messages;

	Texts(MessageSource messages) {
		this.messages = messages;
	}

	public String get(Locale locale, String key, Object... args) {
		try {
			return messages.getMessage(key, args, locale);
		}
		catch (NoSuchMessageException ex) {
			return key;
		}
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
