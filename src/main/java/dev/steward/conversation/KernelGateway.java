package dev.steward.conversation;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.conversation.ActionHandler.ActionRequest;
import dev.steward.conversation.FormHandler.FormRequest;
import dev.steward.conversation.spi.CallerDirectory;
import dev.steward.conversation.spi.ChatGateway;
import dev.steward.firm.FirmDefaults;

/**
 * The kernel's front desk: resolves the person, routes, runs the handler in one transaction,
 * opens and pages forms, and turns every failure into a message the person can read.
 */
@Component
class KernelGateway implements ChatGateway {

	private static final Logger log = LoggerFactory.getLogger(KernelGateway.class);

	/**
	 * How often a handler that lost a race is run again, fresh: an optimistic-locking conflict, or
	 * a row another transaction inserted first under a unique key (check, then insert).
	 */
	private static final int ATTEMPTS = 3;

	private final CommandRouter router;

	private final Map<String, ActionHandler<?>> actions = new LinkedHashMap<>();

	private final Map<String, FormHandler<?>> forms = new LinkedHashMap<>();

	private final FormSessions sessions;

	private final Inputs inputs;

	private final List<RefusalKeys<?>> refusalKeys;

	private final CallerDirectory directory;

	private final Texts texts;

	private final TransactionTemplate tx;

	private final Locale defaultLocale;

	private final ReplyFiles files;

	private final ZoneId defaultZone;

	KernelGateway(CommandRouter router, List<ActionHandler<?>> actionHandlers, List<FormHandler<?>> formHandlers,
			Inputs inputs, FormSessions sessions, List<RefusalKeys<?>> refusalKeys,
			CallerDirectory directory, Texts texts, TransactionTemplate tx, FirmDefaults firm, ReplyFiles files) {
		this.files = files;
		this.router = router;
		actionHandlers.forEach(handler -> register(actions, handler.name(), handler));
		formHandlers.forEach(handler -> register(forms, handler.name(), handler));
		this.inputs = inputs;
		for (var spec : router.specs()) {
			for (var option : spec.options()) {
				if (option.source() != null && !inputs.hasSource(option.source())) {
					throw new IllegalStateException("/" + spec.word() + " " + spec.sub() + " option " + option.name()
							+ " names no choice source: " + option.source());
				}
			}
		}
		this.sessions = sessions;
		this.refusalKeys = List.copyOf(refusalKeys);
		this.directory = directory;
		this.texts = texts;
		this.tx = tx;
		this.defaultLocale = firm.locale();
		this.defaultZone = firm.zone();
	}

	private static <T> void register(Map<String, T> registry, String name, T handler) {
		if (registry.putIfAbsent(name, handler) != null) {
			throw new IllegalStateException("Two handlers named " + name);
		}
	}

	@Override
	public Reply command(ChatCommand command) {
		var route = router.route(command.word(), command.text());
		// only an open command, or help that lists some, is for people outside the directory
		boolean welcome = route instanceof CommandRouter.Route.Found found ? found.spec().open()
				: route instanceof CommandRouter.Route.Help help && router.anyOpen(help.word(), everything(help.word()));
		return run(command.actor(), welcome, caller -> {
			if (route instanceof CommandRouter.Route.Found found) {
				return open(caller, found.spec().handler().handle(new CommandRequest(caller, command.channel(),
						found.spec().word(), found.spec().sub(),
						arguments(command.actor(), caller, found.spec(), found.args()))));
			}
			if (route instanceof CommandRouter.Route.Help help) {
				return Reply.say(router.help(caller.locale(), help.word(), everything(help.word()), caller.guest()));
			}
			if (route instanceof CommandRouter.Route.UnknownSub unknown) {
				var text = texts.get(caller, "kernel.unknown-subcommand", unknown.word(), unknown.sub());
				var help = router.help(caller.locale(), unknown.word(), false);
				return Reply.say(Message.builder(text).text(text).block(help.blocks().get(1)).build());
			}
			var unknown = (CommandRouter.Route.UnknownWord) route;
			return Reply.say(texts.get(caller, "kernel.unknown-command", unknown.word(),
					String.join(", /", router.words())));
		});
	}

	@Override
	public Reply action(ChatAction action) {
		InteractionId parsed;
		try {
			parsed = InteractionId.parse(action.id());
		}
		catch (IllegalArgumentException ex) {
			parsed = null;
		}
		var id = parsed;
		var handler = id == null ? null : actions.get(id.handler());
		Record read = null;
		if (handler != null) {
			try {
				read = id.as(handler.kind());
			}
			catch (IllegalArgumentException ex) {
				read = null;
			}
		}
		var args = read;
		return run(action.actor(), handler != null && handler.open(), caller -> {
			if (args == null) {
				log.warn("Unknown or malformed interaction id from {} on {}: {}", action.actor().userId(),
						action.actor().door(), abbreviate(action.id()));
				return Reply.say(texts.get(caller, "kernel.unknown-action"));
			}
			return open(caller, handle(handler, caller, action.channel(), args));
		});
	}

	@Override
	public Reply submit(FormSubmission submission) {
		return run(submission.actor(), formIsOpen(submission.session()), caller -> {
			// locked: the same form submitted twice at once, on any instance, is accepted once
			var session = sessions.lock(submission.session()).orElse(null);
			var handler = session == null ? null : bind(session.form(), session.args());
			if (handler == null) {
				return Reply.say(texts.get(caller, "kernel.form.expired"));
			}
			if (!session.personId().equals(caller.personId())) {
				return Reply.refused(texts.get(caller, "kernel.form.not-yours"));
			}
			var spec = handler.spec(caller);
			int page = submission.page();
			if (page < 0 || page >= spec.pages().size()) {
				return Reply.say(texts.get(caller, "kernel.form.expired"));
			}
			var values = new LinkedHashMap<>(session.values());
			var errors = new LinkedHashMap<String, String>();
			for (var input : spec.pages().get(page).inputs()) {
				var value = submission.values().getOrDefault(input.key(), "");
				var checked = inputs.check(submission.actor(), caller, input, value == null ? "" : value.strip());
				values.put(input.key(), checked.value());
				if (checked.error() != null) {
					errors.put(input.key(), checked.error());
				}
			}
			if (!errors.isEmpty()) {
				return Reply.errors(errors);
			}
			if (page < spec.pages().size() - 1) {
				sessions.save(session.id(), values);
				return new Reply.ShowForm(view(caller, session.id(), spec, page + 1, values, Map.of()));
			}
			var reply = handler.submit(caller, submission.channel(), values);
			if (reply instanceof Reply.FormErrors formErrors) {
				sessions.save(session.id(), values);
				int first = formErrors.errors().keySet().stream().mapToInt(spec::pageOf).filter(p -> p >= 0).min()
					.orElse(page);
				return first == page ? reply
						: new Reply.ShowForm(view(caller, session.id(), spec, first, values, formErrors.errors()));
			}
			sessions.complete(session);
			return open(caller, reply);
		});
	}

	@Override
	public Reply showForm(Actor actor, ChannelRef channel, String session, int page) {
		return run(actor, formIsOpen(session), caller -> {
			var open = sessions.find(session).orElse(null);
			var handler = open == null ? null : bind(open.form(), open.args());
			if (handler == null) {
				return Reply.say(texts.get(caller, "kernel.form.expired"));
			}
			if (!open.personId().equals(caller.personId())) {
				return Reply.refused(texts.get(caller, "kernel.form.not-yours"));
			}
			var spec = handler.spec(caller);
			if (page < 0 || page >= spec.pages().size()) {
				return Reply.say(texts.get(caller, "kernel.form.expired"));
			}
			return new Reply.ShowForm(view(caller, open.id(), spec, page, open.values(), Map.of()));
		});
	}

	@Override
	public List<CommandInfo> commands(Locale locale) {
		return router.describe(locale);
	}

	@Override
	public List<Input.Choice> formChoices(Actor actor, String session, String key, String query, int limit) {
		try {
			var open = sessions.find(session).orElse(null);
			var handler = open == null ? null : bind(open.form(), open.args());
			var caller = handler == null ? null : caller(actor, handler.open());
			if (caller == null || !open.personId().equals(caller.personId())) {
				return List.of();
			}
			return handler.spec(caller)
				.pages()
				.stream()
				.flatMap(page -> page.inputs().stream())
				.filter(input -> input.key().equals(key))
				.findFirst()
				.map(input -> inputs.choices(caller, input.type(), input.choices(), input.source(), query, limit))
				.orElse(List.of());
		}
		catch (RuntimeException ex) {
			log.warn("Could not list the choices of {} in form session {}", abbreviate(key), abbreviate(session), ex);
			return List.of();
		}
	}

	@Override
	public List<Input.Choice> optionChoices(Actor actor, String word, String sub, String option, String query,
			int limit) {
		try {
			var spec = router.find(word, sub).orElse(null);
			var caller = spec == null ? null : caller(actor, spec.open());
			if (caller == null) {
				return List.of();
			}
			return spec.options()
				.stream()
				.filter(candidate -> candidate.name().equals(option))
				.findFirst()
				.map(found -> found.type() == CommandSpec.Option.Type.CHOICE
						? inputs.choices(caller, Input.Type.CHOICE,
								found.choices().stream().map(choice -> new Input.Choice(choice, choice)).toList(), null,
								query, limit)
						: found.type() == CommandSpec.Option.Type.SEARCH
								? inputs.choices(caller, Input.Type.SEARCH, List.of(), found.source(), query, limit)
								: List.<Input.Choice>of())
				.orElse(List.of());
		}
		catch (RuntimeException ex) {
			log.warn("Could not list the choices of /{} {} {}", abbreviate(word), abbreviate(sub), abbreviate(option), ex);
			return List.of();
		}
	}

	private static boolean everything(String word) {
		return word.equals("steward");
	}

	/** Whether the form of this session is one people outside the directory may fill. */
	private boolean formIsOpen(String session) {
		try {
			return session != null && sessions.find(session).map(open -> forms.get(open.form()))
				.map(FormHandler::open)
				.orElse(false);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/** The person behind the actor; a guest if they are not in the directory and welcome; else {@code null}. */
	private Caller caller(Actor actor, boolean guestsWelcome) {
		return directory.find(actor).orElseGet(() -> guestsWelcome ? Caller.guest(actor,
				actor.platformLocale() == null ? defaultLocale : actor.platformLocale(),
				actor.platformZone() == null ? defaultZone : actor.platformZone()) : null);
	}

	private String stranger(Actor actor, Locale locale) {
		return directory.stranger(actor, locale)
			.orElseGet(() -> texts.get(locale, "kernel.unknown-person", actor.door(), actor.userId()));
	}

	/**
	 * Resolves the person, then runs the work in one transaction.
	 * @param guestsWelcome whether someone the directory does not know may go on, as a guest
	 */
	private Reply run(Actor actor, boolean guestsWelcome, Function<Caller, Reply> work) {
		for (int attempt = 1;; attempt++) {
			try {
				var caller = caller(actor, guestsWelcome);
				if (caller == null) {
					return Reply.refused(stranger(actor, actor.platformLocale() == null ? defaultLocale : actor.platformLocale()));
				}
				try {
					return tx.execute(status -> {
						var reply = work.apply(caller);
						if (status.isRollbackOnly()) {
							// a domain call refused and the handler answered politely: keep nothing of it
							status.setRollbackOnly();
						}
						// an ephemeral answer's files go to the person's direct messages (ReplyFiles says why)
						var delivered = files.deliver(caller, actor, reply, status.isRollbackOnly());
						return status.isRollbackOnly() && delivered instanceof Reply.Ephemeral said
								? Reply.refused(said.message()) : delivered;
					});
				}
				catch (Refusal refusal) {
					return Reply.refused(refusal.reply());
				}
				catch (ConcurrencyFailureException | DuplicateKeyException race) {
					throw race;
				}
				catch (RuntimeException ex) {
					var refused = refused(caller, ex);
					if (refused == null) {
						throw ex;
					}
					return Reply.refused(refused);
				}
			}
			catch (ConcurrencyFailureException | DuplicateKeyException race) {
				// run again: the winner's change is committed now, and the handler sees it (e.g. as already decided)
				if (attempt >= ATTEMPTS) {
					return failed(actor, race);
				}
				log.debug("Concurrent change, running again (attempt {})", attempt + 1);
			}
			catch (RuntimeException ex) {
				return failed(actor, ex);
			}
		}
	}

	/** A domain refusal said in the caller's words, or {@code null} when no module knows the exception. */
	private String refused(Caller caller, RuntimeException ex) {
		for (var keys : refusalKeys) {
			var said = say(keys, caller, ex);
			if (said != null) {
				return said;
			}
		}
		return null;
	}

	private <R extends Enum<R>> String say(RefusalKeys<R> keys, Caller caller, RuntimeException ex) {
		return keys.reasonOf(ex).map(reason -> texts.get(caller, keys.key(reason), keys.arguments(caller, ex)))
			.orElse(null);
	}

	private Reply failed(Actor actor, RuntimeException ex) {
		var ref = UUID.randomUUID().toString().substring(0, 8);
		log.error("Interaction failed (ref {}) for {} on {}", ref, actor.userId(), actor.door(), ex);
		var locale = directory.find(actor).map(Caller::locale).orElse(defaultLocale);
		return Reply.say(texts.get(locale, "kernel.error", ref));
	}

	@SuppressWarnings("unchecked")
	private static <A extends Record> Reply handle(ActionHandler<A> handler, Caller caller, ChannelRef channel,
			Record args) {
		return handler.handle(new ActionRequest<>(caller, channel, (A) args));
	}

	/** What of a platform's id goes in a log line: ids are short, but a hostile one need not be. */
	private static String abbreviate(String id) {
		if (id == null) {
			return "(none)";
		}
		var printable = id.replaceAll("\\p{Cntrl}", "?");
		return printable.length() > InteractionId.MAX_LENGTH ? printable.substring(0, InteractionId.MAX_LENGTH) + "…"
				: printable;
	}

	/**
	 * The command's arguments as its handler takes them: each person option's platform user, mention
	 * or name as a directory id where it names one; each search option as its source's value, or a
	 * refusal when it names nothing the caller may choose. A search option declared last takes the
	 * rest of the line, as a name may have spaces.
	 */
	private List<String> arguments(Actor actor, Caller caller, CommandSpec spec, List<String> args) {
		var resolved = new ArrayList<>(args);
		var options = spec.options();
		for (int i = 0; i < Math.min(resolved.size(), options.size()); i++) {
			var option = options.get(i);
			if (option.type() == CommandSpec.Option.Type.PERSON) {
				var person = inputs.person(actor.door(), resolved.get(i));
				if (person.isPresent()) {
					resolved.set(i, person.get());
				}
			}
			else if (option.type() == CommandSpec.Option.Type.SEARCH) {
				if (i == options.size() - 1 && resolved.size() > i + 1) {
					var rest = String.join(" ", resolved.subList(i, resolved.size()));
					resolved.subList(i, resolved.size()).clear();
					resolved.add(rest);
				}
				var typed = resolved.get(i);
				var value = inputs.resolve(caller, option.source(), typed);
				if (value.isEmpty()) {
					throw new Refusal(texts.get(caller, "kernel.option.search", typed, option.name(),
							"/" + spec.word() + " " + spec.sub()));
				}
				resolved.set(i, value.get());
			}
		}
		return resolved;
	}

	/** A form handler with its typed arguments read back, or {@code null} when there is no such form or they do not fit. */
	private Bound<?> bind(String form, List<String> args) {
		var handler = forms.get(form);
		if (handler == null) {
			return null;
		}
		try {
			return Bound.of(handler, new InteractionId(form, args));
		}
		catch (IllegalArgumentException ex) {
			log.warn("Open form {} with arguments {} no longer fits its handler", form, args);
			return null;
		}
	}

	/** A form handler and its arguments. */
	private record Bound<A extends Record>(FormHandler<A> handler, A args) {

		static <A extends Record> Bound<A> of(FormHandler<A> handler, InteractionId id) {
			return new Bound<>(handler, id.as(handler.arguments()));
		}

		FormSpec spec(Caller caller) {
			return handler.spec(caller, args);
		}

		boolean open() {
			return handler.open();
		}

		Reply submit(Caller caller, ChannelRef channel, Map<String, String> values) {
			return handler.submit(new FormRequest<>(caller, channel, args, values));
		}

	}

	/** Turns a handler's request to open a form into the form itself. */
	private Reply open(Caller caller, Reply reply) {
		if (!(reply instanceof Reply.OpenForm open)) {
			return reply;
		}
		var handler = bind(open.form(), open.args());
		if (handler == null) {
			throw new IllegalStateException("No form named " + open.form() + " taking " + open.args());
		}
		if (caller.guest() && !handler.open()) {
			// an open command led to a form that is not: refuse as for any closed command
			log.warn("Open command led a guest to the closed form {}", open.form());
			throw new Refusal(stranger(caller.platformUser().orElseThrow(), caller.locale()));
		}
		var spec = handler.spec(caller);
		var session = sessions.open(open.form(), open.args(), caller.personId(), open.initial());
		return new Reply.ShowForm(view(caller, session.id(), spec, 0, open.initial(), Map.of()));
	}

	private FormView view(Caller caller, String session, FormSpec spec, int page, Map<String, String> values,
			Map<String, String> errors) {
		var next = page == spec.pages().size() - 1 ? spec.submitLabel()
				: texts.get(caller, "kernel.form.next", page + 2, spec.pages().size());
		return new FormView(session, spec, page, values, errors, next, texts.get(caller, "kernel.form.cancel"),
				inputs.labels(caller, spec.pages().get(page), values));
	}

}
