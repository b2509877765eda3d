package dev.steward.engagement;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.steward.client.PlanProjects;

/** The projects as the client's communication plans read them (§5.2). */
@Component
class ProjectPlanFacts implements PlanProjects {

	private final Projects projects;

	private final EngagementManagement engagements;

	ProjectPlanFacts(Projects projects, EngagementManagement engagements) {
		this.projects = projects;
		this.engagements = engagements;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<PlanProjects.Facts> byCode(String code) {
		return projects.findByCode(code).map(ProjectPlanFacts::facts);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<PlanProjects.Facts> byId(long projectId) {
		return projects.findById(projectId).map(ProjectPlanFacts::facts);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean maySee(long projectId, String personId) {
		return projects.findById(projectId).map(project -> engagements.maySee(project, personId)).orElse(false);
	}

	@Override
	@Transactional(readOnly = true)
	public List<String> managersOf(long clientId) {
		return projects.findByClientId(clientId).stream().map(Project::managerId).distinct().toList();
	}

	private static PlanProjects.Facts facts(Project project) {
		return new PlanProjects.Facts(project.id(), project.code(), project.title(), project.clientId(),
				project.managerId());
	}

}
