package dev.steward.client;

import java.util.List;
import java.util.Optional;

/**
 * The projects the firm runs for its clients, told by the module that knows projects (implemented
 * there, as {@link ClientCircle} is), so client feedback can name a project and ask who may act on
 * it without this module knowing the engagement module.
 */
public interface ClientProjects {

	/** The project with this code (any case). */
	Optional<ClientProject> byCode(String code);

	/** The project with this id. */
	Optional<ClientProject> byId(long projectId);

	/** A client's projects, newest first. */
	List<ClientProject> ofClient(long clientId);

	/** The projects whose team the person is on (its manager included), newest first. */
	List<ClientProject> onTeam(String personId);

	/** Whether the person is on the project's team (its manager included). */
	boolean isOnTeam(long projectId, String personId);

	/** Whether the person may see the project: its team, its department head, management, admins. */
	boolean maySee(long projectId, String personId);

	/**
	 * A project as client feedback needs it.
	 * @param clientId its client's profile, or {@code null} for a project from before profiles
	 * @param managerId its project manager
	 * @param departmentId the department it belongs to
	 */
	record ClientProject(long id, String code, String title, Long clientId, String managerId, String departmentId) {
	}

}
