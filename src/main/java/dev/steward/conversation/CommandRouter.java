package dev.steward.conversation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.steward.conversation.spi.ChatGateway.CommandInfo;
import dev.steward.conversation.spi.ChatGateway.OptionInfo;

/** Finds the handler for a typed command, and writes help for every command word. */
@Component
class CommandRouter {

	static final String HELP = "help";

	private final Map<String, Map<String, CommandSpec>> byWord = new LinkedHashMap<>();

	private final Texts texts;

	CommandRouter(List<ChatCommands> providers, Texts texts) {
		this.texts = texts;
		providers.stream()
			.flatMap(provider -> provider.commands().stream())
			.sorted(Comparator.comparing(CommandSpec::word).thenComparing(CommandSpec::sub))
			.forEach(spec -> {
				var subs = byWord.computeIfAbsent(spec.word(), word -> new LinkedHashMap<>());
				if (subs.putIfAbsent(spec.sub(), spec) != null) {
					throw new IllegalStateException("Two handlers for /" + spec.word() + " " + spec.sub());
				}
			});
	}

	/** What a typed command resolves to. */
	sealed interface Route {

		record Found(CommandSpec spec, List<String> args) implements Route {
		}

		record Help(String word) implements Route {
		}

		record UnknownWord(String word) implements Route {
		}

		record UnknownSub(String word, String sub) implements Route {
		}

	}

	Route route(String word, String text) {
		var normalized = normalize(word);
		var subs = byWord.get(normalized);
		if (subs == null) {
			return new Route.UnknownWord(normalized);
		}
		var tokens = tokenize(text);
		var first = tokens.isEmpty() ? "" : tokens.get(0).toLowerCase(Locale.ROOT);
		if (tokens.size() >= 2) {
			var group = first + " " + tokens.get(1).toLowerCase(Locale.ROOT);
			if (subs.containsKey(group)) {
				return new Route.Found(subs.get(group), tokens.subList(2, tokens.size()));
			}
		}
		if (subs.containsKey(first) && !first.isEmpty()) {
			return new Route.Found(subs.get(first), tokens.subList(1, tokens.size()));
		}
		if (first.equals(HELP) || (tokens.isEmpty() && !subs.containsKey(""))) {
			return new Route.Help(normalized);
		}
		if (subs.containsKey("")) {
			return new Route.Found(subs.get(""), tokens);
		}
		var grouped = subs.keySet().stream().anyMatch(sub -> sub.startsWith(first + " "));
		return new Route.UnknownSub(normalized, grouped && tokens.size() >= 2 ? first + " " + tokens.get(1) : first);
	}

	List<String> words() {
		return List.copyOf(byWord.keySet());
	}

	List<CommandInfo> describe(Locale locale) {
		var all = new ArrayList<CommandInfo>();
		byWord.forEach((word, subs) -> {
			subs.values()
				.forEach(spec -> all.add(new CommandInfo(word, spec.sub(), spec.options()
					.stream()
					.map(option -> new OptionInfo(option.name(), option.type(), option.required(),
							texts.get(locale, option.descriptionKey()), option.choices()))
					.toList(), texts.get(locale, spec.descriptionKey()))));
			all.add(new CommandInfo(word, HELP, List.of(), texts.get(locale, "kernel.help.description", word)));
		});
		return all;
	}

	/** Help for one word, or for every word when it is the bot's own word. */
	Message help(Locale locale, String word, boolean everything) {
		return help(locale, word, everything, false);
	}

	/**
	 * Help for one word, or for every word when it is the bot's own word.
	 * @param openOnly list only the commands people outside the directory may use
	 */
	Message help(Locale locale, String word, boolean everything, boolean openOnly) {
		var builder = Message.builder(texts.get(locale, "kernel.help.title", word))
			.header(texts.get(locale, everything ? "kernel.help.all" : "kernel.help.title", word));
		// a text block a command word: one block of every command would outgrow a platform's limit
		// for a block (Slack: 3000 characters) and be cut
		var byWordLines = new java.util.LinkedHashMap<String, StringBuilder>();
		for (var info : describe(locale)) {
			if ((everything || info.word().equals(word)) && !info.sub().equals(HELP)
					&& (!openOnly || find(info.word(), info.sub()).map(CommandSpec::open).orElse(false))) {
				byWordLines.computeIfAbsent(info.word(), key -> new StringBuilder())
					.append('`').append(info.typed()).append("` ").append(info.description()).append('\n');
			}
		}
		if (byWordLines.isEmpty()) {
			builder.text("");
		}
		byWordLines.values().forEach(lines -> builder.text(lines.toString().strip()));
		builder.context(texts.get(locale, "kernel.help.footer", word));
		return builder.build();
	}

	/** Whether help for this word (or every word) would list any open command. */
	boolean anyOpen(String word, boolean everything) {
		return byWord.entrySet()
			.stream()
			.filter(entry -> everything || entry.getKey().equals(word))
			.anyMatch(entry -> entry.getValue().values().stream().anyMatch(CommandSpec::open));
	}

	/** The subcommand registered under this word and sub, if any. */
	java.util.Optional<CommandSpec> find(String word, String sub) {
		var subs = byWord.get(normalize(word));
		return java.util.Optional.ofNullable(subs == null ? null : subs.get(sub == null ? "" : sub.strip()));
	}

	/** Every registered subcommand. */
	List<CommandSpec> specs() {
		return byWord.values().stream().flatMap(subs -> subs.values().stream()).toList();
	}

	static String normalize(String word) {
		var trimmed = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
		return trimmed.startsWith("/") ? trimmed.substring(1) : trimmed;
	}

	/** Splits on spaces, keeping "quoted phrases" together. */
	static List<String> tokenize(String text) {
		var tokens = new ArrayList<String>();
		if (text == null) {
			return tokens;
		}
		var current = new StringBuilder();
		boolean quoted = false;
		for (char c : text.strip().toCharArray()) {
			if (c == '"' || c == '“' || c == '”') {
				quoted = !quoted;
			}
			else if (Character.isWhitespace(c) && !quoted) {
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

}
