package dev.steward.conversation.spi;

import java.util.List;
import java.util.Optional;
import java.util.Set;

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

	/**
	 * The directory roles (e.g. {@code management}) a platform user holds through their roles on
	 * that platform, as the door's configuration maps them; replaces what the same door said before.
	 * Unknown people and role names are ignored. Does nothing unless the directory supports it.
	 */
	default void platformRoles(Actor actor, Set<String> roles) {
	}

	/**
	 * What to tell someone the directory does not know and who may not go on (who to ask, and why
	 * they are not known when the directory can tell), in their language; empty for the kernel's own
	 * words.
	 */
	default Optional<String> stranger(Actor actor, java.util.Locale locale) {
		return Optional.empty();
	}

}
