package dev.steward.engagement.chat;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.approval.ApprovalManagement;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.ChatCommands;
import dev.steward.conversation.CommandRequest;
import dev.steward.conversation.CommandSpec;
import dev.steward.conversation.CommandSpec.Option;
import dev.steward.conversation.Message;
import dev.steward.conversation.Refusal;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.directory.DirectoryManagement;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.engagement.Project;

/** {@code /project apply|list|show|channel}. */
@Component
class ProjectCommands implements ChatCommands {

	private final EngagementManagement engagements;

	private final ApprovalManagement approvals;

	private final ApplicationForm form;

	private final ProjectViews views;

	private final DirectoryManagement directory;

	private final Texts texts;

	private final dev.steward.approval.chat.ApprovalLines lines;

	ProjectCommands(dev.steward.approval.chat.ApprovalLines lines, EngagementManagement engagements, ApprovalManagement approvals, ApplicationForm form,
			ProjectViews views, DirectoryManagement directory, Texts texts) {
		this.lines = lines;
		this.engagements = engagements;
		this.approvals = approvals;
		this.form = form;
		this.views = views;
		this.directory = directory;
		this.texts = texts;
	}

	@Override
	public List<CommandSpec> commands() {
		var code = "project.option.code";
		return List.of(new CommandSpec("project", "apply", "project.apply.description", this::apply)
					.allow(Who.ANYONE),
				new CommandSpec("project", "list", "project.list.description", this::list)
					.allow(Who.ANYONE),
				new CommandSpec("project", "show", List.of(Option.required("code", Option.Type.TEXT, code)),
						"project.show.description", this::show)
					.allow(Who.ANYONE),
				new CommandSpec("project", "channel", List.of(Option.optional("code", Option.Type.TEXT, code)),
						"project.channel.description", this::channel)
					.allow(Who.PROJECT_MANAGER, Who.ADMIN),
				new CommandSpec("project", "team add",
						List.of(Option.required("code", Option.Type.TEXT, code),
								Option.required("person", Option.Type.PERSON, "project.option.person"),
								Option.optional("duty", Option.Type.TEXT, "project.option.duty")),
						"project.team.add.description", this::teamAdd)
					.allow(Who.PROJECT_MANAGER, Who.ADMIN),
				new CommandSpec("project", "team remove",
						List.of(Option.required("code", Option.Type.TEXT, code),
								Option.required("person", Option.Type.PERSON, "project.option.person")),
						"project.team.remove.description", this::teamRemove)
					.allow(Who.PROJECT_MANAGER, Who.ADMIN),
				new CommandSpec("project", "team list", List.of(Option.required("code", Option.Type.TEXT, code)),
						"project.team.list.description", this::teamList)
					.allow(Who.ANYONE),
				new CommandSpec("project", "pause", List.of(Option.required("code", Option.Type.TEXT, code)),
						"project.pause.description", request -> running(request, true))
					.allow(Who.PROJECT_MANAGER, Who.ADMIN),
				new CommandSpec("project", "resume", List.of(Option.required("code", Option.Type.TEXT, code)),
						"project.resume.description", request -> running(request, false))
					.allow(Who.PROJECT_MANAGER, Who.ADMIN));
	}

	private Reply apply(CommandRequest request) {
		return form.open(request.caller());
	}

	private Reply list(CommandRequest request) {
		var caller = request.caller();
		var projects = engagements.projects();
		var builder = Message.builder(texts.get(caller, "project.list.title", projects.size()))
			.header(texts.get(caller, "project.list.title", projects.size()));
		if (projects.isEmpty()) {
			builder.text(texts.get(caller, "project.list.none"));
		}
		else {
			var lines = new StringBuilder();
			projects.stream().limit(30).forEach(project -> lines.append(views.line(project, caller)).append('\n'));
			builder.text(lines.toString().strip());
			if (projects.size() > 30) {
				builder.context(texts.get(caller, "project.list.more", projects.size() - 30));
			}
		}
		var open = approvals.requestedBy(caller.personId()).stream()
			.filter(item -> EngagementManagement.APPLICATION.equals(item.type()) && !item.status().closed())
			.toList();
		if (!open.isEmpty()) {
			var lines = new StringBuilder("*" + texts.get(caller, "project.list.applications") + "*");
			open.forEach(item -> lines.append('\n').append(this.lines.status(item, caller)));
			builder.divider().text(lines.toString());
		}
		builder.context(texts.get(caller, "project.list.footer"));
		return Reply.say(builder.build());
	}

	private Reply show(CommandRequest request) {
		var caller = request.caller();
		if (request.arg(0).isEmpty()) {
			return Reply.say(texts.get(caller, "project.show.usage"));
		}
		return engagements.project(request.arg(0))
			.map(project -> Reply.say(views.details(project, caller)))
			.orElseGet(() -> Reply.say(texts.get(caller, "project.unknown", request.arg(0))));
	}

	private Reply channel(CommandRequest request) {
		var caller = request.caller();
		Project project;
		if (!request.arg(0).isEmpty()) {
			project = engagements.project(request.arg(0)).orElse(null);
			if (project == null) {
				return Reply.say(texts.get(caller, "project.unknown", request.arg(0)));
			}
		}
		else {
			var managed = engagements.managedBy(caller.personId());
			if (managed.size() != 1) {
				return Reply.say(texts.get(caller, managed.isEmpty() ? "project.channel.none" : "project.channel.which"));
			}
			project = managed.get(0);
		}
		if (request.channel().direct()) {
			return Reply.say(texts.get(caller, "project.channel.not-direct"));
		}
		try {
			var moved = engagements.moveHome(project.code(), caller.personId(),
					new Home(request.channel().door(), request.channel().id(), false));
			return Reply.say(texts.get(caller, "project.channel.moved", moved.code(), views.channel(moved.home())));
		}
		catch (Project.NotProjectManager refused) {
			throw new Refusal(texts.get(caller, "project.channel.not-manager", directory.name(refused.managerId())));
		}
	}

	/** The project named by the first argument, or a refusal saying how to name one. */
	private Project named(CommandRequest request, String usageKey) {
		var caller = request.caller();
		if (request.arg(0).isEmpty()) {
			throw new Refusal(texts.get(caller, usageKey));
		}
		return engagements.project(request.arg(0))
			.orElseThrow(() -> new Refusal(texts.get(caller, "project.unknown", request.arg(0))));
	}

	private Reply teamAdd(CommandRequest request) {
		var caller = request.caller();
		var project = named(request, "project.team.add.usage");
		var person = request.arg(1);
		if (person.isEmpty() || directory.person(person).isEmpty()) {
			throw new Refusal(texts.get(caller, person.isEmpty() ? "project.team.add.usage" : "project.team.unknown-person",
					person));
		}
		var duty = String.join(" ", request.args().subList(Math.min(2, request.args().size()), request.args().size()));
		try {
			engagements.addMember(project.code(), person, duty, caller.personId());
		}
		catch (Project.NotProjectManager refused) {
			throw new Refusal(texts.get(caller, "project.team.not-manager", directory.name(refused.managerId())));
		}
		return Reply.say(texts.get(caller, "project.team.added", directory.name(person), project.code(),
				duty.isBlank() ? "—" : duty));
	}

	private Reply teamRemove(CommandRequest request) {
		var caller = request.caller();
		var project = named(request, "project.team.remove.usage");
		var person = request.arg(1);
		try {
			if (!engagements.removeMember(project.code(), person, caller.personId())) {
				return Reply.say(texts.get(caller, "project.team.not-member", directory.name(person), project.code()));
			}
		}
		catch (Project.NotProjectManager refused) {
			throw new Refusal(texts.get(caller, "project.team.not-manager", directory.name(refused.managerId())));
		}
		return Reply.say(texts.get(caller, "project.team.removed", directory.name(person), project.code()));
	}

	private Reply teamList(CommandRequest request) {
		var caller = request.caller();
		var project = named(request, "project.team.list.usage");
		return Reply.say(views.team(project, caller));
	}

	private Reply running(CommandRequest request, boolean pause) {
		var caller = request.caller();
		var project = named(request, "project.show.usage");
		try {
			boolean changed = engagements.setPaused(project.code(), pause, caller.personId());
			var key = pause ? (changed ? "project.paused" : "project.already-paused")
					: (changed ? "project.resumed" : "project.already-running");
			return Reply.say(texts.get(caller, key, project.code()));
		}
		catch (Project.NotProjectManager refused) {
			throw new Refusal(texts.get(caller, "project.team.not-manager", directory.name(refused.managerId())));
		}
	}

}
