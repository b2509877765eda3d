package dev.steward.conversation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
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

	/** How often a handler that lost an optimistic-locking race is run again, fresh. */
	private static final int ATTEMPTS = 3;

	private final CommandRouter router;

	private final Map<String, ActionHandler<?>> actions = new LinkedHashMap<>();

	private final Map<String, FormHandler<?>> forms = new LinkedHashMap<>();

	private final FormSessions sessions;

	private final List<RefusalKeys<?>> refusalKeys;

	private final CallerDirectory directory;

	private final Texts texts;

	private final TransactionTemplate tx;

	private final Locale defaultLocale;

	private final ReplyFiles files;

	KernelGateway(CommandRouter router, List<ActionHandler<?>> actionHandlers, List<FormHandler<?>> formHandlers,
			FormSessions sessions, List<RefusalKeys<?>> refusalKeys, CallerDirectory directory, Texts texts,
			TransactionTemplate tx, FirmDefaults firm, ReplyFiles files) {
		this.files = files;
		this.router = router;
		actionHandlers.forEach(handler -> register(actions, handler.name(), handler));
		formHandlers.forEach(handler -> register(forms, handler.name(), handler));
		this.sessions = sessions;
		this.refusalKeys = List.copyOf(refusalKeys);
		this.directory = directory;
		this.texts = texts;
		this.tx = tx;
		this.defaultLocale = firm.locale();
	}

	private static <T> void register(Map<String, T> registry, String name, T handler) {
		if (registry.putIfAbsent(name, handler) != null) {
			throw new IllegalStateException("Two handlers named " + name);
		}
	}

	@Override
	public Reply command(ChatCommand command) {
		return run(command.actor(), caller -> {
			var route = router.route(command.word(), command.text());
			if (route instanceof CommandRouter.Route.Found found) {
				return open(caller, found.spec().handler().handle(new CommandRequest(caller, command.channel(),
						found.spec().word(), found.spec().sub(), people(command.actor(), found.spec(), found.args()))));
			}
			if (route instanceof CommandRouter.Route.Help help) {
				return Reply.say(router.help(caller.locale(), help.word(), help.word().equals("steward")));
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
		return run(action.actor(), caller -> {
			InteractionId id;
			try {
				id = InteractionId.parse(action.id());
			}
			catch (IllegalArgumentException ex) {
				id = null;
			}
			var handler = id == null ? null : actions.get(id.handler());
			Record args = null;
			if (handler != null) {
				try {
					args = id.as(handler.kind());
				}
				catch (IllegalArgumentException ex) {
					args = null;
				}
			}
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
		return run(submission.actor(), caller -> {
			var session = sessions.find(submission.session()).orElse(null);
			var handler = session == null ? null : bind(session.form(), session.args());
			if (handler == null) {
				return Reply.say(texts.get(caller, "kernel.form.expired"));
			}
			if (!session.personId().equals(caller.personId())) {
				return Reply.say(texts.get(caller, "kernel.form.not-yours"));
			}
			var spec = handler.spec(caller);
			int page = submission.page();
			if (page < 0 || page >= spec.pages().size()) {
				return Reply.say(texts.get(caller, "kernel.form.expired"));
			}
			var values = new LinkedHashMap<>(session.values());
			var errors = new LinkedHashMap<String, String>();
			for (var input : spec.pages().get(page).inputs()) {
				var value = submission.values().getOrDefault(input.key(), "").strip();
				values.put(input.key(), value);
				var error = check(caller.locale(), input, value);
				if (error != null) {
					errors.put(input.key(), error);
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
			sessions.close(session.id());
			return open(caller, reply);
		});
	}

	@Override
	public Reply showForm(Actor actor, ChannelRef channel, String session, int page) {
		return run(actor, caller -> {
			var open = sessions.find(session).orElse(null);
			var handler = open == null ? null : bind(open.form(), open.args());
			if (handler == null) {
				return Reply.say(texts.get(caller, "kernel.form.expired"));
			}
			if (!open.personId().equals(caller.personId())) {
				return Reply.say(texts.get(caller, "kernel.form.not-yours"));
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

	private Reply run(Actor actor, Function<Caller, Reply> work) {
		for (int attempt = 1;; attempt++) {
			try {
				var caller = directory.find(actor).orElse(null);
				if (caller == null) {
					var locale = actor.platformLocale() == null ? defaultLocale : actor.platformLocale();
					return Reply.say(texts.get(locale, "kernel.unknown-person", actor.door(), actor.userId()));
				}
				try {
					return tx.execute(status -> {
						var reply = work.apply(caller);
						if (status.isRollbackOnly()) {
							// a domain call refused and the handler answered politely: keep nothing of it
							status.setRollbackOnly();
						}
						// an ephemeral answer's files go to the person's direct messages (ReplyFiles says why)
						return files.deliver(caller, actor, reply, status.isRollbackOnly());
					});
				}
				catch (Refusal refusal) {
					return Reply.say(refusal.reply());
				}
				catch (ConcurrencyFailureException race) {
					throw race;
				}
				catch (RuntimeException ex) {
					var refused = refused(caller, ex);
					if (refused == null) {
						throw ex;
					}
					return Reply.say(refused);
				}
			}
			catch (ConcurrencyFailureException race) {
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

	/** Turns each person option's platform user or mention into a directory id, where it names one. */
	private List<String> people(Actor actor, CommandSpec spec, List<String> args) {
		var resolved = new java.util.ArrayList<>(args);
		for (int i = 0; i < Math.min(args.size(), spec.options().size()); i++) {
			if (spec.options().get(i).type() == CommandSpec.Option.Type.PERSON) {
				var mention = args.get(i).replaceAll("^<@!?|>$|\\|.*$", "").replaceFirst("^@", "");
				var person = directory.find(new Actor(actor.door(), mention))
					.or(() -> directory.person(mention))
					.map(Caller::personId);
				if (person.isPresent()) {
					resolved.set(i, person.get());
				}
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
		var spec = handler.spec(caller);
		var session = sessions.open(open.form(), open.args(), caller.personId(), open.initial());
		return new Reply.ShowForm(view(caller, session.id(), spec, 0, open.initial(), Map.of()));
	}

	private FormView view(Caller caller, String session, FormSpec spec, int page, Map<String, String> values,
			Map<String, String> errors) {
		var next = page == spec.pages().size() - 1 ? spec.submitLabel()
				: texts.get(caller, "kernel.form.next", page + 2, spec.pages().size());
		return new FormView(session, spec, page, values, errors, next, texts.get(caller, "kernel.form.cancel"));
	}

	/** An input's own rule, or {@code null} when the value keeps it. */
	private String check(Locale locale, Input input, String value) {
		if (value.isEmpty()) {
			return input.required() ? texts.get(locale, "kernel.form.required") : null;
		}
		if (value.length() > input.maxLength()) {
			return texts.get(locale, "kernel.form.too-long", input.maxLength(), value.length());
		}
		return switch (input.type()) {
			case NUMBER -> {
				try {
					new BigDecimal(value.replace(",", ""));
					yield null;
				}
				catch (NumberFormatException ex) {
					yield texts.get(locale, "kernel.form.number");
				}
			}
			case CHOICE -> input.choices().stream().anyMatch(choice -> choice.value().equals(value)) ? null
					: texts.get(locale, "kernel.form.choice");
			default -> null;
		};
	}

}
