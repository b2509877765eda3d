package dev.steward.client.chat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.steward.client.CommunicationPlan;
import dev.steward.client.ContactChannel;
import dev.steward.client.PlanEntry;
import dev.steward.client.PlanManagement;
import dev.steward.client.PlanScope;
import dev.steward.client.chat.PlanInteractions.Edit;
import dev.steward.client.chat.PlanInteractions.Log;
import dev.steward.conversation.Block.Field;
import dev.steward.conversation.Button;
import dev.steward.conversation.Caller;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Message;
import dev.steward.conversation.Texts;
import dev.steward.directory.DirectoryManagement;

/** How communication plans read in chat: a plan, a line of a list, a reminder and how it was logged. */
@Component
class PlanViews {

	/** Contacts a plan's card shows, newest first. */
	static final int RECENT = 5;

	private final PlanManagement plans;

	private final DirectoryManagement directory;

	private final Texts texts;

	PlanViews(PlanManagement plans, DirectoryManagement directory, Texts texts) {
		this.plans = plans;
		this.directory = directory;
		this.texts = texts;
	}

	/** The key of the reminder of one due contact: {@code client-plan:<plan>:<due>}. */
	static String reminderKey(long planId, LocalDate due) {
		return "client-plan:" + planId + ":" + due;
	}

	String channel(Locale locale, ContactChannel channel) {
		return switch (channel) {
			case MEETING -> texts.get(locale, "client.plan.channel.meeting");
			case CALL -> texts.get(locale, "client.plan.channel.call");
			case EMAIL -> texts.get(locale, "client.plan.channel.email");
			case CHAT -> texts.get(locale, "client.plan.channel.chat");
		};
	}

	/** What a plan is for: {@code P-2026-0001 (Acme)}, or the client's name. */
	String where(Locale locale, PlanScope scope) {
		return scope.ofProject() ? texts.get(locale, "client.plan.where.project", scope.projectCode(), scope.clientName())
				: texts.get(locale, "client.plan.where.client", scope.clientName());
	}

	/** One line: {@code #3 *Monthly steering* · Acme · meeting · every 30 days · Zhang Wei · due 2026-10-08}. */
	String line(Caller reader, CommunicationPlan plan, LocalDate today) {
		var line = new StringBuilder("• *#").append(plan.id()).append(' ').append(plan.goal()).append("* · ")
			.append(where(reader.locale(), plans.scopeOf(plan))).append(" · ").append(channel(reader.locale(), plan.channel()))
			.append(" · ").append(texts.get(reader, "client.plan.every", plan.everyDays())).append(" · ")
			.append(directory.name(plan.ownerId())).append(" · ");
		if (!plan.active()) {
			line.append(texts.get(reader, "client.plan.stopped"));
		}
		else {
			line.append(texts.get(reader, "client.plan.due", plan.nextDue().toString()));
			if (plan.overdue(today)) {
				line.append(" ⚠️ ").append(texts.get(reader, "client.plan.overdue"));
			}
		}
		return line.toString();
	}

	/** A whole plan: what it is, when the next contact is due, the last contacts, and its buttons. */
	Message card(Caller reader, CommunicationPlan plan) {
		var title = texts.get(reader, "client.plan.show.title", String.valueOf(plan.id()), plan.goal());
		var builder = Message.builder(title).header(title).fields(fields(reader, plan));
		var fields = new ArrayList<Field>();
		fields.add(new Field(texts.get(reader, "client.plan.field.next"),
				plan.active() ? plan.nextDue().toString() : texts.get(reader, "client.plan.stopped")));
		fields.add(new Field(texts.get(reader, "client.plan.field.last"), plan.lastContactAt() == null
				? texts.get(reader, "client.plan.never")
				: texts.get(reader, "client.plan.last", texts.date(reader, plan.lastContactAt()),
						directory.name(plan.lastContactBy()))));
		builder.fields(fields);
		builder.text("*" + texts.get(reader, "client.plan.field.content") + "*\n" + plan.content());
		var logged = plan.history().stream().filter(entry -> entry.action() == PlanEntry.Action.LOGGED).toList();
		if (!logged.isEmpty()) {
			var lines = new StringBuilder("*" + texts.get(reader, "client.plan.show.contacts") + "*");
			for (int i = logged.size() - 1; i >= Math.max(0, logged.size() - RECENT); i--) {
				lines.append("\n• ").append(contact(reader, logged.get(i)));
			}
			builder.text(lines.toString());
		}
		if (plan.active()) {
			builder.actions(List.of(
					Button.primary(texts.get(reader, "client.plan.button.log"), InteractionId.of(new Log(plan.id(), plan.nextDue()))),
					Button.of(texts.get(reader, "client.plan.button.edit"), InteractionId.of(new Edit(plan.id())))));
		}
		builder.context(texts.get(reader, "client.plan.show.confidential"));
		return builder.build();
	}

	private List<Field> fields(Caller reader, CommunicationPlan plan) {
		return List.of(new Field(texts.get(reader, "client.plan.field.for"), where(reader.locale(), plans.scopeOf(plan))),
				new Field(texts.get(reader, "client.plan.field.channel"), channel(reader.locale(), plan.channel())),
				new Field(texts.get(reader, "client.plan.field.every"), texts.get(reader, "client.plan.every", plan.everyDays())),
				new Field(texts.get(reader, "client.plan.field.owner"), directory.name(plan.ownerId())));
	}

	/** A person's name as the directory has it. */
	String name(String personId) {
		return directory.name(personId);
	}

	/** A logged contact: {@code 2026-10-08 · Zhang Wei: agreed the scope}. */
	private String contact(Caller reader, PlanEntry entry) {
		return texts.date(reader, entry.at()) + " · " + directory.name(entry.actorId())
				+ (entry.note() == null ? "" : ": " + entry.note());
	}

	/**
	 * The owner's reminder of a contact due, with "Logged"; once logged, who logged it, when and the
	 * note, without the button.
	 */
	Message reminder(Caller reader, CommunicationPlan plan, LocalDate due) {
		var title = texts.get(reader, "client.plan.reminder.title", plan.goal());
		var builder = Message.builder(title)
			.header(title)
			.fields(fields(reader, plan))
			.fields(List.of(new Field(texts.get(reader, "client.plan.field.due"), due.toString())))
			.text("*" + texts.get(reader, "client.plan.field.content") + "*\n" + plan.content());
		var log = plan.logOf(due);
		if (log.isPresent()) {
			var entry = log.get();
			builder.context("✅ " + texts.get(reader, "client.plan.reminder.logged", directory.name(entry.actorId()),
					texts.when(reader, entry.at()))
					+ (entry.note() == null ? "" : "\n" + texts.get(reader, "client.plan.reminder.note", entry.note())));
		}
		else if (!plan.active()) {
			builder.context(texts.get(reader, "client.plan.reminder.stopped"));
		}
		else {
			builder.actions(List.of(Button.primary(texts.get(reader, "client.plan.button.logged"),
					InteractionId.of(new Log(plan.id(), due)))));
			builder.context(texts.get(reader, "client.plan.reminder.hint", plan.everyDays()));
		}
		return builder.build();
	}

}
