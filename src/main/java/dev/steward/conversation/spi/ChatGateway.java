package dev.steward.conversation.spi;

import java.util.List;
import java.util.Locale;

import dev.steward.conversation.ChatAction;
import dev.steward.conversation.ChatCommand;
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

	/** Every registered command, described in the given language (for help, autocomplete, manifests). */
	List<CommandInfo> commands(Locale locale);

	/** One registered subcommand, described. */
	record CommandInfo(String word, String sub, String usage, String description) {

		/** How it is typed, e.g. {@code /project show CODE}. */
		public String typed() {
			var text = "/" + word + (sub.isEmpty() ? "" : " " + sub);
			return usage.isEmpty() ? text : text + " " + usage;
		}

	}

}
