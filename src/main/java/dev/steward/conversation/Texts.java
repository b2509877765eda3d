package dev.steward.conversation;

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

}
