package dev.steward.client.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.client.Feedback;
import dev.steward.client.Feedback.Severity;
import dev.steward.client.Feedback.Status;
import dev.steward.client.Feedback.Step;
import dev.steward.client.FeedbackEntry;
import dev.steward.client.FeedbackManagement;
import dev.steward.client.chat.FeedbackInteractions.Take;
import dev.steward.conversation.Block.Field;
import dev.steward.conversation.Button;
import dev.steward.conversation.Caller;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Message;
import dev.steward.conversation.Texts;
import dev.steward.directory.DirectoryManagement;

/**
 * How client feedback reads, in each reader's language: an item's card (what the client said, where
 * it stands, the next step's buttons), a line of a list, its history.
 */
@Component
class FeedbackViews {

	private final FeedbackManagement feedback;

	private final DirectoryManagement directory;

	private final Texts texts;

	FeedbackViews(FeedbackManagement feedback, DirectoryManagement directory, Texts texts) {
		this.feedback = feedback;
		this.directory = directory;
		this.texts = texts;
	}

	/** The card: header, what the client said, where it stands, solution and answer, the next step's buttons. */
	Message card(Caller reader, Feedback item, String intro) {
		var title = title(reader, item);
		var builder = Message.builder(intro == null ? title : intro + " " + title).header(title);
		if (intro != null) {
			builder.text(intro);
		}
		builder.text("> " + item.summary().replace("\n", "\n> "));
		var fields = new ArrayList<Field>();
		fields.add(new Field(texts.get(reader, "feedback.field.client"), client(reader, item)));
		fields.add(new Field(texts.get(reader, "feedback.field.category"), category(reader, item.category())));
		fields.add(new Field(texts.get(reader, "feedback.field.severity"), severity(reader, item.severity())));
		fields.add(new Field(texts.get(reader, "feedback.field.status"), status(reader, item.status())));
		fields.add(new Field(texts.get(reader, "feedback.field.owner"),
				item.ownerId() == null ? "—" : directory.name(item.ownerId())));
		fields.add(new Field(texts.get(reader, "feedback.field.due"),
				item.open() ? texts.when(reader, item.dueAt()) : texts.get(reader, "feedback.closed-at",
						texts.when(reader, item.closedAt()))));
		builder.fields(fields);
		if (item.solution() != null) {
			builder.text("*" + texts.get(reader, "feedback.field.solution") + "*\n" + item.solution());
		}
		if (item.answer() != null) {
			builder.text("*" + texts.get(reader, "feedback.field.answer") + "*\n" + item.answer());
		}
		builder.context(texts.get(reader, "feedback.card.recorded", recorder(item), texts.when(reader, item.createdAt())));
		var buttons = buttons(reader, item);
		if (!buttons.isEmpty()) {
			builder.actions(buttons);
		}
		return builder.build();
	}

	/** The next step's buttons, while the item is open. */
	List<Button> buttons(Caller reader, Feedback item) {
		var id = item.id();
		return switch (item.status()) {
			case OPEN -> List.of(Button.primary(step(reader, Step.ASSIGN), InteractionId.of(new Take(id, Step.ASSIGN))));
			case ASSIGNED -> List.of(
					Button.primary(step(reader, Step.PROPOSE), InteractionId.of(new Take(id, Step.PROPOSE))),
					Button.of(step(reader, Step.REASSIGN), InteractionId.of(new Take(id, Step.REASSIGN))));
			case PROPOSED -> List.of(
					Button.primary(step(reader, Step.ANSWER), InteractionId.of(new Take(id, Step.ANSWER))),
					Button.of(step(reader, Step.REASSIGN), InteractionId.of(new Take(id, Step.REASSIGN))));
			case ANSWERED -> List.of(Button.primary(step(reader, Step.CLOSE), InteractionId.of(new Take(id, Step.CLOSE))));
			case CLOSED -> List.of();
		};
	}

	/** The card with the item's whole history below it: {@code /feedback show}. */
	Message details(Caller reader, Feedback item) {
		var card = card(reader, item, null);
		var lines = new StringBuilder("*" + texts.get(reader, "feedback.history") + "*");
		for (var entry : item.history()) {
			lines.append("\n• ").append(texts.when(reader, entry.at())).append(" · ").append(entry(reader, item, entry));
		}
		var blocks = new ArrayList<>(card.blocks());
		// the history goes before the buttons, so they stay last
		int at = blocks.isEmpty() || !(blocks.get(blocks.size() - 1) instanceof dev.steward.conversation.Block.Actions)
				? blocks.size() : blocks.size() - 1;
		blocks.add(at, new dev.steward.conversation.Block.Text(lines.toString()));
		return new Message(card.fallback(), blocks);
	}

	private String entry(Caller reader, Feedback item, FeedbackEntry entry) {
		var actor = entry.actorName() != null ? entry.actorName()
				: Feedback.STEWARD.equals(entry.actorId()) ? texts.get(reader, "feedback.steward")
						: directory.name(entry.actorId());
		var person = entry.personId() == null ? "—" : directory.name(entry.personId());
		return switch (entry.action()) {
			case RECORDED -> texts.get(reader, "feedback.history.recorded", actor);
			case ASSIGNED -> texts.get(reader, "feedback.history.assigned", actor, person);
			case REASSIGNED -> texts.get(reader, "feedback.history.reassigned", actor, person);
			case PROPOSED -> texts.get(reader, "feedback.history.proposed", actor);
			case ANSWERED -> texts.get(reader, "feedback.history.answered", actor);
			case CLOSED -> texts.get(reader, "feedback.history.closed", actor);
			case REMINDED -> texts.get(reader, "feedback.history.reminded", person);
			case ESCALATED -> texts.get(reader, "feedback.history.escalated", person);
		};
	}

	/** One line of a list: {@code #12 · P-2026-0001 · Acme · Quality · 🔴 high · assigned (Sun Li) · due …}. */
	String line(Caller reader, Feedback item) {
		var owner = item.ownerId() == null ? "" : " (" + directory.name(item.ownerId()) + ")";
		var due = item.open() ? " · " + texts.get(reader, "feedback.line.due", texts.when(reader, item.dueAt())) : "";
		var summary = item.summary().length() > 80 ? item.summary().substring(0, 79) + "…" : item.summary();
		return "*#" + item.id() + "* · " + item.projectCode() + " · " + client(reader, item) + " · "
				+ category(reader, item.category()) + " · " + severity(reader, item.severity()) + " · "
				+ status(reader, item.status()) + owner + due + "\n" + summary.replace("\n", " ");
	}

	String title(Caller reader, Feedback item) {
		return texts.get(reader, "feedback.card.title", item.id(), item.projectCode());
	}

	/** Who recorded it, as people read it: a team member's name, or "Joanna (Initech)". */
	String recorder(Feedback item) {
		return item.contactName() != null ? item.contactName() : directory.name(item.recordedBy());
	}

	String client(Caller reader, Feedback item) {
		return feedback.clientName(item).orElse("—");
	}

	/** A category's words; one the configuration added without words reads as its id. */
	String category(Caller reader, String id) {
		return texts.named(reader.locale(), "feedback.category." + id, id);
	}

	String severity(Caller reader, Severity severity) {
		return switch (severity) {
			case HIGH -> texts.get(reader, "feedback.severity.high");
			case MEDIUM -> texts.get(reader, "feedback.severity.medium");
			case LOW -> texts.get(reader, "feedback.severity.low");
		};
	}

	String status(Caller reader, Status status) {
		return switch (status) {
			case OPEN -> texts.get(reader, "feedback.status.open");
			case ASSIGNED -> texts.get(reader, "feedback.status.assigned");
			case PROPOSED -> texts.get(reader, "feedback.status.proposed");
			case ANSWERED -> texts.get(reader, "feedback.status.answered");
			case CLOSED -> texts.get(reader, "feedback.status.closed");
		};
	}

	/** A step's words, as its button says them. */
	String step(Caller reader, Step step) {
		return switch (step) {
			case ASSIGN -> texts.get(reader, "feedback.step.assign");
			case REASSIGN -> texts.get(reader, "feedback.step.reassign");
			case PROPOSE -> texts.get(reader, "feedback.step.propose");
			case ANSWER -> texts.get(reader, "feedback.step.answer");
			case CLOSE -> texts.get(reader, "feedback.step.close");
		};
	}

	/** A person's name, as the directory has it. */
	String name(String personId) {
		return directory.name(personId);
	}

	String when(Caller reader, Instant at) {
		return texts.when(reader, at);
	}

}
