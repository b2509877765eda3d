package dev.steward.engagement.chat;

import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.Message;
import dev.steward.conversation.Outbox;
import dev.steward.conversation.Recipients;
import dev.steward.conversation.Texts;
import dev.steward.directory.DirectoryManagement;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.ProjectCreated;
import dev.steward.engagement.TeamEvents;

/** Announces a new project in its home channel and to its applicant and manager. */
@Component
class ProjectMessages {

	private final EngagementManagement engagements;

	private final ProjectViews views;

	private final DirectoryManagement directory;

	private final Outbox outbox;

	private final Recipients recipients;

	private final Texts texts;

	ProjectMessages(EngagementManagement engagements, ProjectViews views, DirectoryManagement directory,
			Outbox outbox, Recipients recipients, Texts texts) {
		this.engagements = engagements;
		this.views = views;
		this.directory = directory;
		this.outbox = outbox;
		this.recipients = recipients;
		this.texts = texts;
	}

	@EventListener
	void on(TeamEvents.MemberAdded added) {
		var project = engagements.project(added.code()).orElseThrow();
		var reader = recipients.of(added.personId());
		var text = texts.get(reader, "project.team.welcome", directory.name(added.byId()), project.code(),
				project.title(), added.duty() == null ? "—" : added.duty());
		outbox.toPerson(added.personId(), Message.builder(text)
			.text(text)
			.context(texts.get(reader, "project.team.welcome-context", project.code()))
			.build(), null);
	}

	@EventListener
	void on(TeamEvents.MemberRemoved removed) {
		var project = engagements.project(removed.code()).orElseThrow();
		var reader = recipients.of(removed.personId());
		outbox.toPerson(removed.personId(), Message.text(texts.get(reader, "project.team.farewell",
				directory.name(removed.byId()), project.code(), project.title())), null);
	}

	@EventListener
	void on(ProjectCreated created) {
		var project = engagements.project(created.code()).orElseThrow();
		var application = engagements.application(created.applicationId()).orElseThrow();
		var home = project.home();
		if (!home.direct()) {
			var reader = recipients.channelReader();
			var text = texts.get(reader, "project.created.channel", project.code(), project.title(), project.client(),
					directory.name(project.managerId()));
			outbox.toChannel(ChannelRef.channel(home.door(), home.channel()), Message.builder(text)
				.text(text)
				.context(texts.get(reader, "project.created.channel-context", project.code()))
				.build(), "project:" + project.code() + ":created");
		}
		var people = new LinkedHashSet<>(List.of(application.applicantId(), project.managerId()));
		for (var person : people) {
			var reader = recipients.of(person);
			var text = texts.get(reader, "project.created.direct", project.title(), project.code(),
					views.channel(home), directory.name(project.managerId()));
			outbox.toPerson(person, Message.builder(text)
				.text(text)
				.context(texts.get(reader, "project.created.direct-context", project.code()))
				.build(), null);
		}
	}

}
