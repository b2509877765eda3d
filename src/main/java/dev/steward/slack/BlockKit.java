package dev.steward.slack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.steward.conversation.Block;
import dev.steward.conversation.Button;
import dev.steward.conversation.FormView;
import dev.steward.conversation.Input;
import dev.steward.conversation.Message;

/**
 * The one place where neutral messages and forms become Block Kit, as plain maps and lists ready
 * for JSON. Everything is cut to Slack's documented limits, so a long message is shortened, never
 * refused: the fallback text still carries it whole (up to Slack's limit for text).
 */
final class BlockKit {

	/** Slack's limits (https://api.slack.com/reference/block-kit). */
	static final int MESSAGE_BLOCKS = 50;

	static final int MODAL_BLOCKS = 100;

	static final int HEADER_TEXT = 150;

	static final int SECTION_TEXT = 3000;

	static final int FIELD_TEXT = 2000;

	static final int SECTION_FIELDS = 10;

	static final int ACTIONS_ELEMENTS = 25;

	static final int BUTTON_TEXT = 75;

	static final int ACTION_ID = 255;

	static final int CONTEXT_ELEMENTS = 10;

	static final int IMAGE_URL = 3000;

	static final int IMAGE_ALT = 2000;

	static final int FALLBACK_TEXT = 4000;

	static final int MODAL_TITLE = 24;

	static final int MODAL_BUTTON = 24;

	static final int INPUT_LABEL = 2000;

	static final int PLACEHOLDER = 150;

	static final int OPTION_TEXT = 75;

	static final int OPTION_VALUE = 150;

	static final int SELECT_OPTIONS = 100;

	/** An external select's options in one block_suggestion answer. */
	static final int SUGGESTED_OPTIONS = 100;

	static final int PRIVATE_METADATA = 3000;

	/** The callback id of every modal Steward opens; which form it is rides in private_metadata. */
	static final String FORM_CALLBACK = "steward-form";

	/** The action id of every input element: the block id (the input's key) tells them apart. */
	static final String INPUT_ACTION = "value";

	private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private BlockKit() {
	}

	/** A message's plain-text fallback, for notifications and screen readers. */
	static String fallback(Message message) {
		var text = message.fallback() == null || message.fallback().isBlank() ? " " : message.fallback();
		return cut(text, FALLBACK_TEXT);
	}

	/** A message's blocks. */
	static List<Map<String, Object>> blocks(Message message) {
		var blocks = new ArrayList<Map<String, Object>>();
		for (var block : message.blocks()) {
			blocks.addAll(render(block));
		}
		if (blocks.size() > MESSAGE_BLOCKS) {
			var kept = new ArrayList<>(blocks.subList(0, MESSAGE_BLOCKS - 1));
			// buttons matter more than the middle of a long text: keep the last actions if cut off
			blocks.subList(MESSAGE_BLOCKS - 1, blocks.size())
				.stream()
				.filter(block -> "actions".equals(block.get("type")))
				.reduce((a, b) -> b)
				.ifPresentOrElse(actions -> kept.add(actions), () -> kept.add(context("…")));
			return kept;
		}
		return blocks;
	}

	private static List<Map<String, Object>> render(Block block) {
		if (block instanceof Block.Header header) {
			return List.of(Map.of("type", "header", "text", plain(header.text(), HEADER_TEXT)));
		}
		if (block instanceof Block.Text text) {
			return List.of(section(text.markdown()));
		}
		if (block instanceof Block.Fields fields) {
			var sections = new ArrayList<Map<String, Object>>();
			var all = fields.fields();
			for (int from = 0; from < all.size(); from += SECTION_FIELDS) {
				var texts = all.subList(from, Math.min(all.size(), from + SECTION_FIELDS))
					.stream()
					.map(field -> mrkdwn("*" + escape(field.label()) + "*\n" + escape(blankToDash(field.value())),
							FIELD_TEXT))
					.toList();
				sections.add(Map.of("type", "section", "fields", texts));
			}
			return sections;
		}
		if (block instanceof Block.Actions actions) {
			var rows = new ArrayList<Map<String, Object>>();
			var buttons = actions.buttons();
			for (int from = 0; from < buttons.size(); from += ACTIONS_ELEMENTS) {
				rows.add(Map.of("type", "actions", "elements",
						buttons.subList(from, Math.min(buttons.size(), from + ACTIONS_ELEMENTS))
							.stream()
							.map(BlockKit::button)
							.toList()));
			}
			return rows;
		}
		if (block instanceof Block.Context context) {
			return List.of(context(context.text()));
		}
		if (block instanceof Block.Image image) {
			return List.of(Map.of("type", "image", "image_url", cut(image.url(), IMAGE_URL), "alt_text",
					cut(image.alt() == null || image.alt().isBlank() ? "image" : image.alt(), IMAGE_ALT)));
		}
		return List.of(Map.of("type", "divider"));
	}

	private static Map<String, Object> button(Button button) {
		var element = new LinkedHashMap<String, Object>();
		element.put("type", "button");
		element.put("text", plain(button.label(), BUTTON_TEXT));
		element.put("action_id", button.action().encode());
		switch (button.style()) {
			case PRIMARY -> element.put("style", "primary");
			case DANGER -> element.put("style", "danger");
			default -> {
			}
		}
		return element;
	}

	/**
	 * A form page as a modal view.
	 * @param metadata what the submission must carry back (session, page, where it was opened)
	 */
	static Map<String, Object> modal(FormView view, String metadata) {
		return modal(view, metadata, personId -> null);
	}

	/**
	 * A form page as a modal view.
	 * @param metadata what the submission must carry back (session, page, where it was opened)
	 * @param slackUser a directory person's Slack user id, or {@code null}: a person input's initial user
	 */
	static Map<String, Object> modal(FormView view, String metadata, Function<String, String> slackUser) {
		var spec = view.spec();
		var blocks = new ArrayList<Map<String, Object>>();
		var page = view.currentPage();
		if (view.pageCount() > 1 || page.title() != null) {
			var heading = (page.title() == null ? "" : "*" + escape(page.title()) + "*  ")
					+ (view.pageCount() > 1 ? "(" + (view.page() + 1) + "/" + view.pageCount() + ")" : "");
			blocks.add(Map.of("type", "context", "elements", List.of(mrkdwn(heading.strip(), SECTION_TEXT))));
		}
		for (var input : page.inputs()) {
			blocks.add(input(input, view.value(input.key()), view.label(input.key()), slackUser));
			var error = view.errors().get(input.key());
			if (error != null) {
				// a modal can only show errors inline in answer to a submission; a page reached with
				// errors (sent back from a later page) shows them beneath the input instead
				blocks.add(context("⚠️ " + error));
			}
		}
		var modal = new LinkedHashMap<String, Object>();
		modal.put("type", "modal");
		modal.put("callback_id", FORM_CALLBACK);
		modal.put("title", plain(spec.title(), MODAL_TITLE));
		modal.put("submit", plain(view.nextLabel(), MODAL_BUTTON));
		modal.put("close", plain(view.cancelLabel(), MODAL_BUTTON));
		modal.put("private_metadata", metadata);
		modal.put("blocks", blocks.size() > MODAL_BLOCKS ? blocks.subList(0, MODAL_BLOCKS) : blocks);
		return modal;
	}

	private static Map<String, Object> input(Input input, String value, String label,
			Function<String, String> slackUser) {
		var element = new LinkedHashMap<String, Object>();
		element.put("action_id", INPUT_ACTION);
		boolean filled = value != null && !value.isEmpty();
		switch (input.type()) {
			case CHOICE -> {
				element.put("type", "static_select");
				var options = input.choices()
					.stream()
					.limit(SELECT_OPTIONS)
					.map(choice -> option(choice.value(), choice.label()))
					.toList();
				element.put("options", options);
				options.stream()
					.filter(option -> option.get("value").equals(value))
					.findFirst()
					.ifPresent(option -> element.put("initial_option", option));
			}
			case PERSON -> {
				element.put("type", "users_select");
				var user = filled ? slackUser.apply(value) : null;
				if (user != null) {
					element.put("initial_user", user);
				}
			}
			case DATE -> {
				element.put("type", "datepicker");
				if (filled && ISO_DATE.matcher(value).matches()) {
					element.put("initial_date", value);
				}
			}
			case SEARCH -> {
				// options come from the block_suggestion request (SlackInteractions), as the person types
				element.put("type", "external_select");
				element.put("min_query_length", 0);
				if (filled && value.length() <= OPTION_VALUE) {
					element.put("initial_option", option(value, label == null || label.isBlank() ? value : label));
				}
			}
			default -> {
				element.put("type", "plain_text_input");
				element.put("multiline", input.type() == Input.Type.LONG_TEXT);
				element.put("max_length", input.maxLength());
				if (filled) {
					element.put("initial_value", cut(value, input.maxLength()));
				}
			}
		}
		if (input.hint() != null && !input.hint().isBlank()) {
			element.put("placeholder", plain(input.hint(), PLACEHOLDER));
		}
		var block = new LinkedHashMap<String, Object>();
		block.put("type", "input");
		block.put("block_id", input.key());
		block.put("label", plain(input.label(), INPUT_LABEL));
		block.put("optional", !input.required());
		block.put("element", element);
		return block;
	}

	/** One option of a select menu, or of a block_suggestion answer. */
	static Map<String, Object> option(String value, String label) {
		return Map.of("text", plain(label, OPTION_TEXT), "value", cut(value, OPTION_VALUE));
	}

	private static Map<String, Object> section(String markdown) {
		return Map.of("type", "section", "text", mrkdwn(escape(blankToDash(markdown)), SECTION_TEXT));
	}

	private static Map<String, Object> context(String markdown) {
		return Map.of("type", "context", "elements", List.of(mrkdwn(escape(blankToDash(markdown)), SECTION_TEXT)));
	}

	static Map<String, Object> plain(String text, int max) {
		return Map.of("type", "plain_text", "text", cut(blankToDash(text), max), "emoji", true);
	}

	private static Map<String, Object> mrkdwn(String text, int max) {
		return Map.of("type", "mrkdwn", "text", cut(text, max));
	}

	/**
	 * The kernel's light markdown ({@code *bold*}, {@code _italic_}, {@code `code`}) is Slack's
	 * mrkdwn already; only the three control characters must be escaped.
	 */
	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static String blankToDash(String text) {
		return text == null || text.isBlank() ? "–" : text;
	}

	/** Cuts to at most {@code max} characters (counted as Slack does, in UTF-16 units), with an ellipsis. */
	static String cut(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		int end = max - 1;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "…";
	}

}
