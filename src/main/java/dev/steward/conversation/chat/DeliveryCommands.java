package dev.steward.conversation.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.ActionHandler;
import dev.steward.conversation.Button;
import dev.steward.conversation.Caller;
import dev.steward.conversation.ChatCommands;
import dev.steward.conversation.CommandRequest;
import dev.steward.conversation.CommandSpec;
import dev.steward.conversation.DeadLetters;
import dev.steward.conversation.DeadLetters.DeadLetter;
import dev.steward.conversation.Interaction;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Message;
import dev.steward.conversation.Refusal;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;

/**
 * {@code /steward deliveries} (admins): the messages Steward gave up delivering, newest first, each
 * with Retry and Drop. The list is the admin's alone and changes in place after each click, with a
 * line saying what was done; someone else's click first is told, not repeated.
 */
@Component
class DeliveryCommands implements ChatCommands {

	/** Retry on one dead letter. */
	@Interaction("delivery-retry")
	record Retry(long id) {
	}

	/** Drop on one dead letter. */
	@Interaction("delivery-drop")
	record Drop(long id) {
	}

	/** Most dead letters one list shows: each has a row of buttons, and Discord allows five rows. */
	static final int SHOWN = 5;

	private final DeadLetters deadLetters;

	private final Texts texts;

	DeliveryCommands(DeadLetters deadLetters, Texts texts) {
		this.deadLetters = deadLetters;
		this.texts = texts;
	}

	@Override
	public List<CommandSpec> commands() {
		return List.of(new CommandSpec("steward", "deliveries", "steward.deliveries.description", this::list)
			.allow(Who.ADMIN));
	}

	private Reply list(CommandRequest request) {
		var caller = request.caller();
		requireAdmin(caller);
		return Reply.say(list(caller, null));
	}

	/** The Retry buttons. */
	@Component
	static class Retrying implements ActionHandler<Retry> {

		private final DeliveryCommands commands;

		Retrying(DeliveryCommands commands) {
			this.commands = commands;
		}

		@Override
		public Access access() {
			return Access.of(Who.ADMIN);
		}

		@Override
		public Reply handle(ActionRequest<Retry> request) {
			long id = request.args().id();
			return commands.act(request.caller(), id, by -> commands.deadLetters.retry(id, by), "steward.deliveries.retried");
		}

	}

	/** The Drop buttons. */
	@Component
	static class Dropping implements ActionHandler<Drop> {

		private final DeliveryCommands commands;

		Dropping(DeliveryCommands commands) {
			this.commands = commands;
		}

		@Override
		public Access access() {
			return Access.of(Who.ADMIN);
		}

		@Override
		public Reply handle(ActionRequest<Drop> request) {
			long id = request.args().id();
			return commands.act(request.caller(), id, by -> commands.deadLetters.drop(id, by), "steward.deliveries.dropped");
		}

	}

	/**
	 * An admin's Retry or Drop on one dead letter: the list again, in place, saying what was done, or
	 * that someone else's click came first.
	 */
	private Reply act(Caller caller, long id, java.util.function.Predicate<String> action, String doneKey) {
		requireAdmin(caller);
		var done = action.test(caller.personId()) ? texts.get(caller, doneKey, number(id))
				: texts.get(caller, "steward.deliveries.gone", number(id));
		return Reply.replace(list(caller, done));
	}

	private void requireAdmin(Caller caller) {
		if (!caller.isAdmin()) {
			throw new Refusal(texts.get(caller, "steward.deliveries.admins-only"));
		}
	}

	/** The list as it stands now, under what was just done (if anything). */
	private Message list(Caller caller, String done) {
		var page = deadLetters.newest(SHOWN);
		var title = texts.get(caller, "steward.deliveries.title", page.total());
		var builder = Message.builder(done == null ? title : done + " " + title);
		if (done != null) {
			builder.context(done);
		}
		builder.header(title);
		if (page.letters().isEmpty()) {
			builder.text(texts.get(caller, "steward.deliveries.none"));
			return builder.build();
		}
		builder.context(texts.get(caller, "steward.deliveries.intro"));
		for (var letter : page.letters()) {
			builder.divider();
			builder.text(describe(caller, letter));
			var id = number(letter.id());
			builder.actions(List.of(
					Button.primary(texts.get(caller, "steward.deliveries.retry", id),
							InteractionId.of(new Retry(letter.id()))),
					Button.danger(texts.get(caller, "steward.deliveries.drop", id), InteractionId.of(new Drop(letter.id())))));
		}
		if (page.more() > 0) {
			builder.context(texts.get(caller, "steward.deliveries.more", page.more()));
		}
		return builder.build();
	}

	/** One dead letter: what, where to, when, how often tried, why it failed. */
	private String describe(Caller caller, DeadLetter letter) {
		var lines = new ArrayList<String>();
		lines.add("*#" + number(letter.id()) + "* · " + door(caller.locale(), letter.door()) + " · " + where(caller, letter)
				+ (letter.update() ? " · " + texts.get(caller, "steward.deliveries.update") : ""));
		lines.add(texts.get(caller, "steward.deliveries.when", texts.when(caller, letter.createdAt()),
				texts.when(caller, letter.givenUpAt()), letter.attempts()));
		if (!letter.preview().isEmpty()) {
			lines.add("“" + letter.preview() + "”");
		}
		lines.add(texts.get(caller, "steward.deliveries.error", letter.lastError() == null ? "—"
				: "`" + letter.lastError().replace('`', '\'').replaceAll("\\s+", " ") + "`"));
		if (letter.followers() > 0) {
			lines.add(texts.get(caller, "steward.deliveries.followers", letter.followers()));
		}
		return String.join("\n", lines);
	}

	/**
	 * A channel, or a person's direct messages, by the platform's id (the list asks no platform and
	 * nobody else anything, so it comes at once whatever the platforms are doing).
	 */
	private String where(Caller caller, DeadLetter letter) {
		return texts.get(caller, letter.direct() ? "steward.deliveries.direct" : "steward.deliveries.channel",
				"`" + letter.address() + "`");
	}

	private String door(Locale locale, String door) {
		// the platforms' names are the same in every language; the playground is Steward's own
		return switch (door) {
			case "slack" -> "Slack";
			case "discord" -> "Discord";
			case "playground" -> texts.get(locale, "steward.deliveries.door.playground");
			default -> door;
		};
	}

	/** An outbox id as people read it: {@code #1234}, never grouped like an amount. */
	private static String number(long id) {
		return String.valueOf(id);
	}

}
