package dev.steward.discord;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import net.dv8tion.jda.api.components.Component.Type;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.components.ComponentInteraction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

import dev.steward.conversation.Actor;
import dev.steward.conversation.Button;
import dev.steward.conversation.Caller;
import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.ChatAction;
import dev.steward.conversation.ChatCommand;
import dev.steward.conversation.FormSpec;
import dev.steward.conversation.FormSubmission;
import dev.steward.conversation.FormView;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Message;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.conversation.spi.CallerDirectory;
import dev.steward.conversation.spi.ChatGateway;

/**
 * Turns Discord interactions into the kernel's neutral ones and answers with the kernel's reply.
 * The work runs on the door's own threads, never JDA's event thread; an interaction that takes longer
 * than the acknowledgement budget is deferred (Discord allows three seconds) and answered through its
 * hook. A modal cannot open a modal, so between pages of a long form the person gets a Continue button
 * that opens the next page; errors come back as an ephemeral list with a button that reopens the page
 * with what was typed. Who may click what is the kernel's decision.
 */
@Component
@ConditionalOnDiscord
class DiscordInteractions extends ListenerAdapter implements DisposableBean {

	static final String DOOR = "discord";

	/** Handler name of the door's own button that opens a form page: {@code discord-form:SESSION:PAGE}. */
	static final String FORM = "discord-form";

	/** Discord's limit for an autocomplete choice's name and value. */
	private static final int CHOICE_TEXT = 100;

	/** How many open forms the door remembers labels and unsaved values for. */
	private static final int REMEMBERED = 500;

	private static final Logger log = LoggerFactory.getLogger(DiscordInteractions.class);

	private final ChatGateway gateway;

	private final CallerDirectory directory;

	private final DiscordCommands commands;

	private final Texts texts;

	private final ExecutorService workers;

	private final ScheduledExecutorService timers;

	private volatile java.time.Duration ackBudget;

	private final Map<String, String> roles;

	/** Each open form's spec, for the labels of its errors (a modal submission carries only ids). */
	private final Map<String, FormSpec> specs = lru();

	/** What was typed on a page the kernel refused, by {@code session:page}, so reopening keeps it. */
	private final Map<String, Map<String, String>> drafts = lru();

	private final MeterRegistry meters;

	DiscordInteractions(ChatGateway gateway, CallerDirectory directory, DiscordCommands commands, Texts texts,
			DiscordProperties properties, MeterRegistry meters) {
		this.meters = meters;
		this.gateway = gateway;
		this.directory = directory;
		this.commands = commands;
		this.texts = texts;
		this.ackBudget = properties.ackBudget();
		this.roles = properties.roles();
		var count = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(4, runnable -> daemon(runnable, "discord-" + count.incrementAndGet()));
		this.timers = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "discord-ack"));
	}

	@Override
	public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
		var actor = actor(event);
		var channel = channel(event);
		var text = commandText(event);
		handle(event, actor, () -> gateway.command(new ChatCommand(actor, channel, event.getName(), text)), null);
	}

	@Override
	public void onButtonInteraction(ButtonInteractionEvent event) {
		var actor = actor(event);
		var channel = channel(event);
		var componentId = event.getComponentId();
		InteractionId form = null;
		if (componentId.startsWith(FORM + ":")) {
			try {
				form = InteractionId.parse(componentId);
			}
			catch (IllegalArgumentException forged) {
				// not one of the door's Continue buttons after all: the kernel answers it as a button it does not know
				form = null;
			}
		}
		if (form != null) {
			var continued = form;
			handle(event, actor, () -> gateway.showForm(actor, channel, continued.arg(0), page(continued.arg(1))), null);
		}
		else {
			handle(event, actor, () -> gateway.action(new ChatAction(actor, channel, componentId)), null);
		}
	}

	@Override
	public void onModalInteraction(ModalInteractionEvent event) {
		var actor = actor(event);
		var channel = channel(event);
		InteractionId id;
		try {
			id = InteractionId.parse(event.getModalId());
		}
		catch (IllegalArgumentException ex) {
			id = InteractionId.of("unknown");
		}
		if (!id.handler().equals(DiscordRendering.MODAL)) {
			handle(event, actor, () -> Reply.say(texts.get(locale(actor), "kernel.form.expired")), null);
			return;
		}
		var values = new LinkedHashMap<String, String>();
		for (var mapping : event.getValues()) {
			values.put(mapping.getCustomId(), mapping.getType() == Type.TEXT_INPUT ? mapping.getAsString()
					: mapping.getAsStringList().stream().findFirst().orElse(""));
		}
		var submission = new FormSubmission(actor, channel, id.arg(0), page(id.arg(1)), values);
		handle(event, actor, () -> gateway.submit(submission), submission);
	}

	/**
	 * Runs the kernel off JDA's thread and answers. Whichever comes first, the reply or the end of the
	 * budget, decides how: a direct response (which may be a modal), or a deferral and then an edit of
	 * the deferred response.
	 */
	private void handle(IReplyCallback event, Actor actor, Supplier<Reply> work, FormSubmission submitted) {
		var ack = new Acknowledgement();
		long started = System.nanoTime();
		var kind = event instanceof ModalInteractionEvent ? "form"
				: event instanceof ComponentInteraction ? "action" : "command";
		Runnable acknowledged = () -> Timer.builder("steward.ack")
			.description("How long a platform waited for its interaction to be acknowledged")
			.tag("door", DOOR)
			.tag("kind", kind)
			.publishPercentileHistogram()
			.register(meters)
			.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		Runnable defer = () -> {
			if (ack.defer()) {
				acknowledged.run();
				var deferral = fromOurEphemeral(event) instanceof ModalInteractionEvent modal ? modal.deferEdit()
						: event.deferReply(true);
				deferral.queue(null, failure -> log.warn("Could not defer an interaction", failure));
			}
		};
		var budget = ackBudget;
		if (budget.isZero()) {
			defer.run();
		}
		var timer = timers.schedule(defer, budget.toMillis(), TimeUnit.MILLISECONDS);
		workers.execute(() -> {
			Reply reply;
			try {
				syncRoles(event, actor);
				reply = work.get();
			}
			catch (RuntimeException ex) {
				// the gateway never throws; this is the door's own fault, still answered
				log.error("Discord interaction failed", ex);
				reply = Reply.say(texts.get(locale(actor), "kernel.error", "discord"));
			}
			timer.cancel(false);
			boolean direct = ack.answer();
			if (direct) {
				acknowledged.run();
			}
			try {
				respond(event, actor, reply, direct, submitted);
			}
			catch (RuntimeException ex) {
				log.error("Could not answer a Discord interaction", ex);
			}
		});
	}

	/**
	 * Tells the directory which mapped directory roles the member now holds, before the kernel
	 * decides what they may do. Only a guild interaction says which roles someone has; a DM keeps
	 * what was last said.
	 */
	private void syncRoles(IReplyCallback event, Actor actor) {
		if (roles.isEmpty() || event.getMember() == null) {
			return;
		}
		var held = new java.util.HashSet<String>();
		event.getMember().getRoles().forEach(role -> {
			var mapped = roles.get(role.getId());
			if (mapped != null) {
				held.add(mapped);
			}
		});
		directory.platformRoles(actor, held);
	}

	private void respond(IReplyCallback event, Actor actor, Reply reply, boolean direct, FormSubmission submitted) {
		var locale = locale(actor);
		if (submitted != null && !(reply instanceof Reply.FormErrors)) {
			drafts.remove(submitted.session() + ":" + submitted.page());
		}
		if (reply instanceof Reply.Ephemeral ephemeral) {
			var data = DiscordRendering.message(ephemeral.message());
			if (ephemeral.replacing() && direct && event instanceof ComponentInteraction component
					&& component.getMessage().isEphemeral()) {
				// the actor's own list, changed in place (a deferred click shows it as the deferred reply)
				component.editMessage(MessageEditData.fromCreateData(data))
					.queue(null, failure -> log.warn("Could not edit the clicked message", failure));
			}
			else {
				send(event, direct, data);
			}
		}
		else if (reply instanceof Reply.ShowForm show) {
			var view = show.view();
			specs.put(view.session(), view.spec());
			if (direct && view.errors().isEmpty() && event instanceof IModalCallback modal
					&& !(event instanceof ModalInteractionEvent)) {
				var values = new LinkedHashMap<>(view.values());
				values.putAll(drafts.getOrDefault(view.session() + ":" + view.page(), Map.of()));
				modal.replyModal(DiscordRendering.modal(view, values,
						personId -> directory.address(personId, DOOR).orElse(null), fewChoices(actor, view)))
					.queue(null, failure -> log.warn("Could not open a modal", failure));
			}
			else {
				send(event, direct, DiscordRendering.message(continueMessage(locale, view, submitted)));
			}
		}
		else if (reply instanceof Reply.FormErrors errors) {
			var session = submitted == null ? "" : submitted.session();
			int page = submitted == null ? 0 : submitted.page();
			if (submitted != null) {
				drafts.put(session + ":" + page, submitted.values());
			}
			send(event, direct, DiscordRendering.message(errorsMessage(locale, specs.get(session), errors.errors(),
					session, page)));
		}
		else if (direct && event instanceof ComponentInteraction component) {
			// nothing to show: the click is acknowledged and the message stays as it is
			component.deferEdit().queue();
		}
		else {
			send(event, direct, DiscordRendering.message(Message.text(texts.get(locale, "discord.done"))));
		}
	}

	/**
	 * Answers only the actor. A page submitted from one of our own ephemeral messages (Continue,
	 * Reopen) rewrites that message, so the person sees one message move through the form instead
	 * of a stack of them; anything else gets a new ephemeral message. A deferred interaction is
	 * answered by editing what the deferral showed.
	 */
	private static void send(IReplyCallback event, boolean direct, MessageCreateData data) {
		if (direct && fromOurEphemeral(event) instanceof ModalInteractionEvent modal) {
			modal.editMessage(MessageEditData.fromCreateData(data))
				.queue(null, failure -> log.warn("Could not edit the form's message", failure));
		}
		else if (direct) {
			event.reply(data).setEphemeral(true).queue(null, failure -> log.warn("Could not reply", failure));
		}
		else {
			event.getHook()
				.editOriginal(MessageEditData.fromCreateData(data))
				.queue(null, failure -> log.warn("Could not answer a deferred interaction", failure));
		}
	}

	/**
	 * The event when it is a modal opened from one of our ephemeral messages, else {@code null}. A
	 * modal opened from a card in a channel or DM must never edit the card: the outbox owns it.
	 */
	private static IReplyCallback fromOurEphemeral(IReplyCallback event) {
		return event instanceof ModalInteractionEvent modal && modal.getMessage() != null
				&& modal.getMessage().isEphemeral() ? event : null;
	}

	/**
	 * Each searchable input's choices on the page, where all of them fit a select menu (a modal has no
	 * autocomplete); a longer list, or one that takes a new value, is typed and resolved by the kernel.
	 */
	private Map<String, List<dev.steward.conversation.Input.Choice>> fewChoices(Actor actor, FormView view) {
		var few = new LinkedHashMap<String, List<dev.steward.conversation.Input.Choice>>();
		for (var input : view.currentPage().inputs()) {
			if (input.type() == dev.steward.conversation.Input.Type.SEARCH && !input.open()) {
				var all = gateway.formChoices(actor, view.session(), input.key(), "",
						DiscordRendering.SELECT_OPTIONS + 1);
				if (!all.isEmpty() && all.size() <= DiscordRendering.SELECT_OPTIONS
						&& all.stream().allMatch(choice -> choice.value().length() <= DiscordRendering.SELECT_OPTION_TEXT)) {
					few.put(input.key(), all);
				}
			}
		}
		return few;
	}

	/**
	 * Answers Discord's autocomplete of a searchable command option with the kernel's choices for
	 * what was typed (Discord shows at most 25, and waits 3 seconds).
	 */
	@Override
	public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
		var actor = actor(event);
		var name = event.getSubcommandName() == null ? "" : event.getSubcommandName();
		var sub = event.getSubcommandGroup() == null ? name : event.getSubcommandGroup() + " " + name;
		var focused = event.getFocusedOption();
		workers.execute(() -> {
			var choices = gateway.optionChoices(actor, event.getName(), sub, focused.getName(), focused.getValue(),
					DiscordCommands.CHOICES)
				.stream()
				.limit(DiscordCommands.CHOICES)
				.map(choice -> new Command.Choice(DiscordRendering.cut(choice.label(), CHOICE_TEXT),
						DiscordRendering.cut(choice.value(), CHOICE_TEXT)))
				.toList();
			event.replyChoices(choices).queue(null, failure -> log.warn("Could not answer an autocomplete", failure));
		});
	}

	/** After a page (or instead of a modal, once deferred): a button that opens the page to fill now. */
	private Message continueMessage(Locale locale, FormView view, FormSubmission submitted) {
		var button = Button.primary(texts.get(locale, "discord.form.continue"),
				InteractionId.of(FORM, view.session(), view.page()));
		if (!view.errors().isEmpty()) {
			return errorsMessage(locale, view.spec(), view.errors(), view.session(), view.page());
		}
		var text = submitted != null && submitted.page() < view.page()
				? texts.get(locale, "discord.form.saved", submitted.page() + 1, view.pageCount(), view.page() + 1)
				: texts.get(locale, "discord.form.open", view.spec().title());
		return Message.builder(text).text(text).actions(List.of(button)).build();
	}

	private Message errorsMessage(Locale locale, FormSpec spec, Map<String, String> errors, String session, int page) {
		var intro = texts.get(locale, "discord.form.errors");
		var lines = new ArrayList<String>();
		errors.forEach((key, error) -> lines.add("• *" + label(spec, key) + "*: " + error));
		var builder = Message.builder(intro).text(intro).text(String.join("\n", lines));
		if (!session.isEmpty()) {
			int target = spec == null ? page
					: errors.keySet().stream().mapToInt(spec::pageOf).filter(p -> p >= 0).min().orElse(page);
			builder.actions(List.of(Button.primary(texts.get(locale, "discord.form.fix"),
					InteractionId.of(FORM, session, target))));
		}
		return builder.build();
	}

	private static String label(FormSpec spec, String key) {
		if (spec == null) {
			return key;
		}
		return spec.pages()
			.stream()
			.flatMap(page -> page.inputs().stream())
			.filter(input -> input.key().equals(key))
			.map(dev.steward.conversation.Input::label)
			.findFirst()
			.orElse(key);
	}

	/** Changes the acknowledgement budget; zero defers every interaction at once (tests use it). */
	void ackBudget(java.time.Duration budget) {
		this.ackBudget = budget;
	}

	/**
	 * The kernel's text of a slash command: the subcommand, then each option given, in the order the
	 * command declares them (a person as their Discord user id, which the kernel resolves), quoted
	 * when it holds spaces.
	 */
	String commandText(SlashCommandInteractionEvent event) {
		var name = event.getSubcommandName() == null ? "" : event.getSubcommandName();
		// a subcommand in a group (e.g. /project team add) is the kernel's two-word sub "team add"
		var sub = event.getSubcommandGroup() == null ? name : event.getSubcommandGroup() + " " + name;
		var declared = commands.find(event.getName(), sub)
			.map(info -> info.options().stream().map(ChatGateway.OptionInfo::name).toList())
			.orElseGet(() -> event.getOptions().stream().map(OptionMapping::getName).toList());
		var given = new LinkedHashMap<String, String>();
		for (var option : event.getOptions()) {
			given.put(option.getName(),
					option.getType() == OptionType.USER ? option.getAsUser().getId() : option.getAsString());
		}
		return commandText(sub, declared, given);
	}

	/** The kernel's text from a subcommand, its declared option names in order, and the values given. */
	static String commandText(String sub, List<String> declared, Map<String, String> given) {
		var parts = new ArrayList<String>();
		if (!sub.isEmpty()) {
			parts.add(sub);
		}
		for (var name : declared) {
			var value = given.get(name);
			if (value != null && !value.isBlank()) {
				parts.add(quote(value));
			}
		}
		return String.join(" ", parts);
	}

	static String quote(String value) {
		var clean = value.replaceAll("[\"“”]", "'").strip();
		return clean.chars().anyMatch(Character::isWhitespace) ? "\"" + clean + "\"" : clean;
	}

	static Actor actor(Interaction event) {
		return new Actor(DOOR, event.getUser().getId(), Locale.forLanguageTag(event.getUserLocale().getLocale()), null);
	}

	static ChannelRef channel(Interaction event) {
		return event.getChannelType() == ChannelType.PRIVATE || event.getGuild() == null
				? ChannelRef.direct(DOOR, event.getUser().getId())
				: ChannelRef.channel(DOOR, event.getChannelId());
	}

	/** The person's language: the directory's if it says, else the one Discord reports. */
	private Locale locale(Actor actor) {
		return directory.find(actor).map(Caller::locale).orElse(actor.platformLocale());
	}

	private static int page(String text) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static Thread daemon(Runnable runnable, String name) {
		var thread = new Thread(runnable, name);
		thread.setDaemon(true);
		return thread;
	}

	private static <V> Map<String, V> lru() {
		return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
				return size() > REMEMBERED;
			}
		});
	}

	@Override
	public void destroy() {
		workers.shutdownNow();
		timers.shutdownNow();
	}

	/** Who answers an interaction: the worker directly, or, once the budget ran out, the deferral. */
	private static final class Acknowledgement {

		private boolean deferred;

		private boolean answered;

		synchronized boolean defer() {
			if (answered || deferred) {
				return false;
			}
			deferred = true;
			return true;
		}

		/** Whether the worker may respond directly (nothing was deferred yet). */
		synchronized boolean answer() {
			answered = true;
			return !deferred;
		}

	}

}
