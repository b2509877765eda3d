package dev.steward.conversation;

import java.util.List;

/** Implemented by a feature's chat face to register its commands with the router. */
public interface ChatCommands {

	List<CommandSpec> commands();

}
