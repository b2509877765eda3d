package dev.steward.conversation;

import java.util.List;

/** A routed command: the caller, where it was typed, and the arguments after the subcommand. */
public record CommandRequest(Caller caller, ChannelRef channel, String word, String sub, List<String> args) {

	public CommandRequest {
		args = List.copyOf(args);
	}

	public String arg(int index) {
		return index < args.size() ? args.get(index) : "";
	}

	public String argText() {
		return String.join(" ", args);
	}

}
