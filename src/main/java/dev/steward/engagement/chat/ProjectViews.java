package dev.steward.engagement.chat;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.approval.chat.ApprovalLines;
import dev.steward.conversation.Block.Field;
import dev.steward.conversation.Caller;
import dev.steward.conversation.Message;
import dev.steward.conversation.Texts;
import dev.steward.directory.DirectoryManagement;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.engagement.Project;
import dev.steward.engagement.ProjectEntry;

/** How projects and applications read in chat: list lines, the full card with its history. */
@Component
class ProjectViews {

	private final EngagementManagement engagements;

	private final ApplicationSubject subject;

	private final DirectoryManagement directory;

	private final Texts texts;

	private final ApprovalLines lines;

	ProjectViews(EngagementManagement engagements, ApplicationSubject subject, ApprovalLines lines,
			DirectoryManagement directory, Texts texts) {
		this.engagements = engagements;
		this.lines = lines;
		this.subject = subject;
		this.directory = directory;
		this.texts = texts;
	}

	String channel(Home home) {
		return home.direct() ? "@" + home.channel() : "#" + home.channel();
	}

	String line(Project project, Caller reader) {
		return "`" + project.code() + "` *" + project.title() + "* · " + project.client() + " · "
				+ texts.get(reader, "project.list.pm", directory.name(project.managerId())) + " · "
				+ channel(project.home());
	}

	/** What a history entry's detail reads as: a channel, or a person with their duty. */
	private String detail(ProjectEntry entry) {
		if (entry.detail() == null) {
			return "";
		}
		if (entry.action() == ProjectEntry.Action.HOME_CHANNEL_MOVED) {
			return "#" + entry.detail();
		}
		int colon = entry.detail().indexOf(": ");
		return colon < 0 ? directory.name(entry.detail())
				: directory.name(entry.detail().substring(0, colon)) + " (" + entry.detail().substring(colon + 2) + ")";
	}

	/** A project's team and their duties. */
	Message team(Project project, Caller reader) {
		var title = texts.get(reader, "project.team.title", project.code(), project.title());
		var lines = new StringBuilder();
		lines.append("• ").append(directory.name(project.managerId())).append(" — ")
			.append(texts.get(reader, "engagement.field.managerId")).append('\n');
		project.team().forEach(member -> lines.append("• ").append(directory.name(member.personId()))
			.append(member.duty() == null ? "" : " — " + member.duty()).append('\n'));
		var builder = Message.builder(title).header(title).text(lines.toString().strip());
		if (project.team().isEmpty()) {
			builder.context(texts.get(reader, "project.team.empty", project.code()));
		}
		return builder.build();
	}

	/** The project with everything it was approved on and its full history. */
	Message details(Project project, Caller reader) {
		var application = engagements.application(project.applicationId()).orElseThrow();
		var shown = subject.display(application.details(), reader.locale());
		var fields = new ArrayList<Field>();
		fields.add(new Field(texts.get(reader, "engagement.field.client"), project.client()));
		fields.add(new Field(texts.get(reader, "engagement.field.departmentId"),
				directory.departmentName(project.departmentId(), reader.locale())));
		fields.add(new Field(texts.get(reader, "engagement.field.managerId"), directory.name(project.managerId())));
		fields.add(new Field(texts.get(reader, "project.field.home"), channel(project.home())));
		fields.add(new Field(texts.get(reader, "project.field.status"),
				texts.get(reader, switch (project.status()) {
					case ACTIVE -> "project.status.active";
					case PAUSED -> "project.status.paused";
				})));
		fields.add(new Field(texts.get(reader, "project.field.created"), texts.when(reader, project.createdAt())));
		fields.add(new Field(texts.get(reader, "project.field.team"), project.team().isEmpty() ? "—"
				: String.join(", ", project.team().stream().map(member -> directory.name(member.personId())).toList())));
		var body = new StringBuilder();
		for (var field : List.of("expectedRevenue", "scaleBudget", "background", "clientNeeds", "keyRisks", "reason",
				"solution")) {
			body.append("*").append(texts.get(reader, FieldLabels.key(field))).append("*\n")
				.append(ApplicationSubject.shorten(shown.get(field))).append("\n\n");
		}
		var history = new ArrayList<String>();
		engagements.approvalOf(application)
			.ifPresent(request -> request.history().forEach(entry -> history.add(lines.history(entry, reader))));
		project.history().forEach(entry -> history.add(texts.when(reader, entry.at()) + " · " + texts.get(reader,
				historyKey(entry.action()), directory.name(entry.actorId()), project.code(), detail(entry))));
		var title = project.code() + " · " + project.title();
		return Message.builder(title)
			.header(title)
			.fields(fields)
			.text(body.toString().strip())
			.divider()
			.text("*" + texts.get(reader, "project.show.history") + "*\n" + String.join("\n", history))
			.build();
	}

	private static String historyKey(ProjectEntry.Action action) {
		return switch (action) {
			case CREATED -> "project.history.created";
			case HOME_CHANNEL_MOVED -> "project.history.home_channel_moved";
			case MEMBER_ADDED -> "project.history.member_added";
			case MEMBER_REMOVED -> "project.history.member_removed";
			case PAUSED -> "project.history.paused";
			case RESUMED -> "project.history.resumed";
		};
	}

}
