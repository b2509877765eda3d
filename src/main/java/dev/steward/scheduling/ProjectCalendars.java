package dev.steward.scheduling;

import java.util.Optional;

/**
 * Which working calendar a project keeps, told by the module that knows (progress: the calendar its
 * reporting schedule names), so a module below it can schedule on a project's working days without
 * depending on it.
 */
public interface ProjectCalendars {

	/** The id of the calendar the project keeps, if it names one. */
	Optional<String> calendarOf(long projectId);

}
