package dev.steward.conversation;

import java.util.Map;

/**
 * A form as a door shows it: which page, with which values already entered and which errors.
 *
 * @param session the form session id to send back with the submission
 * @param nextLabel what the button that moves to the next page says (or submits, on the last)
 */
@org.springframework.modulith.NamedInterface("model")
public record FormView(String session, FormSpec spec, int page, Map<String, String> values,
		Map<String, String> errors, String nextLabel, String cancelLabel) {

	public FormView {
		values = Map.copyOf(values);
		errors = Map.copyOf(errors);
	}

	public FormSpec.Page currentPage() {
		return spec.pages().get(page);
	}

	public boolean lastPage() {
		return page == spec.pages().size() - 1;
	}

	public int pageCount() {
		return spec.pages().size();
	}

	public String value(String key) {
		return values.getOrDefault(key, "");
	}

}
