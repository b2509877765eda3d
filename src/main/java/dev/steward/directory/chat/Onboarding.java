package dev.steward.directory.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.steward.conversation.Actor;
import dev.steward.conversation.spi.Members;
import dev.steward.directory.DirectoryManagement;
import dev.steward.directory.DirectoryYaml;
import dev.steward.directory.LinkRefused;
import dev.steward.directory.LinkWay;
import dev.steward.directory.Person;
import dev.steward.firm.Separately;

/**
 * Ties chat accounts to directory people by e-mail, on platforms that tell it ({@link Members}):
 * the whole workspace at start and daily ({@link MemberSyncJob}), someone unknown who acts by their
 * profile's e-mail, and a person Steward first writes to by looking their e-mail up. Each link is
 * made in a transaction of its own, so it stands whatever the interaction that found it does.
 */
@Component
class Onboarding {

	private static final Logger log = LoggerFactory.getLogger(Onboarding.class);

	/** How long a person whose e-mail the platform did not find is not looked up again. */
	static final Duration LOOKUP_AGAIN_AFTER = Duration.ofMinutes(30);

	private final DirectoryManagement directory;

	private final ObjectProvider<Members> platforms;

	private final Separately separately;

	private final Clock clock;

	private final Map<String, Instant> notFound = new ConcurrentHashMap<>();

	Onboarding(DirectoryManagement directory, ObjectProvider<Members> platforms, Separately separately, Clock clock) {
		this.directory = directory;
		this.platforms = platforms;
		this.separately = separately;
		this.clock = clock;
	}

	/** The platforms that tell e-mails, e.g. Slack. */
	List<Members> platforms() {
		return platforms.orderedStream().toList();
	}

	Optional<Members> platform(String door) {
		return platforms().stream().filter(members -> members.door().equals(door)).findFirst();
	}

	/**
	 * Someone the directory does not know acted: linked if their profile's e-mail is exactly one
	 * person's (and nothing disagrees), else noted as an account that matched nobody.
	 */
	Optional<Person> firstContact(Actor actor) {
		var platform = platform(actor.door());
		if (platform.isEmpty()) {
			return Optional.empty();
		}
		var member = platform.get().member(actor.userId());
		if (member.isEmpty()) {
			return Optional.empty();
		}
		var found = member.get();
		return match(actor.door(), found, LinkWay.FIRST_CONTACT);
	}

	/**
	 * A person's user id on a door where they have none yet, found by their e-mail (a new hire
	 * Steward first writes to): linked, and the id answered. A person the platform does not find is
	 * asked about again only after {@link #LOOKUP_AGAIN_AFTER}.
	 */
	Optional<String> lookUp(String personId, String door) {
		var platform = platform(door);
		var person = directory.person(personId).orElse(null);
		if (platform.isEmpty() || person == null || person.email() == null || person.identity(door) != null) {
			return Optional.empty();
		}
		var key = door + ":" + personId;
		var until = notFound.get(key);
		if (until != null && until.isAfter(clock.instant())) {
			return Optional.empty();
		}
		var member = platform.get().byEmail(person.email()).filter(m -> !m.bot() && !m.deleted());
		var linked = member.flatMap(m -> match(door, m, LinkWay.EMAIL_LOOKUP));
		if (linked.isEmpty()) {
			notFound.put(key, clock.instant().plus(LOOKUP_AGAIN_AFTER));
			return Optional.empty();
		}
		return Optional.ofNullable(linked.get().identity(door));
	}

	/** What a sync of one platform's members did. */
	record Synced(String door, int members, int linked, int unmatched) {
	}

	/** Matches every member of every platform that tells e-mails; a platform that is down is skipped and logged. */
	List<Synced> syncAll() {
		return platforms().stream().map(this::sync).flatMap(Optional::stream).toList();
	}

	Optional<Synced> sync(Members platform) {
		List<Members.Member> members;
		try {
			members = platform.all();
		}
		catch (Members.MembersUnavailable ex) {
			log.warn("Could not list the {} members to match by e-mail: {}", platform.door(), ex.getMessage());
			return Optional.empty();
		}
		int linked = 0;
		int unmatched = 0;
		for (var member : members) {
			if (member.bot() || member.deleted() || directory.byIdentity(platform.door(), member.userId()).isPresent()) {
				continue;
			}
			if (member.email() != null && match(platform.door(), member, LinkWay.WORKSPACE).isPresent()) {
				linked++;
			}
			else {
				unmatched++;
			}
		}
		log.info("Matched {} members by e-mail: {} of {} newly linked, {} with no directory entry", platform.door(),
				linked, members.size(), unmatched);
		return Optional.of(new Synced(platform.door(), members.size(), linked, unmatched));
	}

	/**
	 * The platform's members with no directory entry as a ready-to-paste {@code people:} snippet, or
	 * empty when the platform cannot list them.
	 */
	Optional<Unmatched> unmatched(String door) throws Members.MembersUnavailable {
		var platform = platform(door);
		if (platform.isEmpty()) {
			return Optional.empty();
		}
		var newcomers = platform.get()
			.all()
			.stream()
			.filter(m -> !m.bot() && !m.deleted() && m.email() != null)
			.filter(m -> directory.byIdentity(door, m.userId()).isEmpty() && directory.byEmail(m.email()).isEmpty())
			.map(m -> new DirectoryYaml.Newcomer(m.name(), m.email()))
			.toList();
		var taken = directory.everyone().stream().map(Person::id).collect(Collectors.toSet());
		return Optional.of(new Unmatched(newcomers.size(), DirectoryYaml.snippet(newcomers, taken)));
	}

	record Unmatched(int count, String snippet) {
	}

	private Optional<Person> match(String door, Members.Member member, LinkWay how) {
		try {
			return separately.call(() -> directory.matchByEmail(door, member.userId(), member.name(), member.email(),
					member.bot(), how));
		}
		catch (LinkRefused race) {
			// another instance linked one of them a moment ago: whoever it made is the link
			log.info("{} account {} not linked by e-mail: {}", door, member.userId(), race.getMessage());
			return directory.byIdentity(door, member.userId());
		}
	}

}
