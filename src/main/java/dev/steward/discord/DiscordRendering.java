package dev.steward.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.label.LabelChildComponent;
import net.dv8tion.jda.api.components.selections.EntitySelectMenu;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

import dev.steward.conversation.Block;
import dev.steward.conversation.FormView;
import dev.steward.conversation.Input;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Message;

/**
 * The one place where the kernel's neutral messages and forms become Discord messages and modals.
 * Everything is cut to Discord's documented limits here, so JDA never refuses what we build and
 * Discord never answers 400.
 */
final class DiscordRendering {

	static final int CONTENT = 2000;

	static final int EMBED_TITLE = 256;

	static final int EMBED_DESCRIPTION = 4096;

	static final int EMBED_FIELDS = 25;

	static final int FIELD_NAME = 256;

	static final int FIELD_VALUE = 1024;

	static final int EMBED_TOTAL = 6000;

	static final int ROWS = 5;

	static final int BUTTONS_PER_ROW = 5;

	static final int BUTTON_LABEL = 80;

	static final int MODAL_TITLE = 45;

	static final int MODAL_COMPONENTS = 5;

	static final int LABEL = 45;

	static final int PLACEHOLDER = 100;

	static final int TEXT_INPUT = 4000;

	static final int SELECT_OPTIONS = 25;

	static final int SELECT_OPTION_TEXT = 100;

	/** Handler name of a modal: {@code discord-modal:SESSION:PAGE}. */
	static final String MODAL = "discord-modal";

	private static final Pattern BOLD = Pattern.compile("(?<![*\\w])\\*(?![\\s*])([^*\\n]+?)(?<!\\s)\\*(?![*\\w])");

	private DiscordRendering() {
	}

	/** A message as Discord content (plain text) or one embed, with its buttons below. */
	static MessageCreateData message(Message message) {
		String title = null;
		var paragraphs = new ArrayList<String>();
		var fields = new ArrayList<Block.Field>();
		String image = null;
		var rows = new ArrayList<ActionRow>();
		for (var block : message.blocks()) {
			if (block instanceof Block.Header header) {
				if (title == null) {
					title = header.text();
				}
				else {
					paragraphs.add("**" + header.text() + "**");
				}
			}
			else if (block instanceof Block.Text text) {
				paragraphs.add(markdown(text.markdown()));
			}
			else if (block instanceof Block.Context context) {
				paragraphs.add(String.join("\n", context.text().lines().map(line -> "-# " + markdown(line)).toList()));
			}
			else if (block instanceof Block.Fields list) {
				fields.addAll(list.fields());
			}
			else if (block instanceof Block.Image picture) {
				image = image == null ? picture.url() : image;
			}
			else if (block instanceof Block.Divider) {
				paragraphs.add("───");
			}
			else if (block instanceof Block.Actions actions) {
				rows.addAll(rows(actions));
			}
		}
		var builder = new MessageCreateBuilder();
		var body = String.join("\n\n", paragraphs).strip();
		if (title == null && fields.isEmpty() && image == null && body.length() <= CONTENT) {
			builder.setContent(body.isEmpty() ? cut(message.fallback(), CONTENT) : body);
		}
		else {
			builder.setEmbeds(embed(title, body, fields, image));
		}
		if (rows.size() > ROWS) {
			rows = new ArrayList<>(rows.subList(0, ROWS));
		}
		builder.setComponents(rows);
		return builder.build();
	}

	private static net.dv8tion.jda.api.entities.MessageEmbed embed(String title, String body, List<Block.Field> fields,
			String image) {
		var embed = new EmbedBuilder();
		int total = 0;
		if (title != null) {
			var cut = cut(title, EMBED_TITLE);
			embed.setTitle(cut);
			total += cut.length();
		}
		for (var field : fields.subList(0, Math.min(fields.size(), EMBED_FIELDS))) {
			var name = cut(field.label().isBlank() ? "\u200b" : field.label(), FIELD_NAME);
			var value = cut(field.value().isBlank() ? "—" : markdown(field.value()), FIELD_VALUE);
			if (total + name.length() + value.length() > EMBED_TOTAL - 200) {
				break;
			}
			embed.addField(name, value, true);
			total += name.length() + value.length();
		}
		if (!body.isEmpty()) {
			embed.setDescription(cut(body, Math.min(EMBED_DESCRIPTION, EMBED_TOTAL - total)));
		}
		if (image != null) {
			embed.setImage(image);
		}
		return embed.build();
	}

	private static List<ActionRow> rows(Block.Actions actions) {
		var rows = new ArrayList<ActionRow>();
		var buttons = actions.buttons().stream().map(DiscordRendering::button).toList();
		for (int i = 0; i < buttons.size(); i += BUTTONS_PER_ROW) {
			rows.add(ActionRow.of(buttons.subList(i, Math.min(buttons.size(), i + BUTTONS_PER_ROW))));
		}
		return rows;
	}

	static Button button(dev.steward.conversation.Button button) {
		var id = button.action().encode();
		var label = cut(button.label(), BUTTON_LABEL);
		return switch (button.style()) {
			case PRIMARY -> Button.primary(id, label);
			case DANGER -> Button.danger(id, label);
			case DEFAULT -> Button.secondary(id, label);
		};
	}

	/**
	 * One page of a form as a modal. Values typed earlier (or kept after an error) fill the inputs;
	 * choices become a select menu inside a label, which Discord allows in modals, unless there are
	 * more than a select menu holds.
	 */
	static Modal modal(FormView view, Map<String, String> values) {
		return modal(view, values, personId -> null, Map.of());
	}

	/**
	 * One page of a form as a modal. A person input is a user select (picked: the person's Discord
	 * user, where they have one); a date a short text the kernel checks; a searchable input a select
	 * menu of its choices when they are few enough, else a text the kernel resolves.
	 * @param discordUser a directory person's Discord user id, or {@code null}
	 * @param fewChoices each searchable input's every choice, by key, where they fit a select menu
	 */
	static Modal modal(FormView view, Map<String, String> values, Function<String, String> discordUser,
			Map<String, List<Input.Choice>> fewChoices) {
		var title = view.spec().title();
		if (view.pageCount() > 1) {
			var suffix = " (" + (view.page() + 1) + "/" + view.pageCount() + ")";
			title = cut(title, MODAL_TITLE - suffix.length()) + suffix;
		}
		var labels = new ArrayList<Label>();
		for (var input : view.currentPage().inputs().subList(0,
				Math.min(view.currentPage().inputs().size(), MODAL_COMPONENTS))) {
			labels.add(Label.of(cut(input.label(), LABEL),
					child(input, values.getOrDefault(input.key(), ""), discordUser, fewChoices.get(input.key()))));
		}
		var id = InteractionId.of(MODAL, view.session(), view.page()).encode();
		return Modal.create(id, cut(title, MODAL_TITLE)).addComponents(labels).build();
	}

	private static LabelChildComponent child(Input input, String value, Function<String, String> discordUser,
			List<Input.Choice> fewChoices) {
		if (input.type() == Input.Type.PERSON) {
			var menu = EntitySelectMenu.create(input.key(), EntitySelectMenu.SelectTarget.USER);
			var user = value.isEmpty() ? null : discordUser.apply(value);
			if (user != null) {
				menu.setDefaultValues(EntitySelectMenu.DefaultValue.user(user));
			}
			if (input.hint() != null) {
				menu.setPlaceholder(cut(input.hint(), PLACEHOLDER));
			}
			return menu.setRequiredRange(input.required() ? 1 : 0, 1).setRequired(input.required()).build();
		}
		var choices = input.type() == Input.Type.SEARCH ? fewChoices : input.choices();
		if ((input.type() == Input.Type.CHOICE || input.type() == Input.Type.SEARCH) && choices != null
				&& !choices.isEmpty() && choices.size() <= SELECT_OPTIONS) {
			var menu = StringSelectMenu.create(input.key());
			for (var choice : choices) {
				menu.addOptions(SelectOption.of(cut(choice.label(), SELECT_OPTION_TEXT), choice.value()));
			}
			if (!value.isEmpty() && choices.stream().anyMatch(choice -> choice.value().equals(value))) {
				menu.setDefaultValues(value);
			}
			if (input.hint() != null) {
				menu.setPlaceholder(cut(input.hint(), PLACEHOLDER));
			}
			return menu.setRequiredRange(input.required() ? 1 : 0, 1).setRequired(input.required()).build();
		}
		var style = input.type() == Input.Type.LONG_TEXT ? TextInputStyle.PARAGRAPH : TextInputStyle.SHORT;
		int max = Math.min(input.maxLength(), TEXT_INPUT);
		var text = TextInput.create(input.key(), style).setRequired(input.required()).setMaxLength(max);
		var hint = input.hint();
		if (hint == null && input.type() == Input.Type.CHOICE) {
			hint = String.join(" / ", input.choices().stream().map(Input.Choice::value).toList());
		}
		if (hint != null && !hint.isBlank()) {
			text.setPlaceholder(cut(hint, PLACEHOLDER));
		}
		if (!value.isEmpty()) {
			text.setValue(cut(value, max));
		}
		return text.build();
	}

	/** The kernel's light markdown in Discord's: {@code *bold*} is {@code **bold**}; {@code _italic_} is the same. */
	static String markdown(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		var out = new StringBuilder();
		var parts = text.split("`", -1);
		for (int i = 0; i < parts.length; i++) {
			if (i > 0) {
				out.append('`');
			}
			// odd parts are inside `code`, where stars are literal
			out.append(i % 2 == 0 ? BOLD.matcher(parts[i]).replaceAll("**$1**") : parts[i]);
		}
		return out.toString();
	}

	static String cut(String text, int max) {
		if (text == null) {
			return "";
		}
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
