package dev.steward.conversation;

import java.util.List;
import java.util.Optional;

/**
 * A long list a feature lets people choose from (projects, clients), for searchable form inputs
 * ({@link Input#search}) and command options ({@link CommandSpec.Option#search}). Features register
 * one bean per list; the kernel asks it whenever a door offers the list and again for every value
 * submitted, so what a person may not see is never offered and never accepted. The caller may be a
 * {@linkplain Caller#guest() guest} when an open command leads here: answer what a guest may see.
 */
public interface ChoiceSource {

	/** The name inputs and options refer to, e.g. {@code projects}. */
	String name();

	/**
	 * What the caller may choose that matches the typed text (an empty query: the first ones), best
	 * first, at most {@code limit}.
	 */
	List<Input.Choice> search(Caller caller, String query, int limit);

	/** The choice with exactly this value, if the caller may choose it. */
	Optional<Input.Choice> find(Caller caller, String value);

}
