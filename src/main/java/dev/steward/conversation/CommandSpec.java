package dev.steward.conversation;

/**
 * One subcommand a feature offers, e.g. word {@code project}, sub {@code apply}. An empty sub is
 * what the bare word does (e.g. {@code /approvals}).
 *
 * @param usage the arguments, for help, e.g. {@code CODE}; empty if none
 * @param descriptionKey the message key of its one-line help
 */
public record CommandSpec(String word, String sub, String usage, String descriptionKey, Handler handler) {

	/** Handles one command. */
	@FunctionalInterface
	public interface Handler {

		Reply handle(CommandRequest request);

	}

}
