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

	DirectoryCallers(DirectoryManagement directory, FirmDefaults firm, ObjectProvider<ProjectAccess> projects) {
		this.directory = directory;
		this.projects = projects;
		this.defaultLocale = firm.locale();
		this.defaultZone = firm.zone();
	}

	@Override
	public Optional<Caller> find(Actor actor) {
		return directory.byIdentity(actor.door(), actor.userId())
			.map(person -> caller(person, actor.platformLocale(), actor.platformZone()));
	}

	@Override
	public Optional<Caller> person(String personId) {
		return directory.person(personId).map(person -> caller(person, null, null));
	}

	@Override
	public Optional<String> address(String personId, String door) {
		return directory.identity(personId, door);
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
