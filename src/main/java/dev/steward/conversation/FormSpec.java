package dev.steward.conversation;

import java.util.List;

/**
 * A form: a title and one or more pages of inputs. Pages exist because Discord's modals hold at
 * most five inputs; what is entered on one page is kept until the last page is submitted.
 *
 * @param title a short title (Slack allows 24 characters in a modal title)
 * @param submitLabel what the last page's submit button says
 */
@org.springframework.modulith.NamedInterface("model")
public record FormSpec(String title, String submitLabel, List<Page> pages) {

	/** Most inputs one page may hold, so every door can show a page at once. */
	public static final int MAX_INPUTS_PER_PAGE = 5;

	public FormSpec {
		pages = List.copyOf(pages);
		if (pages.isEmpty()) {
			throw new IllegalArgumentException("A form needs a page");
		}
		for (var page : pages) {
			if (page.inputs().isEmpty() || page.inputs().size() > MAX_INPUTS_PER_PAGE) {
				throw new IllegalArgumentException("A page holds 1.." + MAX_INPUTS_PER_PAGE + " inputs: " + title);
			}
		}
	}

	public static FormSpec single(String title, String submitLabel, List<Input> inputs) {
		return new FormSpec(title, submitLabel, List.of(new Page(null, inputs)));
	}

	/** The page a given input is on, or -1. */
	public int pageOf(String key) {
		for (int i = 0; i < pages.size(); i++) {
			if (pages.get(i).inputs().stream().anyMatch(input -> input.key().equals(key))) {
				return i;
			}
		}
		return -1;
	}

	/** One page of inputs, with an optional subtitle. */
	@org.springframework.modulith.NamedInterface("model")
	public record Page(String title, List<Input> inputs) {

		public Page {
			inputs = List.copyOf(inputs);
		}

	}

}
