package dev.steward.conversation;

import java.util.Map;

/**
 * A form as a door shows it: which page, with which values already entered and which errors.
 *
 * @param session the form session id to send back with the submission
 * @param nextLabel what the button that moves to the next page says (or submits, on the last)
 * @param labels what the person sees for values that are ids, by input key: a person input's name,
 * a searchable choice's label (doors that show a picker need them to show what is picked)
 */
@org.springframework.modulith.NamedInterface("model")
public record FormView(String session, FormSpec spec, int page, Map<String, String> values,
		Map<String, String> errors, String nextLabel, String cancelLabel, Map<String, String> labels) {

	public FormView {
		values = Map.copyOf(values);
		errors = Map.copyOf(errors);
		labels = labels == null ? Map.of() : Map.copyOf(labels);
	}

	/** A view whose values need no labels. */
	public FormView(String session, FormSpec spec, int page, Map<String, String> values, Map<String, String> errors,
			String nextLabel, String cancelLabel) {
		this(session, spec, page, values, errors, nextLabel, cancelLabel, Map.of());
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

	/** What the person sees for an input's value: its label where there is one, else the value. */
	public String label(String key) {
		return labels.getOrDefault(key, value(key));
	}

}
