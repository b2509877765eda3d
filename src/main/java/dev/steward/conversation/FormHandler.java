package dev.steward.conversation;

import java.util.List;
import java.util.Map;

/**
 * Builds and receives one kind of form. The kernel opens it, keeps each page's values and checks
 * each input's own rules (required, length, number, choice, person, date, searchable choice); the
 * handler receives a person as their directory id, a date as {@code yyyy-MM-dd} and a searchable
 * choice as its source's value. The handler checks the rest when the last page is submitted,
 * answering {@link Reply.FormErrors} to keep the form open.
 */
public interface FormHandler {

	String name();

	/**
	 * Whether people outside the directory may fill it (it is opened by an
	 * {@linkplain CommandSpec#open() open command}); it then receives a {@linkplain Caller#guest() guest}.
	 */
	default boolean open() {
		return false;
	}

	/** The form for these arguments; called when it opens and again at each page's submission. */
	FormSpec spec(Caller caller, List<String> args);

	Reply submit(FormRequest request);

	/** A completed form routed to its handler. */
	record FormRequest(Caller caller, ChannelRef channel, List<String> args, Map<String, String> values) {

		public String value(String key) {
			var value = values.get(key);
			return value == null ? "" : value.strip();
		}

	}

}
