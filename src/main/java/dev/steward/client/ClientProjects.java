package dev.steward.client;

import java.util.List;
import java.util.Optional;

/**
 * The projects the firm runs for its clients, told by the module that knows projects (implemented
 * there, as {@link ClientCircle} is), so client feedback and communication plans can name a
 * project and ask who may act on it without this module knowing the engagement module.
 */
public interface ClientProjects {

	/** No projects at all: what this module sees when no module tells it of projects (a module test). */
	ClientProjects NONE = new ClientProjects() {

		@Override
		public Optional<ClientProject> byCode(String code) {
			return Optional.empty();
		}

		@Override
		public Optional<ClientProject> byId(long projectId) {
			return Optional.empty();
		}

		@Override
		public List<ClientProject> ofClient(long clientId) {
			return List.of();
		}

		@Override
		public List<ClientProject> onTeam(String personId) {
			return List.of();
		}

		@Override
		public boolean isOnTeam(long projectId, String personId) {
			return false;
		}

		@Override
		public boolean maySee(long projectId, String personId) {
			return false;
		}

	};

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

	/** The project managers of the client's projects. */
	default List<String> managersOf(long clientId) {
		return ofClient(clientId).stream().map(ClientProject::managerId).distinct().toList();
	}

	/**
	 * A project as client feedback and communication plans need it.
	 * @param clientId its client's profile, or {@code null} for a project from before profiles
	 * @param managerId its project manager
	 * @param departmentId the department it belongs to
	 */
	record ClientProject(long id, String code, String title, Long clientId, String managerId, String departmentId) {
	}

}
