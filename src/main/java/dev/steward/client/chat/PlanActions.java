package dev.steward.client.chat;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.steward.client.PlanManagement;
import dev.steward.client.chat.PlanInteractions.Edit;
import dev.steward.client.chat.PlanInteractions.Log;
import dev.steward.client.chat.PlanInteractions.Note;
import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.ActionHandler;
import dev.steward.conversation.Caller;
import dev.steward.conversation.FormHandler;
import dev.steward.conversation.FormSpec;
import dev.steward.conversation.Input;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;

/**
 * "Logged" on a reminder (and "Log a contact" under a plan): opens the short note form, after
 * checking the click is the owner's, the project manager's or an admin's and the contact is still
 * due; a second click, or a click on an old reminder, is told who logged it. The kernel says a
 * {@link dev.steward.client.PlanRefused} and rolls back.
 */
@Component
class PlanActions implements ActionHandler<Log> {

	private final PlanManagement plans;

	PlanActions(PlanManagement plans) {
		this.plans = plans;
	}

	@Override
	public Access access() {
		return Access.of(Who.ADDRESSEE, Who.PROJECT_MANAGER, Who.ADMIN);
	}

	@Override
	public Reply handle(ActionRequest<Log> request) {
		var args = request.args();
		plans.checkMayLog(request.caller().personId(), args.plan(), args.due());
		return Reply.openForm(new Note(args.plan(), args.due()), Map.of());
	}

	/** The note logged with a contact (optional), and the log itself. */
	@Component
	static class NoteForm implements FormHandler<Note> {

		static final String NOTE = "note";

		private final PlanManagement plans;

		private final Texts texts;

		NoteForm(PlanManagement plans, Texts texts) {
			this.plans = plans;
			this.texts = texts;
		}

		@Override
		public Access access() {
			return Access.of(Who.ADDRESSEE, Who.PROJECT_MANAGER, Who.ADMIN);
		}

		@Override
		public FormSpec spec(Caller caller, Note args) {
			return FormSpec.single(texts.get(caller, "client.plan.note.title", String.valueOf(args.plan())),
					texts.get(caller, "client.plan.note.submit"),
					List.of(Input.longText(NOTE, texts.get(caller, "client.plan.note.label"), false, PlanManagement.NOTE)
						.withHint(texts.get(caller, "client.plan.note.hint"))));
		}

		@Override
		public Reply submit(FormRequest<Note> request) {
			var caller = request.caller();
			if (request.value(NOTE).length() > PlanManagement.NOTE) {
				return Reply.errors(Map.of(NOTE, texts.get(caller, "client.plan.note.too-long", PlanManagement.NOTE)));
			}
			var plan = plans.log(caller.personId(), request.args().plan(), request.args().due(), request.value(NOTE));
			return Reply.say(texts.get(caller, "client.plan.logged", String.valueOf(plan.id()), plan.goal(), plan.nextDue().toString()));
		}

	}

	/** "Edit" under a plan. */
	@Component
	static class EditAction implements ActionHandler<Edit> {

		private final PlanForm form;

		EditAction(PlanForm form) {
			this.form = form;
		}

		@Override
		public Access access() {
			return Access.of(Who.TEAM, Who.PROJECT_MANAGER, Who.DEPARTMENT_HEAD, Who.MANAGEMENT, Who.ADMIN);
		}

		@Override
		public Reply handle(ActionRequest<Edit> request) {
			return form.edit(request.caller(), request.args().plan());
		}

	}

}
