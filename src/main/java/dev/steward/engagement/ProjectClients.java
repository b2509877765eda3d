package dev.steward.engagement;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.steward.client.ClientCircle;
import dev.steward.directory.DirectoryManagement;

/**
 * A client's circle as its projects know it (§5.1.2): the people of any project for the client,
 * and the heads of those projects' departments.
 */
@Component
class ProjectClients implements ClientCircle {

	private final Projects projects;

	private final DirectoryManagement directory;

	ProjectClients(Projects projects, DirectoryManagement directory) {
		this.projects = projects;
		this.directory = directory;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean includes(long clientId, String personId) {
		return projects.findByClientId(clientId)
			.stream()
			.anyMatch(project -> project.hasMember(personId) || directory.heads(personId, project.departmentId()));
	}

}
