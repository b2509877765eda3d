package dev.steward.survey.chat;

import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.ActionHandler;
import dev.steward.conversation.Button;
import dev.steward.conversation.Caller;
import dev.steward.conversation.FormHandler;
import dev.steward.conversation.FormSpec;
import dev.steward.conversation.Input;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Message;
import dev.steward.conversation.Outbox;
import dev.steward.conversation.Recipients;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.directory.DirectoryManagement;
import dev.steward.engagement.EngagementManagement;
import dev.steward.survey.ImprovementAction;
import dev.steward.survey.SurveyEvents.ActionClosed;
import dev.steward.survey.SurveyEvents.ActionOpened;
import dev.steward.survey.SurveyEvents.ActionReminded;
import dev.steward.survey.SurveyManagement;
import dev.steward.survey.SurveyRefused;
import dev.steward.survey.chat.SurveyInteractions.ActionOutcome;
import dev.steward.survey.chat.SurveyInteractions.CloseAction;

/**
 * Improvement actions in chat: the owner is told with a Close button and the department head is
 * told, when a survey closes under target; reminders until closed; the owner's message updated in
 * place when it closes, and the department head told what was done.
 */
@Component
class ActionMessages {

	private final SurveyManagement surveys;

	private final EngagementManagement engagements;

	private final DirectoryManagement directory;

	private final Outbox outbox;

	private final Recipients recipients;

	private final Texts texts;

	ActionMessages(SurveyManagement surveys, EngagementManagement engagements, DirectoryManagement directory,
			Outbox outbox, Recipients recipients, Texts texts) {
		this.surveys = surveys;
		this.engagements = engagements;
		this.directory = directory;
		this.outbox = outbox;
		this.recipients = recipients;
		this.texts = texts;
	}

	static String key(long actionId) {
		return "survey-action:" + actionId;
	}

	/** One action as a row: what, whose, by when, and its button while open. */
	void row(Message.Builder builder, Caller reader, ImprovementAction action) {
		builder.text(texts.get(reader, "survey.action.row", action.id(), action.projectCode(),
				SurveyReports.share(action.satisfaction()), action.target(), directory.name(action.ownerId()),
				texts.when(reader, action.dueAt())));
		if (action.open()) {
			builder.actions(List.of(Button.primary(texts.get(reader, "survey.action.close"),
					InteractionId.of(new CloseAction(action.id())))));
		}
		else {
			builder.context(texts.get(reader, "survey.action.closed", directory.name(action.closedBy()),
					texts.when(reader, action.closedAt()), action.outcome()));
		}
	}

	private Message card(Caller reader, ImprovementAction action, String titleKey) {
		var title = texts.get(reader, titleKey, action.projectCode());
		var builder = Message.builder(title).header(title)
			.text(texts.get(reader, "survey.action.why", SurveyReports.share(action.satisfaction()), action.target()));
		row(builder, reader, action);
		return builder.build();
	}

	@EventListener
	void on(ActionOpened opened) {
		var action = surveys.action(opened.actionId()).orElseThrow();
		outbox.toPerson(opened.ownerId(), card(recipients.of(opened.ownerId()), action, "survey.action.opened"),
				key(action.id()));
		head(action).ifPresent(head -> {
			var reader = recipients.of(head);
			var text = texts.get(reader, "survey.action.head", action.projectCode(),
					SurveyReports.share(action.satisfaction()), action.target(), directory.name(action.ownerId()),
					texts.when(reader, action.dueAt()));
			outbox.toPerson(head, Message.text(text), null);
		});
	}

	@EventListener
	void on(ActionReminded reminded) {
		var action = surveys.action(reminded.actionId()).orElseThrow();
		outbox.toPerson(reminded.ownerId(), card(recipients.of(reminded.ownerId()), action, "survey.action.reminder"),
				key(action.id()));
	}

	@EventListener
	void on(ActionClosed closed) {
		var action = surveys.action(closed.actionId()).orElseThrow();
		outbox.update(key(action.id()), card(recipients.of(action.ownerId()), action, "survey.action.opened"));
		head(action).ifPresent(head -> {
			var reader = recipients.of(head);
			outbox.toPerson(head, Message.text(texts.get(reader, "survey.action.head-closed", action.projectCode(),
					directory.name(closed.byId()), action.outcome())), null);
		});
	}

	private java.util.Optional<String> head(ImprovementAction action) {
		return engagements.project(action.projectId())
			.flatMap(project -> directory.headOf(project.departmentId()))
			.map(person -> person.id());
	}

	/** The Close button: opens the outcome form for those who may close it. */
	@Component
	static class Closing implements ActionHandler<CloseAction> {

		private final SurveyManagement surveys;

		Closing(SurveyManagement surveys) {
			this.surveys = surveys;
		}

		@Override
		public Access access() {
			return Access.of(Who.ADDRESSEE, Who.PROJECT_MANAGER, Who.MANAGEMENT, Who.ADMIN);
		}

		@Override
		public Reply handle(ActionRequest<CloseAction> request) {
			var action = surveys.checkMayCloseAction(request.args().action(), request.caller().personId());
			if (!action.open()) {
				throw new SurveyRefused(SurveyRefused.Reason.ACTION_CLOSED, Long.toString(action.id()));
			}
			return Reply.openForm(new ActionOutcome(action.id()), Map.of());
		}

	}

	/** What was done: closes the action. */
	@Component
	static class OutcomeForm implements FormHandler<ActionOutcome> {

		static final String OUTCOME = "outcome";

		private final SurveyManagement surveys;

		private final Texts texts;

		OutcomeForm(SurveyManagement surveys, Texts texts) {
			this.surveys = surveys;
			this.texts = texts;
		}

		@Override
		public Access access() {
			return Access.of(Who.ADDRESSEE, Who.PROJECT_MANAGER, Who.MANAGEMENT, Who.ADMIN);
		}

		@Override
		public FormSpec spec(Caller caller, ActionOutcome args) {
			return FormSpec.single(texts.get(caller, "survey.action.form.title", args.action()),
					texts.get(caller, "survey.action.form.submit"), List.of(Input.longText(OUTCOME,
							texts.get(caller, "survey.action.form.outcome"), true, ImprovementAction.MAX_OUTCOME)));
		}

		@Override
		public Reply submit(FormRequest<ActionOutcome> request) {
			var caller = request.caller();
			if (request.value(OUTCOME).isEmpty()) {
				return Reply.errors(Map.of(OUTCOME, texts.get(caller, "survey.refused.outcome-required")));
			}
			var action = surveys.closeAction(request.args().action(), caller.personId(), request.value(OUTCOME));
			return Reply.say(texts.get(caller, "survey.action.done", action.id(), action.projectCode()));
		}

	}

}
