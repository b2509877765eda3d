package dev.steward.progress.chat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.steward.conversation.Block.Field;
import dev.steward.conversation.Button;
import dev.steward.conversation.Caller;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Message;
import dev.steward.conversation.Texts;
import dev.steward.progress.chat.ProgressInteractions.Forward;
import dev.steward.progress.chat.ProgressInteractions.Report;
import dev.steward.digest.Digests;
import dev.steward.digest.ProjectWeek;
import dev.steward.digest.Reader;
import dev.steward.directory.DirectoryManagement;
import dev.steward.engagement.Project;
import dev.steward.progress.Cycle;
import dev.steward.progress.ProgressManagement;
import dev.steward.progress.ProgressReport;
import dev.steward.progress.Rag;

/** How the weekly cycle reads in chat: prompts, digests, the portfolio. */
@Component
class ProgressViews {

	private final ProgressManagement progress;

	private final DirectoryManagement directory;

	private final Texts texts;

	private final Digests digests;

	private final java.time.Clock clock;

	ProgressViews(ProgressManagement progress, DirectoryManagement directory, Texts texts, Digests digests,
			java.time.Clock clock) {
		this.progress = progress;
		this.directory = directory;
		this.texts = texts;
		this.digests = digests;
		this.clock = clock;
	}

	static String promptKey(long cycleId, String personId) {
		return "progress:" + cycleId + ":" + personId + ":prompt";
	}

	static String digestKey(long cycleId) {
		return "progress:" + cycleId + ":digest";
	}

	String rag(Caller reader, Rag rag) {
		return switch (rag) {
			case GREEN -> "🟢 " + texts.get(reader, "progress.rag.green");
			case AMBER -> "🟠 " + texts.get(reader, "progress.rag.amber");
			case RED -> "🔴 " + texts.get(reader, "progress.rag.red");
		};
	}

	/** The worst status reported this week, or none. */
	static Optional<Rag> overall(List<ProgressReport> reports) {
		return reports.stream().map(ProgressReport::rag).max(Comparator.naturalOrder());
	}

	Message prompt(Project project, Cycle cycle, Caller reader, Optional<ProgressReport> report, boolean reminder) {
		var deadline = texts.when(reader, cycle.deadlineAt());
		var text = report.isPresent()
				? texts.get(reader, "progress.prompt.done", project.code(), project.title(),
						texts.when(reader, report.get().updatedAt()))
				: texts.get(reader, reminder ? "progress.reminder" : "progress.prompt", project.code(), project.title(),
						deadline);
		return Message.builder(text)
			.text(text)
			.actions(cycle.forwarded() ? List.of() : List.of(Button.primary(
					texts.get(reader, report.isPresent() ? "progress.button.edit" : "progress.button.report"),
					InteractionId.of(new Report(project.id())))))
			.context(texts.get(reader, "progress.prompt.context", cycle.week(), deadline))
			.build();
	}

	/** The consolidated digest of a week, for the project manager or the people it goes on to. */
	Message digest(Project project, Cycle cycle, Caller reader, boolean withButtons) {
		var reports = progress.reports(cycle.id());
		var missing = progress.missing(cycle);
		var excused = progress.excused(cycle.id());
		var title = texts.get(reader, "progress.digest.title", project.code(), project.title(), cycle.week());
		var fields = new ArrayList<Field>();
		fields.add(new Field(texts.get(reader, "progress.digest.reported"),
				reports.size() + " / " + (reports.size() + missing.size())));
		fields.add(new Field(texts.get(reader, "progress.digest.overall"),
				overall(reports).map(rag -> rag(reader, rag)).orElse("—")));
		fields.add(new Field(texts.get(reader, "progress.digest.missing"), names(missing)));
		if (!excused.isEmpty()) {
			fields.add(new Field(texts.get(reader, "progress.digest.excused"), names(excused)));
		}
		var builder = Message.builder(title).header(title).fields(fields);
		if (cycle.pmComment() != null) {
			builder.text("*" + texts.get(reader, "progress.digest.comment", directory.name(project.managerId())) + "*\n"
					+ cycle.pmComment());
		}
		var blockers = reports.stream().filter(ProgressReport::hasBlockers).toList();
		if (!blockers.isEmpty()) {
			var text = new StringBuilder("*" + texts.get(reader, "progress.digest.blockers") + "*");
			blockers.forEach(report -> text.append("\n• ").append(directory.name(report.personId())).append(": ")
				.append(shorten(report.blockers())));
			builder.text(text.toString());
		}
		for (var report : reports) {
			builder.text("*" + directory.name(report.personId()) + "* " + rag(reader, report.rag()) + " · "
					+ report.percent() + "%\n" + texts.get(reader, "progress.digest.done") + " " + shorten(report.done())
					+ "\n" + texts.get(reader, "progress.digest.next") + " " + shorten(report.nextWeek()));
		}
		// what other modules add (e.g. the client's overdue contacts), as this reader may read it now
		var week = new ProjectWeek(project.id(), project.code(), project.clientId(), cycle.week(), clock.instant());
		for (var section : digests.sections(week, new Reader(reader.personId(), reader.locale(), reader.zone()))) {
			var text = new StringBuilder("*" + section.title() + "*");
			section.lines().forEach(line -> text.append('\n').append(line));
			builder.text(text.toString());
		}
		if (withButtons) {
			builder.actions(List.of(
					Button.primary(texts.get(reader, "progress.button.comment"),
							InteractionId.of(new Forward(cycle.id(), Forward.How.COMMENT))),
					Button.of(texts.get(reader, "progress.button.send"), InteractionId.of(new Forward(cycle.id(), Forward.How.PLAIN)))));
		}
		if (cycle.forwarded()) {
			builder.context(texts.get(reader, "progress.digest.forwarded", directory.name(cycle.forwardedBy()),
					texts.when(reader, cycle.forwardedAt())));
		}
		else {
			builder.context(texts.get(reader, "progress.digest.context", texts.when(reader, cycle.deadlineAt())));
		}
		return builder.build();
	}

	String names(List<String> personIds) {
		return personIds.isEmpty() ? "—" : String.join(", ", personIds.stream().map(directory::name).toList());
	}

	static String shorten(String text) {
		if (text == null) {
			return "";
		}
		var line = text.strip().replace('\n', ' ');
		return line.length() > 280 ? line.substring(0, 279) + "…" : line;
	}

}
