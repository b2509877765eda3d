package dev.steward.progress.chat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.Block.Field;
import dev.steward.conversation.Caller;
import dev.steward.conversation.ChatCommands;
import dev.steward.conversation.CommandRequest;
import dev.steward.conversation.CommandSpec;
import dev.steward.conversation.CommandSpec.Option;
import dev.steward.conversation.FormHandler;
import dev.steward.conversation.FormSpec;
import dev.steward.conversation.Input;
import dev.steward.conversation.Input.Choice;
import dev.steward.conversation.Message;
import dev.steward.conversation.Refusal;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.progress.chat.ProgressInteractions.Schedule;
import dev.steward.directory.DirectoryManagement;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Project;
import dev.steward.progress.ProgressManagement;
import dev.steward.progress.ProgressRefused;

/** {@code /progress report|status|schedule|excuse}, and the schedule form. */
@Component
class ProgressCommands implements ChatCommands, FormHandler<Schedule> {

	private final ProgressManagement progress;

	private final EngagementManagement engagements;

	private final DirectoryManagement directory;

	private final ReportForm reportForm;

	private final ProgressViews views;

	private final Texts texts;

	ProgressCommands(ProgressManagement progress, EngagementManagement engagements, DirectoryManagement directory,
			ReportForm reportForm, ProgressViews views, Texts texts) {
		this.progress = progress;
		this.engagements = engagements;
		this.directory = directory;
		this.reportForm = reportForm;
		this.views = views;
		this.texts = texts;
	}

	@Override
	public Access access() {
		return Access.of(Who.PROJECT_MANAGER, Who.ADMIN);
	}

	@Override
	public List<CommandSpec> commands() {
		var code = "project.option.code";
		return List.of(
				new CommandSpec("progress", "report", List.of(Option.optional("code", Option.Type.TEXT, code)),
						"progress.report.description", this::report)
					.allow(Who.TEAM),
				new CommandSpec("progress", "status", List.of(Option.optional("code", Option.Type.TEXT, code)),
						"progress.status.description", this::status)
					.allow(Who.ANYONE),
				new CommandSpec("progress", "schedule", List.of(Option.required("code", Option.Type.TEXT, code)),
						"progress.schedule.description", this::schedule)
					.allow(Who.PROJECT_MANAGER, Who.ADMIN),
				new CommandSpec("progress", "excuse",
						List.of(Option.required("code", Option.Type.TEXT, code),
								Option.required("person", Option.Type.PERSON, "project.option.person"),
								Option.optional("reason", Option.Type.TEXT, "approvals.option.reason")),
						"progress.excuse.description", this::excuse)
					.allow(Who.PROJECT_MANAGER, Who.ADMIN));
	}

	/** The project named by the first argument, or the caller's only one. */
	private Project project(CommandRequest request) {
		var caller = request.caller();
		if (!request.arg(0).isEmpty()) {
			return engagements.project(request.arg(0))
				.orElseThrow(() -> new Refusal(texts.get(caller, "project.unknown", request.arg(0))));
		}
		var mine = engagements.projects().stream()
			.filter(p -> p.managerId().equals(caller.personId())
					|| p.team().stream().anyMatch(member -> member.personId().equals(caller.personId())))
			.toList();
		if (mine.size() != 1) {
			throw new Refusal(texts.get(caller, mine.isEmpty() ? "progress.no-project" : "progress.which-project"));
		}
		return mine.get(0);
	}

	private Reply report(CommandRequest request) {
		return reportForm.open(request.caller(), project(request).id());
	}

	private Reply status(CommandRequest request) {
		var caller = request.caller();
		var project = project(request);
		var cycle = progress.currentCycle(project.id()).orElse(null);
		var schedule = progress.schedule(project.id());
		var title = texts.get(caller, "progress.status.title", project.code(), project.title());
		var builder = Message.builder(title).header(title).fields(List.of(
				new Field(texts.get(caller, "progress.status.schedule"), describe(caller, schedule.reportDay(),
						schedule.reportTime()) + " · " + texts.get(caller, "progress.status.deadline",
								describe(caller, schedule.deadlineDay(), schedule.deadlineTime()))
						+ " (" + schedule.zone().getId() + ")"),
				new Field(texts.get(caller, "progress.status.week"), cycle == null ? "—" : cycle.week())));
		if (cycle == null) {
			builder.text(texts.get(caller, "progress.status.none"));
		}
		else {
			var reports = progress.reports(cycle.id());
			builder.fields(List.of(
					new Field(texts.get(caller, "progress.digest.reported"), views.names(reports.stream()
						.map(dev.steward.progress.ProgressReport::personId).toList())),
					new Field(texts.get(caller, "progress.digest.missing"), views.names(progress.missing(cycle)))));
		}
		return Reply.say(builder.build());
	}

	private String describe(Caller caller, DayOfWeek day, LocalTime time) {
		return day.getDisplayName(TextStyle.FULL, caller.locale()) + " " + time;
	}

	private Reply schedule(CommandRequest request) {
		var caller = request.caller();
		var project = project(request);
		if (!project.managerId().equals(caller.personId())
				&& !caller.isAdmin()) {
			throw new Refusal(texts.get(caller, "project.team.not-manager", directory.name(project.managerId())));
		}
		var current = progress.schedule(project.id());
		return Reply.openForm(new Schedule(project.id()),
				Map.of("day", current.reportDay().name(), "time", current.reportTime().toString(), "deadlineDay",
						current.deadlineDay().name(), "deadlineTime", current.deadlineTime().toString(), "zone",
						current.zone().getId()));
	}

	private Reply excuse(CommandRequest request) {
		var caller = request.caller();
		var project = project(request);
		var person = request.arg(1);
		if (directory.person(person).isEmpty()) {
			throw new Refusal(texts.get(caller, "project.team.unknown-person", person));
		}
		var note = String.join(" ", request.args().subList(Math.min(2, request.args().size()), request.args().size()));
		try {
			var cycle = progress.excuse(project.id(), person, caller.personId(), note);
			return Reply.say(texts.get(caller, "progress.excused", directory.name(person), project.code(), cycle.week()));
		}
		catch (ProgressRefused refused) {
			throw ProgressRefusals.refusal(texts, caller, refused, project.code());
		}
	}

	// --- the schedule form ----------------------------------------------------------------------

	@Override
	public FormSpec spec(Caller caller, Schedule args) {
		var days = Arrays.stream(DayOfWeek.values())
			.map(day -> new Choice(day.name(), day.getDisplayName(TextStyle.FULL, caller.locale())))
			.toList();
		return FormSpec.single(texts.get(caller, "progress.schedule.title"), texts.get(caller, "progress.schedule.save"),
				List.of(Input.choice("day", texts.get(caller, "progress.schedule.day"), true, days),
						Input.shortText("time", texts.get(caller, "progress.schedule.time"), true, 5).withHint("15:00"),
						Input.choice("deadlineDay", texts.get(caller, "progress.schedule.deadline-day"), true, days),
						Input.shortText("deadlineTime", texts.get(caller, "progress.schedule.deadline-time"), true, 5)
							.withHint("10:00"),
						Input.shortText("zone", texts.get(caller, "progress.schedule.zone"), true, 60)
							.withHint("Asia/Shanghai")));
	}

	@Override
	public Reply submit(FormRequest<Schedule> request) {
		var caller = request.caller();
		var errors = new java.util.LinkedHashMap<String, String>();
		var time = time(request.value("time"));
		var deadlineTime = time(request.value("deadlineTime"));
		if (time == null) {
			errors.put("time", texts.get(caller, "progress.schedule.bad-time"));
		}
		if (deadlineTime == null) {
			errors.put("deadlineTime", texts.get(caller, "progress.schedule.bad-time"));
		}
		ZoneId zone = null;
		try {
			zone = ZoneId.of(request.value("zone"));
		}
		catch (RuntimeException ex) {
			errors.put("zone", texts.get(caller, "progress.schedule.bad-zone"));
		}
		if (!errors.isEmpty()) {
			return Reply.errors(errors);
		}
		long projectId = request.args().project();
		try {
			var saved = progress.changeSchedule(projectId, caller.personId(), DayOfWeek.valueOf(request.value("day")),
					time, DayOfWeek.valueOf(request.value("deadlineDay")), deadlineTime, zone);
			return Reply.say(texts.get(caller, "progress.schedule.saved",
					engagements.project(projectId).orElseThrow().code(), describe(caller, saved.reportDay(),
							saved.reportTime()), describe(caller, saved.deadlineDay(), saved.deadlineTime()),
					saved.zone().getId()));
		}
		catch (ProgressRefused refused) {
			throw ProgressRefusals.refusal(texts, caller, refused, "");
		}
	}

	private static LocalTime time(String text) {
		try {
			return LocalTime.parse(text.length() == 4 ? "0" + text : text);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
