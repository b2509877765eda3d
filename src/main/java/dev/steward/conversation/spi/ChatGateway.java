package dev.steward.conversation.spi;

import java.util.List;
import java.util.Locale;

import dev.steward.conversation.Actor;
import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.ChatAction;
import dev.steward.conversation.ChatCommand;
import dev.steward.conversation.CommandSpec;
import dev.steward.conversation.FormSubmission;
import dev.steward.conversation.Reply;

/**
 * Where a door hands every interaction. Each call resolves the person, routes, runs the handler
 * in one transaction and answers a {@link Reply}; it never throws: failures become a polite
 * message in the person's language.
 */
public interface ChatGateway {

	Reply command(ChatCommand command);

	Reply action(ChatAction action);

	Reply submit(FormSubmission submission);

	/**
	 * Shows a page of a form that is still open, with what was entered so far: for doors that
	 * cannot move to the next page in the same dialog (Discord opens it from a Continue button).
	 */
	Reply showForm(Actor actor, ChannelRef channel, String session, int page);

	/** Every registered command, described in the given language (for help, autocomplete, manifests). */
	List<CommandInfo> commands(Locale locale);

	/** One registered subcommand, described. */
	record CommandInfo(String word, String sub, List<OptionInfo> options, String description) {

		public CommandInfo {
			options = List.copyOf(options);
		}

		/** How its options are typed, e.g. {@code CODE [reason]}. */
		public String usage() {
			return options.stream()
				.map(option -> option.required() ? option.name().toUpperCase(Locale.ROOT) : "[" + option.name() + "]")
				.collect(java.util.stream.Collectors.joining(" "));
		}

		/** How it is typed, e.g. {@code /project show CODE}. */
		public String typed() {
			var text = "/" + word + (sub.isEmpty() ? "" : " " + sub);
			return options.isEmpty() ? text : text + " " + usage();
		}

	}

	/** One option of a command, described. */
	record OptionInfo(String name, CommandSpec.Option.Type type, boolean required, String description,
			List<String> choices) {

		public OptionInfo {
			choices = List.copyOf(choices);
		}

	}

}
