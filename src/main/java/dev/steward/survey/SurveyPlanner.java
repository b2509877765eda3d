package dev.steward.survey;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.steward.engagement.ProjectCreated;

/** Gives each new project its survey schedule, and at start plans what is due. */
@Component
class SurveyPlanner {

	private final SurveyManagement surveys;

	SurveyPlanner(SurveyManagement surveys) {
		this.surveys = surveys;
	}

	@ApplicationModuleListener
	void on(ProjectCreated created) {
		surveys.plan(created.projectId());
	}

	@EventListener(ApplicationReadyEvent.class)
	void planAll() {
		surveys.planAll();
	}

}
