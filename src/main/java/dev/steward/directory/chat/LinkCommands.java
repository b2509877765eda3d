package dev.steward.directory.chat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.ActionHandler;
import dev.steward.conversation.Attachment;
import dev.steward.conversation.Button;
import dev.steward.conversation.Caller;
import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.ChatCommands;
import dev.steward.conversation.CommandRequest;
import dev.steward.conversation.CommandSpec;
import dev.steward.conversation.CommandSpec.Option;
import dev.steward.conversation.Interaction;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Message;
import dev.steward.conversation.Outbox;
import dev.steward.conversation.Recipients;
import dev.steward.conversation.Refusal;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.conversation.spi.Door;
import dev.steward.conversation.spi.Members;
import dev.steward.directory.DirectoryManagement;
import dev.steward.directory.Links;
import dev.steward.directory.Person;

/**
 * Who is linked to which chat account: {@code /steward link EMAIL} (open to people outside the
 * directory: a claim that goes to the admins as a card with Confirm and Reject), {@code /steward
 * people [unmatched]} and {@code /steward unlink PERSON} (admins).
 */
@Component
class LinkCommands implements ChatCommands, ActionHandler<LinkCommands.DecideClaim> {

	/** Confirm or Reject on a link claim's card. */
	@Interaction("link-claim")
	record DecideClaim(long claim, boolean confirm) {
	}

	/** Most names one list of {@code /steward people} shows. */
	static final int SHOWN = 25;

	private final DirectoryManagement directory;

	private final Onboarding onboarding;

	private final Outbox outbox;

	private final Recipients recipients;

	private final Texts texts;

	private final ObjectProvider<Door> doors;

	LinkCommands(DirectoryManagement directory, Onboarding onboarding, Outbox outbox, Recipients recipients,
			Texts texts, ObjectProvider<Door> doors) {
		this.directory = directory;
		this.onboarding = onboarding;
		this.outbox = outbox;
		this.recipients = recipients;
		this.texts = texts;
		this.doors = doors;
	}

	@Override
	public Access access() {
		return Access.of(Who.ADMIN);
	}

	@Override
	public List<CommandSpec> commands() {
		return List.of(
				new CommandSpec("steward", "link", List.of(Option.required("email", Option.Type.TEXT,
						"steward.link.option.email")), "steward.link.description", this::link)
					.allow(Who.ANYONE).openToGuests(),
				new CommandSpec("steward", "people", List.of(new Option("list", Option.Type.CHOICE, false,
						"steward.people.option.list", List.of("unmatched"))), "steward.people.description", this::people)
					.allow(Who.ADMIN),
				new CommandSpec("steward", "unlink", List.of(Option.required("person", Option.Type.PERSON,
						"steward.unlink.option.person")), "steward.unlink.description", this::unlink)
					.allow(Who.ADMIN));
	}

	/** Always a key of this card, so a decision rewrites every admin's copy in place. */
	static String cardKey(long claimId) {
		return "link-claim-" + claimId;
	}

	private Reply link(CommandRequest request) {
		var caller = request.caller();
		if (!caller.guest()) {
			return Reply.say(texts.get(caller, "steward.link.already", caller.name()));
		}
		var account = caller.platformUser().orElseThrow();
		var email = request.argText().strip();
		if (email.isEmpty()) {
			throw new Refusal(texts.get(caller, "steward.link.usage"));
		}
		var claim = directory.claim(account.door(), account.userId(), null, email);
		var person = directory.person(claim.personId()).orElseThrow();
		var admins = directory.withRole(dev.steward.directory.Role.ADMIN);
		for (var admin : admins) {
			outbox.toPerson(admin.id(), card(recipients.of(admin.id()), claim, person, null), cardKey(claim.id()));
		}
		return Reply.say(texts.get(caller, "steward.link.sent", admins.stream().map(Person::name).sorted()
			.collect(Collectors.joining(", "))));
	}

	/** The claim's card: the account, the person it names, and Confirm / Reject while it is open. */
	private Message card(Caller reader, Links.Claim claim, Person person, String decided) {
		var title = texts.get(reader, "steward.link.card.title");
		var builder = Message.builder(title)
			.header(title)
			.text(texts.get(reader, "steward.link.card.text", platformName(claim.door()), claim.userId(), person.name(),
					person.id(), person.email()));
		if (decided == null) {
			builder.context(texts.get(reader, "steward.link.card.check"));
			builder.actions(List.of(
					Button.primary(texts.get(reader, "steward.link.card.confirm"),
							InteractionId.of(new DecideClaim(claim.id(), true))),
					Button.danger(texts.get(reader, "steward.link.card.reject"),
							InteractionId.of(new DecideClaim(claim.id(), false)))));
		}
		else {
			builder.context(decided);
		}
		return builder.build();
	}

	@Override
	public Reply handle(ActionRequest<DecideClaim> request) {
		var caller = request.caller();
		var decided = directory.decide(request.args().claim(), request.args().confirm(), caller.personId());
		var person = directory.person(decided.personId()).orElseThrow();
		var reader = recipients.channelReader();
		var line = texts.get(reader, decided.status() == Links.Claim.Status.CONFIRMED ? "steward.link.card.confirmed"
				: "steward.link.card.rejected", caller.name(), texts.when(reader, decided.decidedAt()));
		outbox.update(cardKey(decided.id()), card(reader, decided, person, line));
		var account = ChannelRef.direct(decided.door(), decided.userId());
		if (decided.status() == Links.Claim.Status.CONFIRMED) {
			var them = recipients.of(person.id());
			outbox.toChannel(account, Message.text(texts.get(them, "steward.link.welcome", person.name())), null);
			return Reply.say(texts.get(caller, "steward.link.confirmed", person.name(), platformName(decided.door())));
		}
		outbox.toChannel(account, Message.text(texts.get(reader, "steward.link.rejected-note")), null);
		return Reply.say(texts.get(caller, "steward.link.rejected", person.name()));
	}

	private Reply people(CommandRequest request) {
		var caller = request.caller();
		if (!caller.isAdmin()) {
			throw new Refusal(texts.get(caller, "steward.people.admins-only"));
		}
		if ("unmatched".equals(request.arg(0).strip().toLowerCase(Locale.ROOT))) {
			return unmatched(caller);
		}
		var everyone = directory.everyone();
		var runtime = directory.links();
		var strangers = directory.strangers();
		var title = texts.get(caller, "steward.people.title", everyone.size());
		var builder = Message.builder(title).header(title);
		var platforms = platforms();
		if (platforms.isEmpty()) {
			builder.text(texts.get(caller, "steward.people.no-platform"));
		}
		for (var door : platforms) {
			var linked = everyone.stream().filter(p -> p.identity(door) != null).toList();
			var notLinked = everyone.stream().filter(p -> p.identity(door) == null).toList();
			var acted = strangers.stream().filter(s -> s.door().equals(door)).toList();
			builder.divider();
			builder.text(texts.get(caller, "steward.people.platform", platformName(door), linked.size(),
					notLinked.size(), acted.size()));
			if (!linked.isEmpty()) {
				builder.text(texts.get(caller, "steward.people.linked", names(linked.stream().map(p -> p.name() + " ("
						+ how(caller, door, p, runtime) + ")").toList())));
			}
			if (!notLinked.isEmpty()) {
				builder.text(texts.get(caller, "steward.people.not-linked",
						names(notLinked.stream().map(p -> p.name() + (p.email() == null ? "" : " · " + p.email())).toList())));
			}
			if (!acted.isEmpty()) {
				builder.text(texts.get(caller, "steward.people.acted", names(acted.stream()
					.map(s -> "`" + s.userId() + "`" + (s.name() == null ? "" : " " + s.name())
							+ (s.email() == null ? "" : " · " + s.email()) + " — " + why(caller, s.why()))
					.toList())));
			}
		}
		builder.context(texts.get(caller, onboarding.platforms().isEmpty() ? "steward.people.footer-link"
				: "steward.people.footer"));
		return Reply.say(builder.build());
	}

	private Reply unmatched(Caller caller) {
		var platforms = onboarding.platforms();
		if (platforms.isEmpty()) {
			return Reply.say(texts.get(caller, "steward.people.unmatched.none-tell"));
		}
		var title = texts.get(caller, "steward.people.unmatched.title");
		var builder = Message.builder(title).header(title);
		for (var platform : platforms) {
			Onboarding.Unmatched found;
			try {
				found = onboarding.unmatched(platform.door()).orElse(null);
			}
			catch (Members.MembersUnavailable ex) {
				builder.text(texts.get(caller, "steward.people.unmatched.unavailable", platformName(platform.door())));
				continue;
			}
			if (found == null || found.count() == 0) {
				builder.text(texts.get(caller, "steward.people.unmatched.everyone", platformName(platform.door())));
				continue;
			}
			builder.text(texts.get(caller, "steward.people.unmatched.count", platformName(platform.door()),
					found.count()));
			builder.file(new Attachment("directory-unmatched-" + platform.door() + ".yaml", Attachment.YAML,
					texts.get(caller, "steward.people.unmatched.file", platformName(platform.door())),
					found.snippet().getBytes(StandardCharsets.UTF_8)));
		}
		return Reply.say(builder.build());
	}

	private Reply unlink(CommandRequest request) {
		var caller = request.caller();
		var personId = request.arg(0).strip();
		if (personId.isEmpty()) {
			throw new Refusal(texts.get(caller, "steward.unlink.usage"));
		}
		var removed = directory.unlink(personId, caller.personId());
		var accounts = removed.stream().map(link -> platformName(link.door()) + " `" + link.userId() + "`")
			.collect(Collectors.joining(", "));
		return Reply.say(texts.get(caller, "steward.unlink.done", directory.name(personId), accounts));
	}

	/** The chat platforms on (their doors), the playground aside: it has no accounts to link. */
	private List<String> platforms() {
		return doors.orderedStream().map(Door::name).filter(name -> !name.equals("playground")).distinct().sorted()
			.toList();
	}

	private String how(Caller caller, String door, Person person, List<Links.Link> runtime) {
		return runtime.stream()
			.filter(link -> link.door().equals(door) && link.personId().equals(person.id())
					&& link.userId().equals(person.identity(door)))
			.findFirst()
			.map(link -> switch (link.how()) {
				case WORKSPACE, FIRST_CONTACT, EMAIL_LOOKUP -> texts.get(caller, "steward.people.how.email");
				case CONFIRMED -> texts.get(caller, "steward.people.how.confirmed", directory.name(link.linkedBy()));
				case UNLINKED -> texts.get(caller, "steward.people.how.file");
			})
			.orElse(texts.get(caller, "steward.people.how.file"));
	}

	private String why(Caller caller, Links.Unmatched why) {
		return switch (why) {
			case NO_EMAIL -> texts.get(caller, "steward.people.why.no-email");
			case NO_PERSON -> texts.get(caller, "steward.people.why.no-person");
			case ID_DISAGREES -> texts.get(caller, "steward.people.why.id-disagrees");
			case BOT -> texts.get(caller, "steward.people.why.bot");
		};
	}

	private static String names(List<String> names) {
		var shown = new ArrayList<>(names.subList(0, Math.min(SHOWN, names.size())));
		if (names.size() > SHOWN) {
			shown.add("… +" + (names.size() - SHOWN));
		}
		return String.join(", ", shown);
	}

	private static String platformName(String door) {
		return switch (door) {
			case "slack" -> "Slack";
			case "discord" -> "Discord";
			default -> door;
		};
	}

}
