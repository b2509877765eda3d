package dev.steward.client.chat;

import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.steward.client.Feedback;
import dev.steward.client.FeedbackEvents.AnswerRecorded;
import dev.steward.client.FeedbackEvents.ClientMonth;
import dev.steward.client.FeedbackEvents.FeedbackAssigned;
import dev.steward.client.FeedbackEvents.FeedbackClosed;
import dev.steward.client.FeedbackEvents.FeedbackEscalated;
import dev.steward.client.FeedbackEvents.FeedbackRecorded;
import dev.steward.client.FeedbackEvents.FeedbackReminded;
import dev.steward.client.FeedbackEvents.MonthlySummary;
import dev.steward.client.FeedbackEvents.SolutionProposed;
import dev.steward.client.FeedbackManagement;
import dev.steward.conversation.Caller;
import dev.steward.conversation.Message;
import dev.steward.conversation.Outbox;
import dev.steward.conversation.Recipients;
import dev.steward.conversation.Texts;

/**
 * Turns client feedback's events into messages, each in its reader's language, in the transaction
 * of the change: the item's card to the project manager when it is recorded and to its owner when
 * assigned, reminders and escalations of items past their deadline, management's monthly summary.
 * Each step rewrites every card of the item in place, so the buttons always offer the next step.
 */
@Component
class FeedbackMessages {

	private final FeedbackManagement feedback;

	private final FeedbackViews views;

	private final Outbox outbox;

	private final Recipients recipients;

	private final Texts texts;

	FeedbackMessages(FeedbackManagement feedback, FeedbackViews views, Outbox outbox, Recipients recipients,
			Texts texts) {
		this.feedback = feedback;
		this.views = views;
		this.outbox = outbox;
		this.recipients = recipients;
		this.texts = texts;
	}

	/** The key of one person's card of an item: {@code feedback:<id>:<person>}. */
	static String cardKey(long feedbackId, String personId) {
		return "feedback:" + feedbackId + ":" + personId;
	}

	@EventListener
	void on(FeedbackRecorded recorded) {
		if (recorded.managerId() == null) {
			return;
		}
		var item = feedback.find(recorded.feedbackId()).orElseThrow();
		var reader = recipients.of(recorded.managerId());
		var intro = texts.get(reader, "feedback.card.new", views.recorder(item), item.projectCode());
		outbox.toPerson(recorded.managerId(), views.card(reader, item, intro), cardKey(item.id(), recorded.managerId()));
	}

	@EventListener
	void on(FeedbackAssigned assigned) {
		var item = feedback.find(assigned.feedbackId()).orElseThrow();
		var reader = recipients.of(assigned.ownerId());
		var intro = texts.get(reader, "feedback.card.yours", views.name(assigned.actorId()));
		refresh(item, Set.of(assigned.ownerId()));
		var card = views.card(reader, item, intro);
		if (heldCard(item, assigned.ownerId())) {
			// the manager who takes it on, or an earlier owner again: their card says so, in place
			outbox.update(cardKey(item.id(), assigned.ownerId()), card);
		}
		else {
			outbox.toPerson(assigned.ownerId(), card, cardKey(item.id(), assigned.ownerId()));
		}
	}

	/** Whether the person held the item's card before its latest step gave it to them. */
	private static boolean heldCard(Feedback item, String personId) {
		var history = item.history();
		return history.subList(0, history.size() - 1).stream().anyMatch(entry -> personId.equals(entry.personId()));
	}

	@EventListener
	void on(SolutionProposed proposed) {
		refresh(feedback.find(proposed.feedbackId()).orElseThrow(), Set.of());
	}

	@EventListener
	void on(AnswerRecorded answered) {
		refresh(feedback.find(answered.feedbackId()).orElseThrow(), Set.of());
	}

	@EventListener
	void on(FeedbackClosed closed) {
		refresh(feedback.find(closed.feedbackId()).orElseThrow(), Set.of());
	}

	/** Rewrites every card of the item as it now stands, each in its reader's language. */
	private void refresh(Feedback item, Set<String> except) {
		for (var person : item.cardReaders()) {
			if (!except.contains(person)) {
				outbox.update(cardKey(item.id(), person), views.card(recipients.of(person), item, null));
			}
		}
	}

	@EventListener
	void on(FeedbackReminded reminded) {
		var item = feedback.find(reminded.feedbackId()).orElseThrow();
		var reader = recipients.of(reminded.toId());
		var intro = texts.get(reader, "feedback.card.late", views.when(reader, item.dueAt()),
				views.step(reader, item.next().orElseThrow()));
		outbox.toPerson(reminded.toId(), views.card(reader, item, intro), cardKey(item.id(), reminded.toId()));
	}

	@EventListener
	void on(FeedbackEscalated escalated) {
		var item = feedback.find(escalated.feedbackId()).orElseThrow();
		for (var person : escalated.toIds()) {
			var reader = recipients.of(person);
			var owner = item.ownerId() == null ? "—" : views.name(item.ownerId());
			var intro = texts.get(reader, "feedback.card.escalated", views.when(reader, item.dueAt()), owner,
					views.step(reader, item.next().orElseThrow()));
			outbox.toPerson(person, views.card(reader, item, intro), cardKey(item.id(), person));
		}
	}

	@EventListener
	void on(MonthlySummary summary) {
		for (var person : summary.recipientIds()) {
			var reader = recipients.of(person);
			outbox.toPerson(person, summary(reader, summary), null);
		}
	}

	/** Management's month: a paragraph a client, its recurring categories first (§5.2.3, 共性问题). */
	private Message summary(Caller reader, MonthlySummary summary) {
		var title = texts.get(reader, "feedback.summary.title", summary.month().toString());
		var builder = Message.builder(title).header(title);
		if (summary.clients().isEmpty()) {
			return builder.text(texts.get(reader, "feedback.summary.none")).build();
		}
		int received = summary.clients().stream().mapToInt(ClientMonth::received).sum();
		int open = summary.clients().stream().mapToInt(ClientMonth::open).sum();
		builder.text(texts.get(reader, "feedback.summary.total", received, summary.clients().size(), open));
		for (var client : summary.clients()) {
			var name = client.clientName() == null ? texts.get(reader, "feedback.summary.no-client") : client.clientName();
			var text = new StringBuilder("*" + name + "* · "
					+ texts.get(reader, "feedback.summary.client", client.received(), client.closed(), client.open()));
			var recurring = client.recurring();
			if (!recurring.isEmpty()) {
				var words = new StringBuilder();
				recurring.forEach(count -> words.append(words.length() == 0 ? "" : ", ")
					.append(views.category(reader, count.category())).append(" ×").append(count.count()));
				text.append("\n⚠️ ").append(texts.get(reader, "feedback.summary.recurring", words.toString()));
			}
			var all = new StringBuilder();
			client.categories().forEach(count -> all.append(all.length() == 0 ? "" : " · ")
				.append(views.category(reader, count.category())).append(' ').append(count.count()));
			text.append("\n").append(all);
			builder.divider().text(text.toString());
		}
		return builder.context(texts.get(reader, "feedback.summary.hint")).build();
	}

}
