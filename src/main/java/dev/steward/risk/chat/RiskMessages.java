package dev.steward.risk.chat;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.steward.conversation.Caller;
import dev.steward.conversation.Message;
import dev.steward.conversation.Outbox;
import dev.steward.conversation.Recipients;
import dev.steward.conversation.Texts;
import dev.steward.directory.DirectoryManagement;
import dev.steward.risk.Risk;
import dev.steward.risk.RiskEntry;
import dev.steward.risk.RiskEvents.DigestReady;
import dev.steward.risk.RiskEvents.EarlyWarning;
import dev.steward.risk.RiskEvents.OwnerChanged;
import dev.steward.risk.RiskEvents.ReviewEscalated;
import dev.steward.risk.RiskEvents.ReviewReminded;
import dev.steward.risk.RiskEvents.ReviewsDue;
import dev.steward.risk.RiskEvents.RiskEscalatedByOwner;
import dev.steward.risk.RiskEvents.RiskRegistered;
import dev.steward.risk.RiskEvents.RiskReviewed;
import dev.steward.risk.RiskManagement;

/**
 * Turns the register's events into messages, each in its reader's language, in the transaction of
 * the change: an owner's due reviews (a message a handful of risks), reminders and escalations of
 * reviews past their deadline, early warnings, the weekly digest. A review answered updates every
 * message that offered it, in place.
 */
@Component
class RiskMessages {

	private final RiskManagement risks;

	private final RiskViews views;

	private final Outbox outbox;

	private final Recipients recipients;

	private final DirectoryManagement directory;

	private final Texts texts;

	RiskMessages(RiskManagement risks, RiskViews views, Outbox outbox, Recipients recipients,
			DirectoryManagement directory, Texts texts) {
		this.risks = risks;
		this.views = views;
		this.outbox = outbox;
		this.recipients = recipients;
		this.directory = directory;
		this.texts = texts;
	}

	/** The key of a message that carries one review round to one person, besides the owner's card. */
	static String followUpKey(long riskId, int round, String personId) {
		return "risk-review:" + riskId + ":" + round + ":" + personId;
	}

	/** Everyone a review round went to besides the owner's card: the owner, and those it went up to. */
	private static java.util.Set<String> followedUpBy(Risk risk, int round) {
		var people = new java.util.LinkedHashSet<String>();
		people.add(risk.ownerId());
		risk.history()
			.stream()
			.filter(entry -> entry.round() == round && entry.comment() != null
					&& (entry.action() == RiskEntry.Action.REMINDED || entry.action() == RiskEntry.Action.REVIEW_ESCALATED))
			.forEach(entry -> people.addAll(List.of(entry.comment().split(","))));
		return people;
	}

	/** A card of an owner's due reviews, written from what the run read, not loaded again. */
	@EventListener
	void on(ReviewsDue due) {
		var reader = recipients.of(due.ownerId());
		var card = due.card();
		var builder = cardTop(reader, card.reviews().size());
		for (var review : card.reviews()) {
			builder.divider();
			views.waitingRow(builder, reader, review);
		}
		outbox.toPerson(due.ownerId(), builder.build(), card.key());
	}

	/**
	 * One message of due reviews, as it stands: each risk with its buttons, or how its review was
	 * answered. A risk keeps its card until its next review, so its round is the card's.
	 */
	private Message card(Caller reader, String key) {
		var onCard = risks.onCard(key);
		var builder = cardTop(reader, onCard.size());
		for (var risk : onCard) {
			builder.divider();
			views.reviewRow(builder, reader, risk, risk.reviewRound());
		}
		return builder.build();
	}

	/** A card's title and how to answer it, before its rows. */
	private Message.Builder cardTop(Caller reader, int risks) {
		var title = texts.get(reader, "risk.reviews.title", risks);
		return Message.builder(title).header(title).context(texts.get(reader, "risk.reviews.intro"));
	}

	@EventListener
	void on(RiskReviewed reviewed) {
		var risk = risks.find(reviewed.riskId()).orElseThrow();
		var reader = recipients.of(risk.ownerId());
		if (reviewed.cardKey() != null) {
			outbox.update(reviewed.cardKey(), card(reader, reviewed.cardKey()));
		}
		for (var person : followedUpBy(risk, reviewed.round())) {
			outbox.update(followUpKey(risk.id(), reviewed.round(), person),
					single(recipients.of(person), risk, reviewed.round(), "risk.review.title"));
		}
	}

	/** A message of one review: the risk, and its buttons while the round waits. */
	private Message single(Caller reader, Risk risk, int round, String titleKey) {
		var title = texts.get(reader, titleKey, risk.id(), risk.title());
		var builder = Message.builder(title).header(title);
		views.reviewRow(builder, reader, risk, round);
		return builder.build();
	}

	@EventListener
	void on(ReviewReminded reminded) {
		var risk = risks.find(reminded.riskId()).orElseThrow();
		var reader = recipients.of(reminded.ownerId());
		var title = texts.get(reader, "risk.remind.title", risk.id(), risk.title());
		var builder = Message.builder(title).header(title)
			.text(texts.get(reader, "risk.remind.text", texts.when(reader, risk.reviewDueAt())));
		views.reviewRow(builder, reader, risk, reminded.round());
		outbox.toPerson(reminded.ownerId(), builder.build(),
				followUpKey(risk.id(), reminded.round(), reminded.ownerId()));
	}

	@EventListener
	void on(ReviewEscalated escalated) {
		var risk = risks.find(escalated.riskId()).orElseThrow();
		for (var person : escalated.toIds()) {
			var reader = recipients.of(person);
			var title = texts.get(reader, "risk.escalated.title", risk.id(), risk.title());
			var builder = Message.builder(title).header(title)
				.text(texts.get(reader, "risk.escalated.text", views.names(List.of(escalated.ownerId())),
						texts.when(reader, risk.reviewDueAt())));
			views.reviewRow(builder, reader, risk, escalated.round());
			outbox.toPerson(person, builder.build(), followUpKey(risk.id(), escalated.round(), person));
		}
	}

	@EventListener
	void on(RiskEscalatedByOwner escalated) {
		var risk = risks.find(escalated.riskId()).orElseThrow();
		for (var person : escalated.toIds()) {
			var reader = recipients.of(person);
			var title = texts.get(reader, "risk.flagged.title", risk.id(), risk.title());
			outbox.toPerson(person, Message.builder(title)
				.header(title)
				.text(texts.get(reader, "risk.flagged.text", views.actor(reader, escalated.actorId())))
				.text(views.line(reader, risk))
				.build(), null);
		}
	}

	@EventListener
	void on(EarlyWarning warning) {
		var risk = risks.find(warning.riskId()).orElseThrow();
		for (var person : warning.recipientIds()) {
			var reader = recipients.of(person);
			var by = views.actor(reader, warning.actorId());
			var what = switch (warning.trigger()) {
				case NEW_HIGH -> texts.get(reader, "risk.warning.new-high", by, views.badge(reader, warning.toLevel()),
						warning.toScore());
				case LEVEL_ROSE -> texts.get(reader, "risk.warning.rose", by, views.badge(reader, warning.fromLevel()),
						views.badge(reader, warning.toLevel()), warning.fromScore(), warning.toScore());
				case REVIEW_WORSE -> texts.get(reader, "risk.warning.worse", by, warning.fromScore(), warning.toScore(),
						views.badge(reader, warning.toLevel()));
			};
			var title = texts.get(reader, "risk.warning.title", risk.id(), risk.title(), views.where(reader, risk));
			outbox.toPerson(person, Message.builder(title + ": " + what)
				.header(title)
				.text(what)
				.text(views.line(reader, risk))
				.context(texts.get(reader, "risk.warning.show", risk.id()))
				.build(), null);
		}
	}

	@EventListener
	void on(RiskRegistered registered) {
		if (registered.ownerId().equals(registered.actorId())) {
			return;
		}
		var risk = risks.find(registered.riskId()).orElseThrow();
		var reader = recipients.of(registered.ownerId());
		var text = texts.get(reader, "risk.owner.yours", views.actor(reader, registered.actorId()), risk.id(),
				risk.title(), views.where(reader, risk));
		outbox.toPerson(registered.ownerId(), Message.builder(text).text(text).text(views.line(reader, risk)).build(), null);
	}

	@EventListener
	void on(OwnerChanged changed) {
		var risk = risks.find(changed.riskId()).orElseThrow();
		var reader = recipients.of(changed.toId());
		var text = texts.get(reader, "risk.owner.yours", views.actor(reader, changed.actorId()), risk.id(), risk.title(),
				views.where(reader, risk));
		var builder = Message.builder(text).text(text).text(views.line(reader, risk));
		if (risk.awaitingReview()) {
			views.reviewRow(builder, reader, risk, risk.reviewRound());
			outbox.toPerson(changed.toId(), builder.build(), followUpKey(risk.id(), risk.reviewRound(), changed.toId()));
		}
		else {
			outbox.toPerson(changed.toId(), builder.build(), null);
		}
	}

	@EventListener
	void on(DigestReady digest) {
		var reader = recipients.of(digest.headId());
		var title = texts.get(reader, "risk.digest.title", directory.departmentName(digest.departmentId(),
				reader.locale()), views.date(reader, digest.since().atZone(reader.zone()).toLocalDate()));
		var builder = Message.builder(title).header(title);
		section(builder, reader, "risk.digest.new", digest.added());
		section(builder, reader, "risk.digest.rising", digest.rising());
		section(builder, reader, "risk.digest.overdue", digest.overdue());
		section(builder, reader, "risk.digest.closed", digest.closed());
		outbox.toPerson(digest.headId(), builder.build(), null);
	}

	private void section(Message.Builder builder, Caller reader, String key, List<Long> ids) {
		var text = new StringBuilder("*" + texts.get(reader, key, ids.size()) + "*");
		if (ids.isEmpty()) {
			text.append("\n").append(texts.get(reader, "risk.digest.nothing"));
		}
		ids.stream().limit(20).forEach(id -> risks.find(id).ifPresent(risk -> text.append("\n").append(views.line(reader, risk))));
		if (ids.size() > 20) {
			text.append("\n").append(texts.get(reader, "risk.digest.more", ids.size() - 20));
		}
		builder.text(text.toString());
	}

}
