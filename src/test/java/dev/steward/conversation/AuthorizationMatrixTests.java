package dev.steward.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.conversation.Access.Who;
import dev.steward.conversation.spi.ChatGateway;
import dev.steward.support.RecordingDoor;
import dev.steward.support.TestDoorConfiguration;

/**
 * Every command, button and form the modules register, tried as every role of the firm, as someone
 * who has left it, as someone the directory does not know and as a platform user nobody knows. What
 * is tried is read from the application context (the registered {@link ChatCommands},
 * {@link ActionHandler}s and {@link FormHandler}s), and what to expect from the {@link Access} each
 * declares, so a new command is tried without an edit here, and one that declares nothing fails.
 * Who is allowed must not be refused; who is not must get the kernel's polite refusal, in words of
 * the bundles, with nothing changed in any table (the outbox included).
 *
 * <p>The firm's things the interactions name all belong to one project, so each role relates to
 * them in known ways ({@link Role}). Buttons are taken from what Steward sent and answered while the
 * fixture was made and the commands were tried; forms from what the commands and buttons opened.
 * An allowed attempt runs in a transaction rolled back afterwards, so the next starts from the same
 * state; a refused one runs as a door runs it, and the tables are compared before and after.
 */
@SpringBootTest(properties = "steward.directory=src/test/resources/directory-matrix.yaml")
@ActiveProfiles("test")
@Import({ TestDoorConfiguration.class, MatrixFixture.class })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

	/** Each role as the matrix tries it, and how it relates to the fixture's project and its things. */
	enum Role {

		ADMIN("admin", Who.ADMIN),
		MANAGEMENT("david.miller", Who.MANAGEMENT),
		HR("liu.yang", Who.HR),
		DEPARTMENT_HEAD("li.na", Who.DEPARTMENT_HEAD),
		/** The project's manager, not listed on its team. */
		PROJECT_MANAGER("zhang.wei", Who.PROJECT_MANAGER),
		TEAM_MEMBER("sun.li", Who.TEAM),
		/** A project manager, of other projects. */
		MEMBER("emma.wilson"),
		/** The head of another department, and a project manager there. */
		OTHER_DEPARTMENT_HEAD("chen.jie"),
		/** The client's contact, outside the directory, by the chat account on the client's profile. */
		CLIENT_CONTACT("slack", MatrixFixture.CONTACT, Who.CLIENT_CONTACT),
		/** An admin who has left the firm: still in the directory file, marked inactive, with a Slack account. */
		FORMER_EMPLOYEE("slack", "U0FORMER00"),
		/** A Slack member the directory does not list. */
		NOT_IN_DIRECTORY("slack", "U0VISITOR0"),
		/** A Discord user nobody has seen, in Chinese. */
		UNKNOWN_PLATFORM_USER("discord", "999999999999999999");

		final String door;

		final String userId;

		final boolean stranger;

		final Set<Who> who;

		Role(String personId, Who... who) {
			this(RecordingDoor.NAME, personId, false, who);
		}

		Role(String door, String userId, Who... who) {
			this(door, userId, true, who);
		}

		Role(String door, String userId, boolean stranger, Who... who) {
			this.door = door;
			this.userId = userId;
			this.stranger = stranger;
			this.who = who.length == 0 ? EnumSet.noneOf(Who.class) : EnumSet.of(who[0], who);
		}

		Actor actor() {
			return door.equals("discord") ? new Actor(door, userId, Locale.SIMPLIFIED_CHINESE) : new Actor(door, userId);
		}

		/** Whether the access lets this role in, when the thing is for {@code addressee} (a user id, or null). */
		boolean allowed(Access access, String addressee) {
			var relations = EnumSet.noneOf(Who.class);
			relations.addAll(who);
			if (userId.equals(addressee)) {
				relations.add(Who.ADDRESSEE);
			}
			return (!stranger || access.guests()) && access.allows(relations);
		}

	}

	/** Tables whose rows change on their own (Quartz's bookkeeping), left out of the comparison. */
	private static final Set<String> MOVING = Set.of("qrtz_scheduler_state", "qrtz_fired_triggers", "qrtz_locks");

	/**
	 * What a refusal may write, by design, as a query of what must not change: a client's details
	 * record every refusal ({@code ClientManagement}), so only the looks granted are compared.
	 */
	private static final Map<String, String> RECORDED = Map.of("client_access",
			"select * from client_access where granted");

	@Autowired
	ChatGateway gateway;

	@Autowired
	RecordingDoor door;

	@Autowired
	List<ChatCommands> commands;

	@Autowired
	List<ActionHandler<?>> actions;

	@Autowired
	List<FormHandler<?>> forms;

	@Autowired
	FormSessions sessions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	tools.jackson.databind.json.JsonMapper json;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MatrixFixture fixture;

	@Autowired
	Texts texts;

	/** The tables as the last refusal left them, while nothing else has run since; else null. */
	private Map<String, String> baseline;

	/** How many roles each thing tried let in, as declared. */
	private final Map<String, Integer> attempts = new TreeMap<>();

	/** What did not go as declared, one line each: the test fails listing them all. */
	private final List<String> mismatches = new ArrayList<>();

	/** Buttons seen so far, in order, and whom they were for (a user id, or null). */
	private final List<Sample> buttons = new ArrayList<>();

	/** Most buttons of one kind tried (e.g. Approve, Request changes, Reject; the steps of feedback). */
	private static final int SAMPLES = 5;

	/** Who opened each form (its name), and for whom the opener was. */
	private final Map<String, List<Opened>> opened = new TreeMap<>();

	record Sample(InteractionId id, String addressee, ChannelRef channel) {
	}

	record Opened(Role role, String addressee) {
	}

	@BeforeAll
	void buildTheFirm() {
		fixture.build();
		awaitOutboxIdle();
		harvestDelivered();
	}

	/** The guard: what declares nothing cannot be checked, so it fails here, whatever module it is in. */
	@Test
	void everyCommandButtonAndFormSaysWhoMayUseIt() {
		var silent = new ArrayList<String>();
		commands.stream()
			.flatMap(provider -> provider.commands().stream())
			.filter(spec -> spec.access() == null)
			.forEach(spec -> silent.add("/" + spec.word() + " " + spec.sub() + " (CommandSpec.allow)"));
		actions.stream()
			.filter(handler -> handler.access() == null)
			.forEach(handler -> silent.add("button " + handler.name() + " (ActionHandler.access)"));
		forms.stream()
			.filter(form -> form.access() == null)
			.forEach(form -> silent.add("form " + form.name() + " (FormHandler.access)"));
		assertThat(silent).as("registered without saying who may use them").isEmpty();
	}

	@Test
	void everyCommandButtonAndFormAllowsExactlyWhomItDeclares() {
		var specs = commands.stream().flatMap(provider -> provider.commands().stream()).toList();
		for (var spec : specs) {
			var what = "/" + spec.word() + (spec.sub().isEmpty() ? "" : " " + spec.sub());
			if (spec.access() == null) {
				continue; // the guard names it
			}
			var text = fixture.arguments(spec);
			if (text == null) {
				mismatches.add(what + " has a required option the fixture has no sample for: "
						+ spec.options().stream().filter(CommandSpec.Option::required).map(CommandSpec.Option::name).toList());
				continue;
			}
			var addressee = fixture.addressee(spec);
			var typed = (spec.sub() + " " + text).strip();
			for (var role : Role.values()) {
				attempt(what + " " + text, role, spec.access(), addressee,
						as -> gateway.command(new ChatCommand(as.actor(), channel(as, null), spec.word(), typed)));
			}
		}

		// buttons: every kind registered, tried from real ones; clicks may show more kinds
		var tried = new TreeSet<String>();
		boolean more = true;
		while (more) {
			more = false;
			for (var handler : actions) {
				var samples = samples(handler.name());
				if (samples.isEmpty() || !tried.add(handler.name())) {
					continue;
				}
				more = true;
				for (var sample : samples) {
					var access = access(handler, sample.id());
					if (access == null) {
						continue; // the guard names it
					}
					for (var role : Role.values()) {
						attempt("button " + sample.id(), role, access, sample.addressee(),
								as -> gateway.action(new ChatAction(as.actor(), channel(as, sample), sample.id().encode())));
					}
				}
			}
		}
		for (var handler : actions) {
			if (!tried.contains(handler.name())) {
				mismatches.add("button " + handler.name() + " was never shown: the fixture must lead to one");
			}
		}

		// forms: each opened by someone, and only by whom it declares
		for (var form : forms) {
			var by = opened.getOrDefault(form.name(), List.of());
			if (by.isEmpty()) {
				mismatches.add("form " + form.name() + " was never opened: the fixture must lead to it");
			}
			for (var open : by) {
				if (form.access() != null && !open.role().allowed(form.access(), open.addressee())) {
					mismatches.add("form " + form.name() + " opened for " + open.role() + " though it declares "
							+ form.access());
				}
			}
		}

		// a matrix that lets nobody in proves only half: the fixture must name whom each thing is for
		attempts.forEach((what, allowed) -> {
			if (allowed == 0) {
				mismatches.add(what + " lets no role of the matrix in: the fixture must name whom it is for");
			}
		});
		assertThat(mismatches).as("attempts that did not go as declared").isEmpty();
	}

	/** Who may click this very button, as its handler declares. */
	private static <A extends Record> Access access(ActionHandler<A> handler, InteractionId id) {
		return handler.access(id.as(handler.kind()));
	}

	/** Tries one thing as one role, and checks it went as declared. */
	private void attempt(String what, Role role, Access access, String addressee, Function<Role, Reply> invoke) {
		currentAddressee = addressee;
		attempts.merge(what, role.allowed(access, addressee) ? 1 : 0, Integer::sum);
		if (role.allowed(access, addressee)) {
			// its work is rolled back, but what it did in transactions of its own (Separately) is not
			baseline = null;
			transactions.executeWithoutResult(status -> {
				status.setRollbackOnly();
				var reply = invoke.apply(role);
				if (reply instanceof Reply.Ephemeral said && said.refusal()) {
					mismatches.add(what + " refused " + role + " (declared " + access + "): " + text(said));
				}
				else if (reply instanceof Reply.Ephemeral said && apology(text(said))) {
					mismatches.add(what + " failed for " + role + ": " + text(said));
				}
				harvest(reply, role);
			});
			return;
		}
		var before = baseline != null ? baseline : snapshot();
		var reply = invoke.apply(role);
		var after = snapshot();
		baseline = after;
		if (!(reply instanceof Reply.Ephemeral said) || !said.refusal()) {
			mismatches.add(what + " let " + role + " in (declared " + access + "): " + describe(reply));
		}
		else if (text(said).isBlank() || apology(text(said))) {
			mismatches.add(what + " refused " + role + " without words of its own: " + text(said));
		}
		if (!before.equals(after)) {
			var changed = new TreeSet<String>();
			before.forEach((table, rows) -> {
				if (!rows.equals(after.get(table))) {
					changed.add(table);
				}
			});
			mismatches.add(what + " refused " + role + " but changed " + changed);
		}
	}

	/**
	 * Whether a text is the kernel's apology for a failure or for words it does not have, in either
	 * language: no refusal, and no answer, of the handler's own.
	 */
	private boolean apology(String text) {
		for (var locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
			var error = texts.get(locale, "kernel.error", "\u0000");
			if (text.contains(error.substring(0, error.indexOf('\u0000')))
					|| text.contains(texts.get(locale, Texts.MISSING))) {
				return true;
			}
		}
		return false;
	}

	/** Where a role acts: in the message's channel, or for something sent directly, in their own direct messages. */
	private static ChannelRef channel(Role role, Sample sample) {
		if (sample != null && !sample.channel().direct()) {
			return sample.channel();
		}
		return role.stranger ? ChannelRef.direct(role.door, role.userId) : ChannelRef.channel(RecordingDoor.NAME, "matrix");
	}

	/** Keeps the buttons a reply shows (for whomever the tried thing is for) and the form it opened. */
	private void harvest(Reply reply, Role role) {
		if (reply instanceof Reply.Ephemeral said) {
			keep(said.message(), currentAddressee, channel(role, null));
		}
		if (reply instanceof Reply.ShowForm form) {
			sessions.find(form.view().session())
				.ifPresent(session -> opened.computeIfAbsent(session.form(), name -> new ArrayList<>())
					.add(new Opened(role, currentAddressee)));
		}
	}

	/** The addressee of what is being tried, for the buttons and forms it shows. */
	private String currentAddressee;

	/**
	 * The buttons of what Steward said while the firm was made: the replies, and every message it
	 * queued (to any door, delivered or not: a client's contact on Slack is asked there) as it now
	 * stands (a card rewritten since shows its buttons of now), the newest first.
	 */
	private void harvestDelivered() {
		fixture.shown.forEach((message, to) -> keep(message, to, ChannelRef.direct(RecordingDoor.NAME, to)));
		jdbc.query("""
				select m.door, m.address, m.direct, m.body from outbox_message m
				where m.door <> 'playground' and not exists (select 1 from outbox_message u
				  where u.target_id = coalesce(m.target_id, m.id) and u.id > m.id)
				order by m.id desc""", row -> {
			var to = new ChannelRef(row.getString("door"), row.getString("address"), row.getBoolean("direct"));
			keep(json.readValue(row.getString("body"), Message.class), to.direct() ? to.id() : null, to);
		});
	}

	/** A message's buttons, and whom they are for. */
	private void keep(Message message, String addressee, ChannelRef channel) {
		for (var block : message.blocks()) {
			if (block instanceof Block.Actions actions) {
				for (var button : actions.buttons()) {
					buttons.add(new Sample(button.action(), addressee, channel));
				}
			}
		}
	}

	/**
	 * The buttons of a kind to try: one of each variant (its last argument: a decision, a step, a
	 * score), preferring one sent to someone (it says whom it is for), the first seen.
	 */
	private List<Sample> samples(String kind) {
		var variants = new LinkedHashMap<String, Sample>();
		for (boolean addressed : new boolean[] { true, false }) {
			buttons.stream()
				.filter(sample -> sample.id().handler().equals(kind) && (sample.addressee() != null) == addressed)
				.forEach(sample -> variants.putIfAbsent(sample.id().arg(sample.id().args().size() - 1), sample));
		}
		return variants.values().stream().limit(SAMPLES).toList();
	}

	/** Every application table, each as a digest of its rows in order. */
	private Map<String, String> snapshot() {
		var tables = jdbc.queryForList("""
				select table_name from information_schema.tables
				where table_schema = 'public' and table_type = 'BASE TABLE'""", String.class);
		var digests = new TreeMap<String, String>();
		for (var table : tables) {
			var name = table.toLowerCase(Locale.ROOT);
			if (MOVING.contains(name)) {
				continue;
			}
			var rows = new ArrayList<String>();
			jdbc.query(RECORDED.getOrDefault(name, "select * from " + name), row -> {
				var line = new StringBuilder();
				for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
					// large objects by their content: their objects differ at every read
					var value = row.getObject(i);
					if (value instanceof java.sql.Blob blob) {
						value = blob.getBytes(1, (int) blob.length());
					}
					else if (value instanceof java.sql.Clob clob) {
						value = clob.getSubString(1, (int) clob.length());
					}
					line.append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value))
						.append('\u0001');
				}
				rows.add(line.toString());
			});
			rows.sort(null);
			digests.put(name, rows.size() + ":" + sha256(String.join("\n", rows)));
		}
		return digests;
	}

	private void awaitOutboxIdle() {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.queryForObject(
					"select count(*) from outbox_message where status = 'PENDING'", Integer.class) == 0);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String text(Reply.Ephemeral said) {
		return said.message().fallback().replace('\n', ' ');
	}

	private static String describe(Reply reply) {
		return reply instanceof Reply.Ephemeral said ? text(said) : reply.getClass().getSimpleName();
	}

}
