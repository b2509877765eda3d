package dev.steward.approval.chat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.steward.approval.ApprovalEntry;
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

	static final String ACTION = "approval";

	private final Map<String, ApprovalSubject> subjects;

	private final DirectoryManagement directory;

	private final Texts texts;

	private final ApprovalLines lines;

	ApprovalCards(List<ApprovalSubject> subjects, DirectoryManagement directory, Texts texts, ApprovalLines lines) {
		this.lines = lines;
		this.subjects = subjects.stream().collect(Collectors.toMap(ApprovalSubject::type, Function.identity()));
		this.directory = directory;
		this.texts = texts;
	}

	Summary summary(ApprovalRequest request, Caller reader) {
		var subject = subjects.get(request.type());
		return subject == null ? new Summary(request.title(), List.of(), List.of())
				: subject.describe(request.subjectId(), reader.locale());
	}

	String editAction(String type) {
		var subject = subjects.get(type);
		return subject == null ? null : subject.editAction();
	}

	String typeLabel(Caller reader, String type) {
		return texts.get(reader, "approval.type." + type);
	}

	String stepLabel(Caller reader, String step) {
		return lines.step(reader, step);
	}

	String names(List<String> personIds) {
		return personIds.stream().map(directory::name).collect(Collectors.joining(", "));
	}

	/** The card an approver decides on; with buttons while the step is open. */
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
		return InteractionId.of(ACTION, request.id(), request.token(), decision.key());
	}

	/** One line saying who decided, when and why: "✅ Approved by Li Na · 2026-11-27 14:03 (Asia/Shanghai)". */
	String outcome(Caller reader, ApprovalEntry entry, List<String> approvers) {
		var line = new StringBuilder(texts.get(reader, "approval.outcome." + entry.action().name().toLowerCase(),
				lines.actor(entry, reader), texts.when(reader, entry.at())));
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
		return switch (refused.reason()) {
			case NOT_APPROVER -> texts.get(reader, "approval.refused.not-approver", names(refused.approvers()),
					stepLabel(reader, request.current().name()));
			case ALREADY_DECIDED -> refused.previous() == null ? texts.get(reader, "approval.refused.decided")
					: texts.get(reader, "approval.refused.already", outcome(reader, refused.previous(), List.of()));
			case WITHDRAWN -> texts.get(reader, "approval.refused.withdrawn",
					refused.previous() == null ? directory.name(request.requesterId())
							: directory.name(refused.previous().actorId()),
					refused.previous() == null ? "" : texts.when(reader, refused.previous().at()));
			case WAITING_FOR_CHANGES -> texts.get(reader, "approval.refused.waiting",
					directory.name(request.requesterId()));
			case NOT_REQUESTER -> texts.get(reader, "approval.refused.not-requester",
					directory.name(request.requesterId()));
			case NOT_WAITING_FOR_CHANGES -> texts.get(reader, "approval.refused.not-waiting");
			case CLOSED -> texts.get(reader, "approval.refused.closed");
			case REASON_REQUIRED -> texts.get(reader, "approval.refused.reason");
			case NOT_FOUND -> texts.get(reader, "approval.refused.not-found");
		};
	}

	private static String shorten(String text) {
		if (text == null || text.isBlank()) {
			return "—";
		}
		var oneLine = text.replace('\n', ' ').strip();
		return oneLine.length() > 120 ? oneLine.substring(0, 119) + "…" : oneLine;
	}

}
