package dev.steward.approval.chat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.steward.approval.ApprovalEntry;
import dev.steward.approval.ApprovalNotes;
import dev.steward.approval.ApprovalNotes.Note;
import dev.steward.approval.ApprovalRequest;
import dev.steward.approval.ApprovalSubject;
import dev.steward.approval.ApprovalSubject.Summary;
import dev.steward.approval.Decision;
import dev.steward.approval.DecisionRefused;
import dev.steward.conversation.Block.Field;
import dev.steward.conversation.Button;
import dev.steward.conversation.Caller;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Message;
import dev.steward.conversation.Texts;
import dev.steward.directory.DirectoryManagement;

/** Writes the approval engine's messages for one reader: cards, decisions, refusals. */
@Component
class ApprovalCards {


	private final Map<String, ApprovalSubject> subjects;

	private final List<ApprovalNotes> notes;

	private final DirectoryManagement directory;

	private final Texts texts;

	private final ApprovalLines lines;

	private final ApprovalRefusalKeys refusalKeys;

	ApprovalCards(List<ApprovalSubject> subjects, List<ApprovalNotes> notes, DirectoryManagement directory,
			Texts texts, ApprovalLines lines, ApprovalRefusalKeys refusalKeys) {
		this.notes = List.copyOf(notes);
		this.lines = lines;
		this.refusalKeys = refusalKeys;
		this.subjects = subjects.stream().collect(Collectors.toMap(ApprovalSubject::type, Function.identity()));
		this.directory = directory;
		this.texts = texts;
	}

	Summary summary(ApprovalRequest request, Caller reader) {
		var subject = subjects.get(request.type());
		return subject == null ? new Summary(request.title(), List.of(), List.of())
				: subject.describe(request.subjectId(), reader.locale());
	}

	/** What other modules note on the request's subject, for this reader. */
	List<Note> notes(ApprovalRequest request, Caller reader) {
		return notes.stream()
			.flatMap(source -> source.notes(request.type(), request.subjectId(), reader.locale()).stream())
			.toList();
	}

	String editAction(String type) {
		var subject = subjects.get(type);
		return subject == null ? null : subject.editAction();
	}

	String typeLabel(Caller reader, String type) {
		return texts.named(reader.locale(), "approval.type." + type, type);
	}

	String stepLabel(Caller reader, String step) {
		return lines.step(reader, step);
	}

	String names(List<String> personIds) {
		return personIds.stream().map(directory::name).collect(Collectors.joining(", "));
	}

	/**
	 * The card an approver decides on; with buttons while the step is open. Other modules' notes on
	 * the subject follow its facts, warnings marked apart.
	 */
	Message card(ApprovalRequest request, Caller reader, int step, boolean withButtons, String outcome) {
		var summary = summary(request, reader);
		var header = texts.get(reader, "approval.card.header", typeLabel(reader, request.type()));
		var builder = Message.builder(header + ": " + summary.title())
			.header(header)
			.text("*" + summary.title() + "*\n" + texts.get(reader, "approval.card.by",
					directory.name(request.requesterId()),
					directory.departmentName(request.departmentId(), reader.locale()),
					texts.when(reader, request.submittedAt())))
			.fields(summary.items().stream().map(item -> new Field(item.label(), item.value())).toList());
		var noted = notes(request, reader);
		builder.fields(noted.stream().filter(note -> !note.warning()).map(note -> new Field(note.label(), note.text()))
			.toList());
		noted.stream()
			.filter(Note::warning)
			.forEach(note -> builder.text(texts.get(reader, "approval.card.warning", note.label(), note.text())));
		if (!summary.changes().isEmpty()) {
			var changes = new StringBuilder("*" + texts.get(reader, "approval.card.changes") + "*");
			summary.changes().forEach(change -> changes.append("\n• *").append(change.label()).append("*: ")
				.append(shorten(change.before())).append(" → ").append(shorten(change.after())));
			builder.text(changes.toString());
		}
		builder.context(texts.get(reader, "approval.card.step", step + 1, request.steps().size(),
				stepLabel(reader, request.steps().get(step).name()), request.id()));
		if (withButtons) {
			builder.actions(buttons(request, reader));
		}
		if (outcome != null) {
			builder.context(outcome);
		}
		return builder.build();
	}

	List<Button> buttons(ApprovalRequest request, Caller reader) {
		return List.of(
				Button.primary(texts.get(reader, "approval.button.approve"), action(request, Decision.APPROVE)),
				Button.of(texts.get(reader, "approval.button.changes"), action(request, Decision.REQUEST_CHANGES)),
				Button.danger(texts.get(reader, "approval.button.reject"), action(request, Decision.REJECT)));
	}

	private static InteractionId action(ApprovalRequest request, Decision decision) {
		return InteractionId.of(new Decide(request.id(), request.token(), decision));
	}

	/** One line saying who decided, when and why: "✅ Approved by Li Na · 2026-11-27 14:03 (Asia/Shanghai)". */
	String outcome(Caller reader, ApprovalEntry entry, List<String> approvers) {
		var key = switch (entry.action()) {
			case SUBMITTED -> "approval.outcome.submitted";
			case APPROVED -> "approval.outcome.approved";
			case REJECTED -> "approval.outcome.rejected";
			case CHANGES_REQUESTED -> "approval.outcome.changes_requested";
			case RESUBMITTED -> "approval.outcome.resubmitted";
			case WITHDRAWN -> "approval.outcome.withdrawn";
			case REMINDED -> "approval.outcome.reminded";
			case ESCALATED -> "approval.outcome.escalated";
		};
		var line = new StringBuilder(texts.get(reader, key, lines.actor(entry, reader), texts.when(reader, entry.at())));
		if (entry.asAdmin()) {
			line.append(' ').append(texts.get(reader, "approval.outcome.as-admin", names(approvers)));
		}
		if (entry.comment() != null) {
			line.append(": ").append(entry.comment());
		}
		return line.toString();
	}

	/** Why the reader may not act, in their words. */
	String refusal(Caller reader, DecisionRefused refused, ApprovalRequest request) {
		var reason = refused.reason();
		if (reason == DecisionRefused.Reason.ALREADY_DECIDED && refused.previous() == null) {
			return texts.get(reader, "approval.refused.decided");
		}
		Object[] args = switch (reason) {
			case NOT_APPROVER -> new Object[] { names(refused.approvers()), stepLabel(reader, request.current().name()) };
			case ALREADY_DECIDED -> new Object[] { outcome(reader, refused.previous(), List.of()) };
			case WITHDRAWN -> new Object[] {
					refused.previous() == null ? directory.name(request.requesterId())
							: directory.name(refused.previous().actorId()),
					refused.previous() == null ? "" : texts.when(reader, refused.previous().at()) };
			case WAITING_FOR_CHANGES, NOT_REQUESTER -> new Object[] { directory.name(request.requesterId()) };
			case NOT_WAITING_FOR_CHANGES, CLOSED, REASON_REQUIRED, NOT_FOUND -> new Object[0];
		};
		return texts.get(reader, refusalKeys.key(reason), args);
	}

	private static String shorten(String text) {
		if (text == null || text.isBlank()) {
			return "—";
		}
		var oneLine = text.replace('\n', ' ').strip();
		return oneLine.length() > 120 ? oneLine.substring(0, 119) + "…" : oneLine;
	}

}
