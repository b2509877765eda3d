package dev.steward.discord;

import java.util.ArrayList;
import java.util.List;

import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * Discord's documented limits for messages, embeds, components and modals, checked on the JSON
 * the bot sends; each check answers what it broke, so a failure names every excess at once.
 */
final class DiscordLimits {

	/** The most a bot may attach to one message: 10 files. */
	static final int FILES = 10;

	/** The largest file a bot may attach without server boosts: 10 MiB. */
	static final int FILE_BYTES = 10 * 1024 * 1024;

	private DiscordLimits() {
	}

	/** Everything wrong with a message's files, given their sizes in bytes. */
	static List<String> files(List<Integer> sizes) {
		var problems = new ArrayList<String>();
		if (sizes.size() > FILES) {
			problems.add("more than " + FILES + " files");
		}
		sizes.stream().filter(size -> size > FILE_BYTES).forEach(size -> problems.add("a file of " + size
				+ " bytes, more than " + FILE_BYTES));
		return problems;
	}

	/** Everything wrong with a message body (create or edit). */
	static List<String> message(DataObject message) {
		var problems = new ArrayList<String>();
		max(problems, "content", message.getString("content", ""), 2000);
		var embeds = message.optArray("embeds").orElseGet(DataArray::empty);
		if (embeds.length() > 10) {
			problems.add("more than 10 embeds");
		}
		int total = 0;
		for (int i = 0; i < embeds.length(); i++) {
			var embed = embeds.getObject(i);
			total += max(problems, "embed title", embed.getString("title", ""), 256);
			total += max(problems, "embed description", embed.getString("description", ""), 4096);
			var fields = embed.optArray("fields").orElseGet(DataArray::empty);
			if (fields.length() > 25) {
				problems.add("more than 25 fields");
			}
			for (int j = 0; j < fields.length(); j++) {
				total += max(problems, "field name", fields.getObject(j).getString("name", ""), 256);
				total += max(problems, "field value", fields.getObject(j).getString("value", ""), 1024);
			}
			total += embed.optObject("footer").map(footer -> max(problems, "footer", footer.getString("text", ""), 2048))
				.orElse(0);
		}
		if (total > 6000) {
			problems.add("embeds hold " + total + " characters, more than 6000");
		}
		var rows = message.optArray("components").orElseGet(DataArray::empty);
		if (rows.length() > 5) {
			problems.add("more than 5 action rows");
		}
		for (int i = 0; i < rows.length(); i++) {
			var row = rows.getObject(i);
			var items = row.optArray("components").orElseGet(DataArray::empty);
			if (row.getInt("type") != 1) {
				problems.add("a top-level component that is not an action row");
			}
			if (items.length() > 5) {
				problems.add("more than 5 buttons in a row");
			}
			for (int j = 0; j < items.length(); j++) {
				var item = items.getObject(j);
				max(problems, "button label", item.getString("label", ""), 80);
				max(problems, "custom id", item.getString("custom_id", ""), 100);
			}
		}
		return problems;
	}

	/** Everything wrong with a modal. */
	static List<String> modal(DataObject modal) {
		var problems = new ArrayList<String>();
		max(problems, "modal title", modal.getString("title", ""), 45);
		max(problems, "modal custom id", modal.getString("custom_id", ""), 100);
		var components = modal.getArray("components");
		if (components.length() < 1 || components.length() > 5) {
			problems.add("a modal holds 1 to 5 components, not " + components.length());
		}
		for (int i = 0; i < components.length(); i++) {
			var label = components.getObject(i);
			if (label.getInt("type") != 18) {
				problems.add("a modal component that is not a label");
				continue;
			}
			max(problems, "label", label.getString("label", ""), 45);
			var input = label.getObject("component");
			max(problems, "input custom id", input.getString("custom_id", ""), 100);
			if (input.getInt("type") == 4) {
				max(problems, "placeholder", input.getString("placeholder", ""), 100);
				max(problems, "prefilled value", input.getString("value", ""), 4000);
				if (input.getInt("max_length", 4000) > 4000) {
					problems.add("max_length above 4000");
				}
			}
			else if (input.getInt("type") == 3) {
				max(problems, "select placeholder", input.getString("placeholder", ""), 150);
				var options = input.getArray("options");
				if (options.length() > 25) {
					problems.add("more than 25 options");
				}
				for (int j = 0; j < options.length(); j++) {
					max(problems, "option label", options.getObject(j).getString("label", ""), 100);
					max(problems, "option value", options.getObject(j).getString("value", ""), 100);
				}
			}
			else if (input.getInt("type") == 5) {
				// a user select: Discord checks its range and that each default is a user
				max(problems, "select placeholder", input.getString("placeholder", ""), 150);
				int min = input.getInt("min_values", 1);
				int most = input.getInt("max_values", 1);
				if (min < 0 || min > 25 || most < 1 || most > 25 || min > most) {
					problems.add("a user select's range " + min + ".." + most);
				}
				var defaults = input.optArray("default_values").orElseGet(DataArray::empty);
				if (defaults.length() > most) {
					problems.add("more default users than max_values");
				}
				for (int j = 0; j < defaults.length(); j++) {
					if (!"user".equals(defaults.getObject(j).getString("type", ""))
							|| !defaults.getObject(j).getString("id", "").matches("\\d{17,20}")) {
						problems.add("a default value that is not a user: " + defaults.getObject(j));
					}
				}
			}
			else {
				problems.add("an input of type " + input.getInt("type"));
			}
		}
		return problems;
	}

	/** Everything wrong with an autocomplete answer: at most 25 choices, names 1–100, values up to 100. */
	static List<String> autocomplete(DataObject data) {
		var problems = new ArrayList<String>();
		var choices = data.getArray("choices");
		if (choices.length() > 25) {
			problems.add("more than 25 autocomplete choices");
		}
		for (int i = 0; i < choices.length(); i++) {
			var name = choices.getObject(i).getString("name", "");
			if (name.isEmpty()) {
				problems.add("an autocomplete choice without a name");
			}
			max(problems, "choice name", name, 100);
			max(problems, "choice value", choices.getObject(i).getString("value", ""), 100);
		}
		return problems;
	}

	private static int max(List<String> problems, String what, String text, int limit) {
		if (text != null && text.length() > limit) {
			problems.add(what + " has " + text.length() + " characters, more than " + limit + ": " + text.substring(0, 40));
		}
		return text == null ? 0 : text.length();
	}

}
