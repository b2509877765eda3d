package dev.steward.approval.chat;

import java.util.Arrays;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.steward.approval.ApprovalEntry;
import dev.steward.approval.ApprovalEvents;
import dev.steward.approval.ApprovalEvents.CardsOutdated;
import dev.steward.approval.ApprovalEvents.StepDecided;
import dev.steward.approval.ApprovalEvents.StepOpened;
import dev.steward.approval.ApprovalEvents.Withdrawn;
import dev.steward.approval.ApprovalManagement;
import dev.steward.approval.ApprovalRequest;
import dev.steward.conversation.Button;
import dev.steward.conversation.Caller;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Message;
import dev.steward.conversation.Outbox;
import dev.steward.conversation.Recipients;
import dev.steward.conversation.Texts;

/**
 * Tells approvers what waits for them and requesters how their request fares; takes the
 * buttons off a card once its step is decided. Runs in the transaction of the change, so the
 * messages exist exactly when the change does.
 */
@Component
class ApprovalMessages {

	private final ApprovalManagement approvals;

	private final ApprovalCards cards;

	private final Outbox outbox;

	private final Recipients recipients;

	private final Texts texts;

	ApprovalMessages(ApprovalManagement approvals, ApprovalCards cards, Outbox outbox, Recipients recipients,
			Texts texts) {
		this.approvals = approvals;
		this.cards = cards;
		this.outbox = outbox;
		this.recipients = recipients;
		this.texts = texts;
	}

	static String cardKey(long requestId, String token, String approverId) {
		return "approval:" + requestId + ":" + token + ":" + approverId;
	}

	@EventListener
	void on(StepOpened event) {
		var request = approvals.find(event.requestId()).orElseThrow();
		for (var approver : event.approverIds()) {
			var reader = recipients.of(approver);
			outbox.toPerson(approver, cards.card(request, reader, event.step(), true, null),
					cardKey(event.requestId(), event.token(), approver));
		}
		var reader = recipients.of(event.requesterId());
		var title = request.title();
		var with = cards.names(event.approverIds());
		var step = cards.stepLabel(reader, event.stepName());
		String text;
		if (event.afterChanges()) {
			text = texts.get(reader, "approval.notice.resubmitted", title, with, step);
		}
		else if (event.step() == 0) {
			text = texts.get(reader, "approval.notice.submitted", cards.typeLabel(reader, event.type()), title, with,
					step, request.id());
		}
		else {
			var approved = lastDecision(request);
			text = texts.get(reader, "approval.notice.moved-on", approved == null ? "" : cards.names(
					List.of(approved.actorId())), title, cards.stepLabel(reader, request.steps().get(event.step() - 1).name()),
					with, step);
		}
		outbox.toPerson(event.requesterId(), Message.text(text), null);
	}

	@EventListener
	void on(StepDecided event) {
		var request = approvals.find(event.requestId()).orElseThrow();
		var entry = lastDecision(request);
		for (var approver : event.approverIds()) {
			var reader = recipients.of(approver);
			outbox.update(cardKey(event.requestId(), event.token(), approver),
					cards.card(request, reader, event.step(), false, cards.outcome(reader, entry, event.approverIds())));
		}
		var reader = recipients.of(event.requesterId());
		var decider = cards.names(List.of(event.deciderId()));
		var step = cards.stepLabel(reader, event.stepName());
		switch (event.decision()) {
			case APPROVE -> {
				if (event.last()) {
					outbox.toPerson(event.requesterId(), Message.text(
							texts.get(reader, "approval.notice.approved", request.title(), decider, step)), null);
				}
			}
			case REJECT -> outbox.toPerson(event.requesterId(), Message.text(
					texts.get(reader, "approval.notice.rejected", decider, request.title(), step, event.reason())), null);
			case REQUEST_CHANGES -> {
				var text = texts.get(reader, "approval.notice.changes", decider, request.title(), step, event.reason());
				var builder = Message.builder(text).text(text);
				var edit = cards.editAction(event.type());
				if (edit != null) {
					builder.actions(List.of(Button.primary(texts.get(reader, "approval.button.edit"),
							InteractionId.of(edit, event.subjectId()))));
				}
				outbox.toPerson(event.requesterId(), builder.build(), null);
			}
		}
	}

	@EventListener
	void on(ApprovalEvents.StepReminded event) {
		var request = approvals.find(event.requestId()).orElseThrow();
		for (var approver : event.approverIds()) {
			var reader = recipients.of(approver);
			outbox.toPerson(approver, cards.card(request, reader, event.step(), true, texts.get(reader,
					"approval.notice.reminder", texts.when(reader, request.current().openedAt()))),
					cardKey(event.requestId(), event.token(), approver));
		}
	}

	@EventListener
	void on(ApprovalEvents.StepEscalated event) {
		var request = approvals.find(event.requestId()).orElseThrow();
		for (var approver : event.addedApproverIds()) {
			var reader = recipients.of(approver);
			outbox.toPerson(approver, cards.card(request, reader, event.step(), true, texts.get(reader,
					"approval.notice.escalated", cards.names(event.earlierApproverIds()),
					texts.when(reader, request.current().openedAt()))), cardKey(event.requestId(), event.token(), approver));
		}
		for (var approver : event.earlierApproverIds()) {
			var reader = recipients.of(approver);
			outbox.toPerson(approver, Message.text(texts.get(reader, "approval.notice.escalated-away", request.title(),
					cards.names(event.addedApproverIds()))), null);
		}
	}

	/**
	 * Shows the open step's cards again, in place, with what other modules now note on the subject;
	 * each keeps the line it was sent with (the reminder, or the escalation that brought its reader).
	 */
	@EventListener
	void on(CardsOutdated event) {
		var request = approvals.find(event.requestId()).orElseThrow();
		for (var approver : event.approverIds()) {
			var reader = recipients.of(approver);
			outbox.update(cardKey(event.requestId(), event.token(), approver),
					cards.card(request, reader, event.step(), true, openLine(request, event.token(), approver, reader)));
		}
	}

	/** The line an open card was last sent with: escalated to its reader, or a reminder; else none. */
	private String openLine(ApprovalRequest request, String token, String approver, Caller reader) {
		var entries = request.history().stream().filter(entry -> token.equals(entry.token())).toList();
		var escalation = entries.stream()
			.filter(entry -> entry.action() == ApprovalEntry.Action.ESCALATED && entry.comment() != null)
			.findFirst();
		if (escalation.isPresent()) {
			var added = Arrays.asList(escalation.get().comment().split(","));
			if (added.contains(approver)) {
				var earlier = request.current().approvers().stream().filter(id -> !added.contains(id)).toList();
				return texts.get(reader, "approval.notice.escalated", cards.names(earlier),
						texts.when(reader, request.current().openedAt()));
			}
		}
		if (entries.stream().anyMatch(entry -> entry.action() == ApprovalEntry.Action.REMINDED)) {
			return texts.get(reader, "approval.notice.reminder", texts.when(reader, request.current().openedAt()));
		}
		return null;
	}

	@EventListener
	void on(Withdrawn event) {
		var request = approvals.find(event.requestId()).orElseThrow();
		var entry = request.history().get(request.history().size() - 1);
		for (var approver : event.approverIds()) {
			var reader = recipients.of(approver);
			outbox.update(cardKey(event.requestId(), event.token(), approver),
					cards.card(request, reader, event.step(), false, cards.outcome(reader, entry, List.of())));
		}
	}

	private static ApprovalEntry lastDecision(ApprovalRequest request) {
		return request.history()
			.stream()
			.filter(entry -> entry.action().settles())
			.reduce((first, second) -> second)
			.orElse(null);
	}

}
