package dev.steward.survey.chat;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.conversation.Access.Who;
import dev.steward.conversation.Caller;
import dev.steward.conversation.ChatCommands;
import dev.steward.conversation.CommandRequest;
import dev.steward.conversation.CommandSpec;
import dev.steward.conversation.CommandSpec.Option;
import dev.steward.conversation.Message;
import dev.steward.conversation.Refusal;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Project;
import dev.steward.survey.SurveyManagement;
import dev.steward.survey.SurveyRefused;
import dev.steward.survey.chat.SurveyInteractions.Schedule;

/**
 * {@code /survey schedule|send|links}: satisfaction surveys (满意度调查, §5.3), for a project's
 * manager, management and admins.
 */
@Component
class SurveyCommands implements ChatCommands {

	private final SurveyManagement surveys;

	private final EngagementManagement engagements;

	private final ScheduleForm scheduleForm;

	private final SurveyViews views;

	private final Texts texts;

	private final Clock clock;

	SurveyCommands(SurveyManagement surveys, EngagementManagement engagements, ScheduleForm scheduleForm,
			SurveyViews views, Texts texts, Clock clock) {
		this.surveys = surveys;
		this.engagements = engagements;
		this.scheduleForm = scheduleForm;
		this.views = views;
		this.texts = texts;
		this.clock = clock;
	}

	@Override
	public List<CommandSpec> commands() {
		var code = List.of(Option.required("code", Option.Type.TEXT, "survey.option.code"));
		return List.of(new CommandSpec("survey", "schedule", code, "survey.schedule.description", this::schedule)
					.allow(Who.PROJECT_MANAGER, Who.MANAGEMENT, Who.ADMIN),
				new CommandSpec("survey", "send", code, "survey.send.description", this::send)
					.allow(Who.PROJECT_MANAGER, Who.MANAGEMENT, Who.ADMIN),
				new CommandSpec("survey", "links", code, "survey.links.description", this::links)
					.allow(Who.PROJECT_MANAGER, Who.MANAGEMENT, Who.ADMIN));
	}

	private Project project(Caller caller, CommandRequest request) {
		var code = request.arg(0).strip();
		if (code.isEmpty()) {
			throw new Refusal(texts.get(caller, "survey.usage"));
		}
		var project = engagements.project(code.toUpperCase(java.util.Locale.ROOT))
			.or(() -> engagements.project(code))
			.orElseThrow(() -> new SurveyRefused(SurveyRefused.Reason.UNKNOWN_PROJECT, code));
		if (!surveys.mayRun(project, caller.personId())) {
			throw new SurveyRefused(SurveyRefused.Reason.NOT_MANAGER, project.code());
		}
		return project;
	}

	private Reply schedule(CommandRequest request) {
		var caller = request.caller();
		var project = project(caller, request);
		return Reply.openForm(new Schedule(project.code()), scheduleForm.initial(surveys.schedule(project.id())));
	}

	private Reply send(CommandRequest request) {
		var caller = request.caller();
		var project = project(caller, request);
		var survey = surveys.sendNow(project.code(), caller.personId());
		long inChat = survey.invitations().stream().filter(invitation -> invitation.inChat()).count();
		return Reply.say(texts.get(caller, "survey.sent", project.code(), survey.invitations().size(), inChat,
				survey.invitations().size() - inChat));
	}

	private Reply links(CommandRequest request) {
		var caller = request.caller();
		var project = project(caller, request);
		var open = surveys.openSurvey(project.code(), caller.personId());
		if (open.isEmpty()) {
			return Reply.say(texts.get(caller, "survey.links.none", project.code()));
		}
		var survey = open.get();
		var title = texts.get(caller, "survey.links.title", project.code());
		return Reply.say(Message.builder(title)
			.header(title)
			.text(views.linkList(caller, survey, survey.isOpen(clock.instant())))
			.context(texts.get(caller, "survey.links.hint", texts.when(caller, survey.closesAt())))
			.build());
	}

}
