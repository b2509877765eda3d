package dev.steward.engagement.chat;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.approval.ApprovalRequest;
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

	ProjectViews(EngagementManagement engagements, ApplicationSubject subject,
			DirectoryManagement directory, Texts texts) {
		this.engagements = engagements;
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

	String applicationLine(ApprovalRequest request, Caller reader) {
		var status = texts.get(reader, "approval.status." + request.status().name().toLowerCase());
		var line = "#" + request.subjectId() + " *" + request.title() + "*: " + status;
		if (request.status() == dev.steward.approval.ApprovalStatus.IN_REVIEW) {
			line += " · " + texts.get(reader, "approval.list.with",
					String.join(", ", request.current().approvers().stream().map(directory::name).toList()),
					texts.get(reader, "approval.step." + request.current().name()));
		}
		return line;
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
				texts.get(reader, "project.status." + project.status().name().toLowerCase())));
		fields.add(new Field(texts.get(reader, "project.field.created"), texts.when(reader, project.createdAt())));
		fields.add(new Field(texts.get(reader, "project.field.team"), project.team().isEmpty() ? "—"
				: String.join(", ", project.team().stream().map(member -> directory.name(member.personId())).toList())));
		var body = new StringBuilder();
		for (var field : List.of("expectedRevenue", "scaleBudget", "background", "clientNeeds", "keyRisks", "reason",
				"solution")) {
			body.append("*").append(texts.get(reader, "engagement.field." + field)).append("*\n")
				.append(ApplicationSubject.shorten(shown.get(field))).append("\n\n");
		}
		var history = new ArrayList<String>();
		engagements.approvalOf(application).ifPresent(request -> request.history().forEach(entry -> {
			var line = new StringBuilder(texts.when(reader, entry.at())).append(" · ")
				.append(texts.get(reader, "approval.history." + entry.action().name().toLowerCase(),
						entry.onBehalfOf() == null ? directory.name(entry.actorId())
								: texts.get(reader, "approval.outcome.for", directory.name(entry.actorId()),
										directory.name(entry.onBehalfOf())),
						entry.stepName() == null ? "" : texts.get(reader, "approval.step." + entry.stepName())));
			if (entry.asAdmin()) {
				line.append(' ').append(texts.get(reader, "approval.history.as-admin"));
			}
			if (entry.comment() != null && entry.action() != dev.steward.approval.ApprovalEntry.Action.ESCALATED) {
				line.append(": _").append(entry.comment()).append('_');
			}
			else if (entry.comment() != null) {
				line.append(": ").append(String.join(", ",
						java.util.Arrays.stream(entry.comment().split(",")).map(directory::name).toList()));
			}
			history.add(line.toString());
		}));
		project.history().forEach(entry -> history.add(texts.when(reader, entry.at()) + " · " + texts.get(reader,
				"project.history." + entry.action().name().toLowerCase(), directory.name(entry.actorId()),
				project.code(), detail(entry))));
		var title = project.code() + " · " + project.title();
		return Message.builder(title)
			.header(title)
			.fields(fields)
			.text(body.toString().strip())
			.divider()
			.text("*" + texts.get(reader, "project.show.history") + "*\n" + String.join("\n", history))
			.build();
	}

}
