package dev.steward.progress.chat;

import java.util.LinkedHashSet;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.Message;
import dev.steward.conversation.Outbox;
import dev.steward.conversation.Recipients;
import dev.steward.conversation.Texts;
import dev.steward.directory.DirectoryManagement;
import dev.steward.directory.Person;
import dev.steward.directory.Role;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Project;
import dev.steward.progress.ProgressEvents;
import dev.steward.progress.ProgressManagement;

/** Turns the weekly cycle's events into messages, in the same transaction as the step. */
@Component
class ProgressMessages {

	private final ProgressManagement progress;

	private final EngagementManagement engagements;

	private final DirectoryManagement directory;

	private final ProgressViews views;

	private final Outbox outbox;

	private final Recipients recipients;

	private final Texts texts;

	ProgressMessages(ProgressManagement progress, EngagementManagement engagements, DirectoryManagement directory,
			ProgressViews views, Outbox outbox, Recipients recipients, Texts texts) {
		this.progress = progress;
		this.engagements = engagements;
		this.directory = directory;
		this.views = views;
		this.outbox = outbox;
		this.recipients = recipients;
		this.texts = texts;
	}

	@EventListener
	void on(ProgressEvents.MembersPrompted prompted) {
		var project = engagements.project(prompted.projectId()).orElseThrow();
		var cycle = progress.cycle(prompted.cycleId()).orElseThrow();
		prompted.personIds().forEach(person -> outbox.toPerson(person,
				views.prompt(project, cycle, recipients.of(person), java.util.Optional.empty(), false),
				ProgressViews.promptKey(cycle.id(), person)));
	}

	@EventListener
	void on(ProgressEvents.CycleAnnounced announced) {
		var project = engagements.project(announced.projectId()).orElseThrow();
		var cycle = progress.cycle(announced.cycleId()).orElseThrow();
		if (project.home().direct()) {
			return;
		}
		var reader = recipients.channelReader();
		outbox.toChannel(ChannelRef.channel(project.home().door(), project.home().channel()),
				Message.text(texts.get(reader, "progress.announced", project.code(), announced.memberIds().size(),
						texts.when(reader, cycle.deadlineAt()))),
				null);
	}

	@EventListener
	void on(ProgressEvents.ReminderDue due) {
		var project = engagements.project(due.projectId()).orElseThrow();
		var cycle = progress.cycle(due.cycleId()).orElseThrow();
		due.memberIds().forEach(person -> outbox.toPerson(person,
				views.prompt(project, cycle, recipients.of(person), java.util.Optional.empty(), true), null));
	}

	@EventListener
	void on(ProgressEvents.CycleClosed closed) {
		var project = engagements.project(closed.projectId()).orElseThrow();
		var cycle = progress.cycle(closed.cycleId()).orElseThrow();
		outbox.toPerson(project.managerId(), views.digest(project, cycle, recipients.of(project.managerId()), true),
				ProgressViews.digestKey(cycle.id()));
	}

	@EventListener
	void on(ProgressEvents.ReportSubmitted submitted) {
		var project = engagements.project(submitted.projectId()).orElseThrow();
		var cycle = progress.cycle(submitted.cycleId()).orElseThrow();
		var reader = recipients.of(submitted.personId());
		outbox.update(ProgressViews.promptKey(cycle.id(), submitted.personId()), views.prompt(project, cycle, reader,
				progress.report(cycle.id(), submitted.personId()), false));
		if (cycle.closed() && !cycle.forwarded()) {
			outbox.update(ProgressViews.digestKey(cycle.id()),
					views.digest(project, cycle, recipients.of(project.managerId()), true));
		}
	}

	@EventListener
	void on(ProgressEvents.DigestForwarded forwarded) {
		var project = engagements.project(forwarded.projectId()).orElseThrow();
		var cycle = progress.cycle(forwarded.cycleId()).orElseThrow();
		outbox.update(ProgressViews.digestKey(cycle.id()),
				views.digest(project, cycle, recipients.of(project.managerId()), false));
		// the week is closed: the members' prompts lose their buttons
		progress.prompted(cycle.id()).forEach(person -> outbox.update(ProgressViews.promptKey(cycle.id(), person),
				views.prompt(project, cycle, recipients.of(person), progress.report(cycle.id(), person), false)));
		var readers = new LinkedHashSet<String>();
		directory.headOf(project.departmentId()).map(Person::id).ifPresent(readers::add);
		directory.withRole(Role.MANAGEMENT).forEach(person -> readers.add(person.id()));
		readers.remove(project.managerId());
		readers.forEach(person -> outbox.toPerson(person, views.digest(project, cycle, recipients.of(person), false),
				null));
	}

	@EventListener
	void on(ProgressEvents.PortfolioDue due) {
		var active = engagements.projects().stream().filter(p -> p.status() == Project.Status.ACTIVE).toList();
		for (var manager : directory.withRole(Role.MANAGEMENT)) {
			var reader = recipients.of(manager.id());
			var title = texts.get(reader, "progress.portfolio.title", due.week(), active.size());
			var lines = new StringBuilder();
			for (var project : active) {
				var cycle = progress.currentCycle(project.id()).orElse(null);
				lines.append("`").append(project.code()).append("` *").append(project.title()).append("* · ")
					.append(directory.name(project.managerId())).append(" · ");
				if (cycle == null) {
					lines.append(texts.get(reader, "progress.portfolio.no-report"));
				}
				else {
					var reports = progress.reports(cycle.id());
					lines.append(ProgressViews.overall(reports).map(rag -> views.rag(reader, rag)).orElse("—"))
						.append(" · ")
						.append(texts.get(reader, "progress.portfolio.reported", reports.size(),
								reports.size() + progress.missing(cycle).size(), cycle.week()));
					long blockers = reports.stream().filter(dev.steward.progress.ProgressReport::hasBlockers).count();
					if (blockers > 0) {
						lines.append(" · ").append(texts.get(reader, "progress.portfolio.blockers", blockers));
					}
				}
				lines.append('\n');
			}
			outbox.toPerson(manager.id(), Message.builder(title)
				.header(title)
				.text(active.isEmpty() ? texts.get(reader, "progress.portfolio.none") : lines.toString().strip())
				.build(), null);
		}
	}

}
