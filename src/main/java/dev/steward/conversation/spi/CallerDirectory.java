package dev.steward.conversation.spi;

import java.util.List;
import java.util.Optional;

import dev.steward.conversation.Actor;
import dev.steward.conversation.Caller;

/** How the kernel knows people: implemented by the directory. */
public interface CallerDirectory {

	/** The person behind a platform user, if the directory knows them. */
	Optional<Caller> find(Actor actor);

	/** A person by their directory id, if the directory knows them. */
	Optional<Caller> person(String personId);

	/** The person's user id on a door, if they have one there. */
	Optional<String> address(String personId, String door);

	/** Everyone, by name (the playground lets you pick who you are). */
	List<Caller> everyone();

}
