package dev.steward.discord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import net.dv8tion.jda.api.utils.data.DataArray;

import dev.steward.conversation.CommandSpec;
import dev.steward.conversation.spi.ChatGateway;
import dev.steward.conversation.spi.ChatGateway.CommandInfo;

/**
 * Steward's commands as Discord slash commands, from the one source of truth: the kernel's command
 * list. Each command word is a command, each of its subcommands a Discord subcommand with typed
 * options (people as user options, whole numbers as integers, choices as choices, searchable
 * options as strings with autocomplete), described in
 * English with Chinese localizations. {@code bot-manifests/discord/commands.json} is this list as
 * JSON; a test checks they agree.
 */
@Component
@ConditionalOnDiscord
class DiscordCommands {

	/** Discord's limit for command and option descriptions. */
	static final int DESCRIPTION = 100;

	static final int CHOICES = 25;

	private final ChatGateway gateway;

	DiscordCommands(ChatGateway gateway) {
		this.gateway = gateway;
	}

	/** The commands to register. */
	List<SlashCommandData> slashCommands() {
		return slashCommands(gateway.commands(Locale.ENGLISH), gateway.commands(Locale.SIMPLIFIED_CHINESE));
	}

	/** The commands as the JSON array Discord's bulk overwrite takes. */
	String json() {
		return DataArray.fromCollection(slashCommands().stream().map(SlashCommandData::toData).toList())
			.toPrettyString();
	}

	/** A registered subcommand, for the order of its options; empty for one Discord does not know. */
	Optional<CommandInfo> find(String word, String sub) {
		return gateway.commands(Locale.ENGLISH)
			.stream()
			.filter(info -> info.word().equals(word) && info.sub().equals(sub == null ? "" : sub))
			.findFirst();
	}

	static List<SlashCommandData> slashCommands(List<CommandInfo> english, List<CommandInfo> chinese) {
		var zh = new LinkedHashMap<String, CommandInfo>();
		chinese.forEach(info -> zh.put(info.word() + " " + info.sub(), info));
		var byWord = new LinkedHashMap<String, List<CommandInfo>>();
		english.forEach(info -> byWord.computeIfAbsent(info.word(), word -> new ArrayList<>()).add(info));
		var commands = new ArrayList<SlashCommandData>();
		byWord.forEach((word, subs) -> {
			var help = subs.stream().filter(info -> info.sub().equals("help")).findFirst();
			var command = Commands.slash(word, cut(help.map(CommandInfo::description).orElse("/" + word)))
				.setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM);
			help.map(info -> zh.get(word + " help"))
				.ifPresent(info -> command.setDescriptionLocalization(DiscordLocale.CHINESE_CHINA,
						cut(info.description())));
			var groups = new LinkedHashMap<String, SubcommandGroupData>();
			for (var info : subs) {
				// Discord cannot run a command that has subcommands bare: what the bare word does
				// is also a named subcommand (e.g. /approvals pending), which Discord shows instead
				if (info.sub().isEmpty()) {
					continue;
				}
				var subcommand = subcommand(info, zh.get(word + " " + info.sub()));
				int space = info.sub().indexOf(' ');
				if (space < 0) {
					command.addSubcommands(subcommand);
				}
				else {
					// a two-word sub (e.g. "team add") is a subcommand in a group
					var group = info.sub().substring(0, space);
					groups.computeIfAbsent(group, name -> new SubcommandGroupData(name, cut("/" + word + " " + name)))
						.addSubcommands(subcommand);
				}
			}
			command.addSubcommandGroups(groups.values());
			commands.add(command);
		});
		return commands;
	}

	private static SubcommandData subcommand(CommandInfo info, CommandInfo chinese) {
		var name = info.sub().substring(info.sub().indexOf(' ') + 1);
		var sub = new SubcommandData(name, cut(info.description()));
		if (chinese != null) {
			sub.setDescriptionLocalization(DiscordLocale.CHINESE_CHINA, cut(chinese.description()));
		}
		// Discord wants required options first; the kernel still gets them in declared order
		// (DiscordInteractions orders them by the kernel's list), so only the display changes
		var required = new ArrayList<OptionData>();
		var optional = new ArrayList<OptionData>();
		for (int i = 0; i < info.options().size(); i++) {
			var option = info.options().get(i);
			var data = new OptionData(type(option.type()), option.name(), cut(option.description()), option.required());
			if (chinese != null && i < chinese.options().size()) {
				data.setDescriptionLocalization(DiscordLocale.CHINESE_CHINA, cut(chinese.options().get(i).description()));
			}
			option.choices().stream().limit(CHOICES).forEach(choice -> data.addChoice(choice, choice));
			// a long list is searched as the person types (DiscordInteractions answers the autocomplete)
			if (option.type() == CommandSpec.Option.Type.SEARCH) {
				data.setAutoComplete(true);
			}
			(option.required() ? required : optional).add(data);
		}
		sub.addOptions(required).addOptions(optional);
		return sub;
	}

	static OptionType type(CommandSpec.Option.Type type) {
		return switch (type) {
			case TEXT, CHOICE, SEARCH -> OptionType.STRING;
			case INTEGER -> OptionType.INTEGER;
			case PERSON -> OptionType.USER;
		};
	}

	private static String cut(String text) {
		return DiscordRendering.cut(text == null || text.isBlank() ? "—" : text.strip(), DESCRIPTION);
	}

}
