package dev.steward.client.chat;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.steward.client.PlanEvents.ContactDue;
import dev.steward.client.PlanEvents.ContactLogged;
import dev.steward.client.PlanEvents.PlanAdded;
import dev.steward.client.PlanEvents.PlanStopped;
import dev.steward.client.PlanManagement;
import dev.steward.conversation.Message;
import dev.steward.conversation.Outbox;
import dev.steward.conversation.Recipients;
import dev.steward.conversation.Texts;
import dev.steward.directory.DirectoryManagement;

/**
 * Turns the plans' events into messages, in the owner's language, in the transaction of the change:
 * the reminder of a contact due (with "Logged"), rewritten in place once it is logged or the plan
 * stops; a word to a new plan's owner when someone else made it.
 */
@Component
class PlanMessages {

	private final PlanManagement plans;

	private final PlanViews views;

	private final Outbox outbox;

	private final Recipients recipients;

	private final DirectoryManagement directory;

	private final Texts texts;

	PlanMessages(PlanManagement plans, PlanViews views, Outbox outbox, Recipients recipients,
			DirectoryManagement directory, Texts texts) {
		this.plans = plans;
		this.views = views;
		this.outbox = outbox;
		this.recipients = recipients;
		this.directory = directory;
		this.texts = texts;
	}

	@EventListener
	void on(ContactDue due) {
		var plan = plans.find(due.planId()).orElseThrow();
		outbox.toPerson(due.ownerId(), views.reminder(recipients.of(due.ownerId()), plan, due.due()),
				PlanViews.reminderKey(plan.id(), due.due()));
	}

	@EventListener
	void on(ContactLogged logged) {
		var plan = plans.find(logged.planId()).orElseThrow();
		outbox.update(PlanViews.reminderKey(plan.id(), logged.due()),
				views.reminder(recipients.of(plan.ownerId()), plan, logged.due()));
	}

	@EventListener
	void on(PlanStopped stopped) {
		var plan = plans.find(stopped.planId()).orElseThrow();
		outbox.update(PlanViews.reminderKey(plan.id(), plan.nextDue()),
				views.reminder(recipients.of(plan.ownerId()), plan, plan.nextDue()));
	}

	@EventListener
	void on(PlanAdded added) {
		if (added.ownerId().equals(added.actorId())) {
			return;
		}
		var reader = recipients.of(added.ownerId());
		var plan = plans.find(added.planId()).orElseThrow();
		var card = views.card(reader, plan);
		var text = texts.get(reader, "client.plan.owner-told", directory.name(added.actorId()), String.valueOf(plan.id()), plan.goal());
		var message = Message.builder(text).text(text);
		card.blocks().forEach(message::block);
		outbox.toPerson(added.ownerId(), message.build(), null);
	}

}
