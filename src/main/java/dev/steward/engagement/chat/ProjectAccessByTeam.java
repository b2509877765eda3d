package dev.steward.engagement.chat;

import org.springframework.stereotype.Component;

import dev.steward.conversation.spi.ProjectAccess;
import dev.steward.engagement.EngagementManagement;

/** The engagement module's answer to who may see or act on a project, for every caller's authority. */
@Component
class ProjectAccessByTeam implements ProjectAccess {

	private final EngagementManagement engagements;

	ProjectAccessByTeam(EngagementManagement engagements) {
		this.engagements = engagements;
	}

	@Override
	public boolean isOnTeam(String projectCode, String personId) {
		return engagements.isOnTeam(projectCode, personId);
	}

	@Override
	public boolean maySee(String projectCode, String personId) {
		return engagements.maySee(projectCode, personId);
	}

}
