package dev.steward.discord;



import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

import dev.steward.discord.FakeDiscord.Answer;

/**
 * Drives Steward as one Discord user through the {@link FakeDiscord}: slash commands typed as text
 * and sent as Discord would (subcommand and typed options, by the commands Steward registered),
 * modal submissions, button clicks; and reads the messages Steward posted. Every step goes through
 * the gateway, JDA and the Discord door, and waits for the bot's answer.
 */
public final class DiscordChat {

	/** Longest wait for an answer or a message: the machine may be busy. */
	public static final Duration PATIENCE = Duration.ofSeconds(30);

	private final FakeDiscord discord;

	private final String userId;

	private final String username;

	private final String channel;

	private final String locale;

	private final List<String> roles;

	/**
	 * @param channel a guild channel name, or {@code null} for the user's direct messages with Steward
	 * @param locale the user's Discord client locale, e.g. {@code en-US} or {@code zh-CN}
	 */
	public DiscordChat(FakeDiscord discord, String userId, String username, String channel, String locale) {
		this.discord = discord;
		this.userId = userId;
		this.username = username;
		this.channel = channel;
		this.locale = locale;
		this.roles = List.of();
	}

	private DiscordChat(DiscordChat chat, String channel, List<String> roles) {
		this.discord = chat.discord;
		this.userId = chat.userId;
		this.username = chat.username;
		this.channel = channel;
		this.locale = chat.locale;
		this.roles = List.copyOf(roles);
	}

	/** The same user, holding these guild role ids (see {@link FakeDiscord#ROLES}) from now on. */
	public DiscordChat withRoles(String... roleIds) {
		return new DiscordChat(this, channel, List.of(roleIds));
	}

	public String userId() {
		return userId;
	}

	/** The same user, in another channel ({@code null}: direct messages). */
	public DiscordChat in(String otherChannel) {
		return new DiscordChat(this, otherChannel, roles);
	}

	/** Types a command, e.g. {@code /approvals withdraw 12 client changed their mind}, and waits for the answer. */
	public Answer command(String typed) {
		return await(sendCommand(typed));
	}

	/** Sends a command without waiting, e.g. to click twice at once. */
	public CompletableFuture<Answer> sendCommand(String typed) {
		var tokens = tokens(typed.strip().substring(1));
		var word = tokens.remove(0);
		var command = registered(word);
		var data = DataObject.empty().put("id", command.getString("id")).put("name", word).put("type", 1);
		var resolvedUsers = DataObject.empty();
		var options = command.optArray("options").orElseGet(DataArray::empty);
		if (options.length() > 0 && options.getObject(0).getInt("type") == 1) {
			var sub = tokens.isEmpty() ? "help" : tokens.remove(0);
			var definition = find(options, sub);
			data.put("options", DataArray.empty().add(DataObject.empty().put("type", 1).put("name", sub)
				.put("options", values(definition.optArray("options").orElseGet(DataArray::empty), tokens, resolvedUsers))));
		}
		else {
			data.put("options", values(options, tokens, resolvedUsers));
		}
		if (resolvedUsers.keys().size() > 0) {
			data.put("resolved", DataObject.empty().put("users", resolvedUsers));
		}
		if (channel != null) {
			data.put("guild_id", FakeDiscord.GUILD_ID);
		}
		return discord.interact(context(2).put("data", data));
	}

	/** Submits a modal the bot opened; inputs not given keep what the modal showed. */
	public Answer submit(Answer modal, Map<String, String> values) {
		if (!modal.modal()) {
			throw new AssertionError("Not a modal: " + modal);
		}
		var components = DataArray.empty();
		var resolvedUsers = DataObject.empty();
		var shown = modal.data().getArray("components");
		int ids = 1;
		for (int i = 0; i < shown.length(); i++) {
			var label = shown.getObject(i);
			var input = label.getObject("component");
			var key = input.getString("custom_id");
			var child = DataObject.empty().put("type", input.getInt("type")).put("id", ++ids).put("custom_id", key);
			if (input.getInt("type") == 4) {
				child.put("value", values.getOrDefault(key, input.getString("value", "")));
			}
			else if (input.getInt("type") == 5) {
				// a user select sends the picked user ids, and Discord resolves them
				var chosen = values.containsKey(key) ? values.get(key) : defaultUser(input);
				child.put("values", chosen == null || chosen.isEmpty() ? DataArray.empty() : DataArray.empty().add(chosen));
				if (chosen != null && !chosen.isEmpty()) {
					resolvedUsers.put(chosen, FakeDiscord.user(chosen, "user" + chosen));
				}
			}
			else {
				var chosen = values.containsKey(key) ? values.get(key) : defaultOption(input);
				child.put("values", chosen == null || chosen.isEmpty() ? DataArray.empty() : DataArray.empty().add(chosen));
			}
			components.add(DataObject.empty().put("type", label.getInt("type")).put("id", ++ids).put("component", child));
		}
		var data = DataObject.empty().put("custom_id", modal.data().getString("custom_id")).put("components", components);
		if (resolvedUsers.keys().size() > 0) {
			data.put("resolved", DataObject.empty().put("users", resolvedUsers));
		}
		var interaction = context(5).put("data", data);
		DataObject origin = null;
		if (modal.origin() != null) {
			// a modal opened from a component carries that component's message
			origin = modal.origin();
			interaction.put("message", origin);
		}
		var from = origin;
		return await(discord.interact(interaction).thenApply(answer -> answer.from(from)));
	}

	/**
	 * Fills a form from one map, page by page: submits each modal and presses Continue between pages,
	 * until the bot answers something else (done, or errors).
	 */
	public Answer fill(Answer opened, Map<String, String> values) {
		var answer = opened;
		for (int steps = 0; steps < 20; steps++) {
			if (answer.modal()) {
				answer = submit(answer, values);
			}
			else if (hasButton(answer.data(), "Continue")) {
				answer = click(answer, "Continue");
			}
			else if (hasButton(answer.data(), "继续")) {
				answer = click(answer, "继续");
			}
			else {
				return answer;
			}
		}
		throw new AssertionError("The form never ended");
	}

	/** Clicks a button of a message in the channel or DM. */
	public Answer click(DataObject message, String label) {
		return await(sendClick(message, label));
	}

	/**
	 * Clicks a button of an ephemeral answer: the message the answer made, or, when the answer
	 * edited an ephemeral message, that message as it now stands.
	 */
	public Answer click(Answer answer, String label) {
		if (answer.type() == Answer.UPDATE_MESSAGE && answer.origin() != null) {
			var edited = answer.origin().toMap();
			var message = DataObject.fromJson(DataObject.empty().toString());
			edited.forEach(message::put);
			answer.data().toMap().forEach(message::put);
			return click(discord.ephemeral(message), label);
		}
		return click(discord.ephemeral(answer.data()), label);
	}

	/** Clicks the button with this label in one row of buttons (0-based): rows may repeat labels. */
	public Answer click(DataObject message, int row, String label) {
		var rows = message.optArray("components").orElseGet(DataArray::empty);
		var buttons = rows.getObject(row).getArray("components");
		for (int j = 0; j < buttons.length(); j++) {
			if (buttons.getObject(j).getString("label").equals(label)) {
				return await(sendClick(message, buttons.getObject(j)));
			}
		}
		throw new AssertionError("No button " + label + " in row " + row + " of " + text(message));
	}

	public CompletableFuture<Answer> sendClick(DataObject message, String label) {
		return sendClick(message, button(message, label));
	}

	private CompletableFuture<Answer> sendClick(DataObject message, DataObject button) {
		var data = DataObject.empty().put("custom_id", button.getString("custom_id")).put("component_type", 2)
			.put("id", button.getInt("id", 1));
		return discord.interact(context(3).put("data", data).put("message", message))
			.thenApply(answer -> answer.from(message));
	}

	/** Clicks a button carrying this custom id on a message: what a stale or forged component sends. */
	public Answer clickCustomId(DataObject message, String customId) {
		return await(sendClick(message, DataObject.empty().put("custom_id", customId).put("id", 1)));
	}

	/** Submits a modal with this custom id and these text inputs, whatever modal the bot opened. */
	public Answer submitModal(String customId, Map<String, String> values) {
		var components = DataArray.empty();
		int ids = 1;
		for (var entry : values.entrySet()) {
			var child = DataObject.empty().put("type", 4).put("id", ++ids).put("custom_id", entry.getKey())
				.put("value", entry.getValue());
			components.add(DataObject.empty().put("type", 18).put("id", ++ids).put("component", child));
		}
		var data = DataObject.empty().put("custom_id", customId).put("components", components);
		return await(discord.interact(context(5).put("data", data)));
	}

	/** Waits for a DM from Steward containing the text, and answers it as it now stands. */
	public DataObject awaitDirect(String contains) {
		return org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> directs().stream()
			.filter(message -> text(message).contains(contains))
			.reduce((first, second) -> second)
			.orElse(null), message -> message != null);
	}

	/** Steward's messages in this user's DM, oldest first, as they now stand. */
	public List<DataObject> directs() {
		var dm = discord.dmChannel(userId);
		return dm == null ? List.of() : discord.messagesIn(dm);
	}

	/** The latest DM containing the text, as it now stands. */
	public DataObject lastDirect(String contains) {
		return directs().stream()
			.filter(message -> text(message).contains(contains))
			.reduce((a, b) -> b)
			.orElseThrow(() -> new AssertionError("No DM to " + username + " with " + contains));
	}

	private DataObject context(int type) {
		return discord.context(userId, username, channel, locale, roles).put("type", type);
	}

	private DataObject registered(String word) {
		var commands = discord.commands();
		for (int i = 0; i < commands.length(); i++) {
			if (commands.getObject(i).getString("name").equals(word)) {
				return commands.getObject(i);
			}
		}
		throw new AssertionError("Steward registered no command /" + word);
	}

	private static DataObject find(DataArray options, String name) {
		for (int i = 0; i < options.length(); i++) {
			if (options.getObject(i).getString("name").equals(name)) {
				return options.getObject(i);
			}
		}
		throw new AssertionError("No subcommand " + name);
	}

	/** Typed words as Discord option values: in order, the last text option taking the rest. */
	private DataArray values(DataArray definitions, List<String> tokens, DataObject resolvedUsers) {
		var values = DataArray.empty();
		for (int i = 0; i < definitions.length() && !tokens.isEmpty(); i++) {
			var definition = definitions.getObject(i);
			int type = definition.getInt("type");
			var value = i == definitions.length() - 1 && type == 3 ? String.join(" ", tokens) : tokens.get(0);
			if (i == definitions.length() - 1 && type == 3) {
				tokens.clear();
			}
			else {
				tokens.remove(0);
			}
			var option = DataObject.empty().put("name", definition.getString("name")).put("type", type);
			switch (type) {
				case 4 -> option.put("value", Long.parseLong(value));
				case 6 -> {
					option.put("value", value);
					resolvedUsers.put(value, FakeDiscord.user(value, "user" + value));
				}
				default -> option.put("value", value);
			}
			values.add(option);
		}
		return values;
	}

	private static List<String> tokens(String text) {
		var tokens = new ArrayList<String>();
		var current = new StringBuilder();
		boolean quoted = false;
		for (char c : text.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ' ' && !quoted) {
				if (!current.isEmpty()) {
					tokens.add(current.toString());
					current.setLength(0);
				}
			}
			else {
				current.append(c);
			}
		}
		if (!current.isEmpty()) {
			tokens.add(current.toString());
		}
		return tokens;
	}

	/**
	 * Types into a command option with autocomplete, as Discord sends it while the person types, e.g.
	 * {@code autocomplete("pick", "project", "project", "Project 004")}; answers Steward's choices.
	 */
	public Answer autocomplete(String word, String sub, String option, String typed) {
		var command = registered(word);
		var focused = DataObject.empty().put("name", option).put("type", 3).put("value", typed).put("focused", true);
		var data = DataObject.empty().put("id", command.getString("id")).put("name", word).put("type", 1)
			.put("options", DataArray.empty().add(DataObject.empty().put("type", 1).put("name", sub)
				.put("options", DataArray.empty().add(focused))));
		if (channel != null) {
			data.put("guild_id", FakeDiscord.GUILD_ID);
		}
		return await(discord.interact(context(4).put("data", data)));
	}

	private static String defaultUser(DataObject select) {
		var defaults = select.optArray("default_values").orElseGet(DataArray::empty);
		return defaults.isEmpty() ? null : defaults.getObject(0).getString("id");
	}

	private static String defaultOption(DataObject select) {
		var options = select.optArray("options").orElseGet(DataArray::empty);
		for (int i = 0; i < options.length(); i++) {
			if (options.getObject(i).getBoolean("default")) {
				return options.getObject(i).getString("value");
			}
		}
		return null;
	}

	public static Answer await(CompletableFuture<Answer> answer) {
		try {
			return answer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new AssertionError("Steward did not answer the interaction", ex);
		}
	}

	static boolean hasButton(DataObject message, String label) {
		return message != null && buttons(message).stream().anyMatch(button -> button.getString("label").equals(label));
	}

	static DataObject button(DataObject message, String label) {
		return buttons(message).stream()
			.filter(button -> button.getString("label").equals(label))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No button " + label + " in " + text(message)));
	}

	static List<DataObject> buttons(DataObject message) {
		var buttons = new ArrayList<DataObject>();
		var rows = message.optArray("components").orElseGet(DataArray::empty);
		for (int i = 0; i < rows.length(); i++) {
			var row = rows.getObject(i).optArray("components").orElseGet(DataArray::empty);
			for (int j = 0; j < row.length(); j++) {
				if (row.getObject(j).getInt("type") == 2) {
					buttons.add(row.getObject(j));
				}
			}
		}
		return buttons;
	}

	/** Whether a message still has buttons someone may click. */
	public static boolean hasButtons(DataObject message) {
		return !buttons(message).isEmpty();
	}

	/** All of a message's visible text: content, embed title, description and fields, button labels. */
	public static String text(DataObject message) {
		if (message == null) {
			return "";
		}
		var text = new StringBuilder(message.getString("content", "")).append('\n');
		var embeds = message.optArray("embeds").orElseGet(DataArray::empty);
		for (int i = 0; i < embeds.length(); i++) {
			var embed = embeds.getObject(i);
			text.append(embed.getString("title", "")).append('\n').append(embed.getString("description", "")).append('\n');
			var fields = embed.optArray("fields").orElseGet(DataArray::empty);
			for (int j = 0; j < fields.length(); j++) {
				text.append(fields.getObject(j).getString("name")).append(": ")
					.append(fields.getObject(j).getString("value")).append('\n');
			}
		}
		buttons(message).forEach(button -> text.append('[').append(button.getString("label")).append("] "));
		return text.toString();
	}

	public static String text(Answer answer) {
		if (answer.modal()) {
			throw new AssertionError("A modal, not a message: " + answer.data());
		}
		return text(answer.data());
	}

}
