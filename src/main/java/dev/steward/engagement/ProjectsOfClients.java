package dev.steward.engagement;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.steward.client.ClientProjects;

/** The firm's projects as client feedback reads them (§5.2.3): by code, by client, by team. */
@Component
class ProjectsOfClients implements ClientProjects {

	private final Projects projects;

	private final EngagementManagement engagements;

	ProjectsOfClients(Projects projects, EngagementManagement engagements) {
		this.projects = projects;
		this.engagements = engagements;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ClientProject> byCode(String code) {
		return code == null || code.isBlank() ? Optional.empty() : engagements.project(code).map(ProjectsOfClients::of);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ClientProject> byId(long projectId) {
		return projects.findById(projectId).map(ProjectsOfClients::of);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ClientProject> ofClient(long clientId) {
		return projects.findByClientId(clientId)
			.stream()
			.sorted(Comparator.comparing(Project::code).reversed())
			.map(ProjectsOfClients::of)
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<ClientProject> onTeam(String personId) {
		return projects.findAllByOrderByCodeDesc()
			.stream()
			.filter(project -> project.hasMember(personId))
			.map(ProjectsOfClients::of)
			.toList();
	}

	@Override
	public boolean isOnTeam(long projectId, String personId) {
		return engagements.isOnTeam(projectId, personId);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean maySee(long projectId, String personId) {
		return projects.findById(projectId).map(project -> engagements.maySee(project, personId)).orElse(false);
	}

	private static ClientProject of(Project project) {
		return new ClientProject(project.id(), project.code(), project.title(), project.clientId(), project.managerId(),
				project.departmentId());
	}

}
