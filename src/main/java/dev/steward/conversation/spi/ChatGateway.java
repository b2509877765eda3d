package dev.steward.conversation.spi;

import java.util.List;
import java.util.Locale;

import dev.steward.conversation.Actor;
import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.ChatAction;
import dev.steward.conversation.ChatCommand;
import dev.steward.conversation.CommandSpec;
import dev.steward.conversation.FormSubmission;
import dev.steward.conversation.Input;
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

	/**
	 * What a person may pick in a form's searchable input (or person, or choice input) for the text
	 * typed so far, best first, at most {@code limit}: for doors that load a picker's options as the
	 * person types (Slack's external select, the playground's filtered list). Empty when the form is
	 * not this person's, the input has no such list, or anything goes wrong; never throws. The
	 * kernel checks the submitted value again whatever was offered.
	 */
	List<Input.Choice> formChoices(Actor actor, String session, String key, String query, int limit);

	/**
	 * What a person may pick for a command option of type {@link CommandSpec.Option.Type#SEARCH} (or
	 * {@code CHOICE}) for the text typed so far: Discord's autocomplete. Empty when the person may not
	 * use the command or anything goes wrong; never throws.
	 */
	List<Input.Choice> optionChoices(Actor actor, String word, String sub, String option, String query, int limit);

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
