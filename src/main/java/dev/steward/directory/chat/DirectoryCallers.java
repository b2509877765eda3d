package dev.steward.directory.chat;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.steward.conversation.Actor;
import dev.steward.conversation.Authority;
import dev.steward.conversation.Caller;
import dev.steward.conversation.spi.CallerDirectory;
import dev.steward.conversation.spi.ProjectAccess;
import dev.steward.directory.DirectoryManagement;
import dev.steward.directory.Person;
import dev.steward.directory.Role;
import dev.steward.firm.FirmDefaults;

/** The directory, as the kernel asks for it. */
@Component
class DirectoryCallers implements CallerDirectory {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DirectoryCallers.class);

	private final DirectoryManagement directory;

	private final Locale defaultLocale;

	private final ZoneId defaultZone;

	private final ObjectProvider<ProjectAccess> projects;

	private final Onboarding onboarding;

	private final dev.steward.conversation.Texts texts;

	DirectoryCallers(DirectoryManagement directory, FirmDefaults firm, ObjectProvider<ProjectAccess> projects,
			Onboarding onboarding, dev.steward.conversation.Texts texts) {
		this.directory = directory;
		this.onboarding = onboarding;
		this.texts = texts;
		this.projects = projects;
		this.defaultLocale = firm.locale();
		this.defaultZone = firm.zone();
	}

	/**
	 * The person behind a platform user: by their id (the directory file's, or one linked before),
	 * else, on a platform that tells e-mails, by their profile's e-mail, linked there and then.
	 */
	@Override
	public Optional<Caller> find(Actor actor) {
		return directory.byIdentity(actor.door(), actor.userId())
			.or(() -> onboarding.firstContact(actor))
			.map(person -> caller(person, actor.platformLocale(), actor.platformZone()));
	}

	/** Who to ask, and why they are not known where the directory can tell (a platform that tells e-mails). */
	@Override
	public Optional<String> stranger(Actor actor, Locale locale) {
		var admins = directory.withRole(Role.ADMIN).stream().map(Person::name).sorted()
			.collect(java.util.stream.Collectors.joining(", "));
		if (admins.isEmpty()) {
			return Optional.empty();
		}
		var why = directory.stranger(actor.door(), actor.userId())
			.map(s -> switch (s.why()) {
				case NO_EMAIL -> texts.get(locale, "directory.stranger.no-email");
				case NO_PERSON -> texts.get(locale, "directory.stranger.no-person", s.email());
				case ID_DISAGREES -> texts.get(locale, "directory.stranger.id-disagrees", s.email());
				case BOT -> texts.get(locale, "directory.stranger.bot");
			})
			.orElse(onboarding.platform(actor.door()).isPresent() ? ""
					: texts.get(locale, "directory.stranger.link"));
		return Optional.of(why.isEmpty() ? texts.get(locale, "directory.stranger.plain", actor.userId(), admins)
				: texts.get(locale, "directory.stranger", actor.userId(), admins, why));
	}

	@Override
	public Optional<Caller> person(String personId) {
		return directory.person(personId).map(person -> caller(person, null, null));
	}

	/** A person's user id on a door; on a platform that tells e-mails, looked up by their e-mail the first time. */
	@Override
	public Optional<String> address(String personId, String door) {
		return directory.identity(personId, door).or(() -> onboarding.lookUp(personId, door));
	}

	@Override
	public List<Caller> everyone() {
		return directory.everyone().stream().map(person -> caller(person, null, null)).toList();
	}

	@Override
	public void platformRoles(Actor actor, java.util.Set<String> roles) {
		var granted = new java.util.HashSet<Role>();
		for (var key : roles) {
			try {
				granted.add(Role.fromKey(key));
			}
			catch (IllegalArgumentException ex) {
				log.warn("Platform role mapped to unknown directory role '{}' on {}", key, actor.door());
			}
		}
		directory.byIdentity(actor.door(), actor.userId())
			.ifPresent(person -> directory.grantPlatformRoles(person.id(), actor.door(), granted));
	}

	private Caller caller(Person person, Locale platformLocale, ZoneId platformZone) {
		var locale = person.locale() != null ? person.locale() : platformLocale != null ? platformLocale : defaultLocale;
		var zone = person.zone() != null ? person.zone() : platformZone != null ? platformZone : defaultZone;
		return new Caller(person.id(), person.name(), supported(locale), zone, new PersonAuthority(person.id()));
	}

	/** What a directory person may do: the directory answers, and the owner of projects for projects. */
	private final class PersonAuthority implements Authority {

		private final String personId;

		PersonAuthority(String personId) {
			this.personId = personId;
		}

		@Override
		public boolean isAdmin() {
			return directory.isAdmin(personId);
		}

		@Override
		public boolean holds(String role) {
			try {
				return directory.holds(personId, Role.fromKey(role));
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}

		@Override
		public boolean heads(String departmentId) {
			return directory.heads(personId, departmentId);
		}

		@Override
		public boolean isOnTeam(String projectCode) {
			var access = projects.getIfAvailable();
			return access != null && access.isOnTeam(projectCode, personId);
		}

		@Override
		public boolean maySee(String projectCode) {
			var access = projects.getIfAvailable();
			return access != null && access.maySee(projectCode, personId);
		}

	}

	/** Steward speaks English and Simplified Chinese; any Chinese becomes zh-CN, anything else English. */
	static Locale supported(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
	}

}
