package dev.steward.client.chat;

import java.time.LocalDate;

import dev.steward.conversation.Interaction;

/** The communication plans' forms and buttons (沟通计划, §5.2), each with its typed arguments. */
final class PlanInteractions {

	private PlanInteractions() {
	}

	/**
	 * The plan form: a new plan for a client (project 0) or a project, or the changes to a plan.
	 * @param plan the plan's id, or 0 for a new one
	 * @param client the client of a new plan
	 * @param project the project of a new plan, or 0 for the client as a whole
	 */
	@Interaction("client-plan-form")
	record Editor(long plan, long client, long project) {

		static Editor added(long client, Long project) {
			return new Editor(0, client, project == null ? 0 : project);
		}

		static Editor of(long plan) {
			return new Editor(plan, 0, 0);
		}

		boolean isNew() {
			return plan == 0;
		}

	}

	/** "Edit" under a plan: opens the form filled in with what it says now. */
	@Interaction("client-plan-edit")
	record Edit(long plan) {
	}

	/**
	 * "Logged" on a reminder (or "Log a contact" under a plan): opens the note form.
	 * @param due the due date of the contact it logs, so a second click is seen
	 */
	@Interaction("client-plan-log")
	record Log(long plan, LocalDate due) {
	}

	/** The short note logged with a contact. */
	@Interaction("client-plan-note")
	record Note(long plan, LocalDate due) {
	}

}
