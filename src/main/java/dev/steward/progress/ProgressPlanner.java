package dev.steward.progress;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.ProjectCreated;
import dev.steward.engagement.TeamEvents;
import dev.steward.scheduling.Scheduling;

/** Keeps each project's jobs in step with its team, and the portfolio roll-up scheduled. */
@Component
class ProgressPlanner {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProgressPlanner.class);

	private final ProgressManagement progress;

	private final EngagementManagement engagements;

	private final Scheduling scheduling;

	ProgressPlanner(ProgressManagement progress, EngagementManagement engagements, Scheduling scheduling) {
		this.progress = progress;
		this.engagements = engagements;
		this.scheduling = scheduling;
	}

	@ApplicationModuleListener
	void on(ProjectCreated created) {
		progress.plan(created.projectId());
	}

	@ApplicationModuleListener
	void on(TeamEvents.MemberAdded added) {
		progress.plan(added.projectId());
	}

	@ApplicationModuleListener
	void on(TeamEvents.MemberRemoved removed) {
		progress.plan(removed.projectId());
	}

	/** At start, every project gets its jobs if it lacks them (a new zone, a restored database). */
	@EventListener(ApplicationReadyEvent.class)
	void planAll() {
		if (scheduling.nextFire(ProgressManagement.GROUP, "portfolio").isEmpty()) {
			progress.planPortfolio();
		}
		var projects = engagements.projects();
		projects.forEach(project -> progress.plan(project.id()));
		log.info("Progress: the weekly prompts of {} projects are planned", projects.size());
	}

}
