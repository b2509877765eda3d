package dev.steward.client;

import java.util.List;
import java.util.Optional;

/**
 * What communication plans need to know of projects, told by the module that holds them (as
 * {@link ClientCircle} is): a project by code or id, who may see it, and who manages a client's
 * projects.
 */
public interface PlanProjects {

	/** A project by its code, e.g. {@code P-2026-0001}. */
	Optional<Facts> byCode(String code);

	/** A project by its id. */
	Optional<Facts> byId(long projectId);

	/** Whether the person may see the project: its team, its department head, management, admins. */
	boolean maySee(long projectId, String personId);

	/** The project managers of the client's projects. */
	List<String> managersOf(long clientId);

	/**
	 * A project as plans read it.
	 * @param clientId the client's profile, or {@code null} when the project names none
	 */
	record Facts(long id, String code, String title, Long clientId, String managerId) {
	}

}
