package dev.steward.directory;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** The directory's API: who people are, what they head, what roles they hold. */
@Service
public class DirectoryManagement {

	private final People people;

	DirectoryManagement(People people) {
		this.people = people;
	}

	public Optional<Person> person(String id) {
		return people.byId(id).filter(Person::active);
	}

	/** The person with a platform user id on a door ({@code slack}, {@code discord}; the id itself elsewhere). */
	public Optional<Person> byIdentity(String door, String userId) {
		var found = switch (door) {
			case "slack" -> people.bySlackId(userId);
			case "discord" -> people.byDiscordId(userId);
			default -> people.byId(userId);
		};
		return found.filter(Person::active);
	}

	/** The person's user id on a door, if they have one there. */
	public Optional<String> identity(String personId, String door) {
		return person(personId).map(person -> switch (door) {
			case "slack" -> person.slackId();
			case "discord" -> person.discordId();
			default -> person.id();
		});
	}

	/** A person's name, or the id itself when the directory no longer knows them. */
	public String name(String personId) {
		return people.byId(personId).map(Person::name).orElse(personId);
	}

	public List<Person> everyone() {
		return people.all().stream().filter(Person::active).toList();
	}

	public List<Person> withRole(Role role) {
		return everyone().stream().filter(person -> person.has(role)).toList();
	}

	public List<Department> departments() {
		return people.departments();
	}

	public Optional<Department> department(String id) {
		return id == null ? Optional.empty() : people.department(id);
	}

	public String departmentName(String id, Locale locale) {
		return department(id).map(department -> department.name(locale)).orElse(id == null ? "" : id);
	}

	/**
	 * Sets the roles a person holds through their roles on a platform (e.g. Discord server roles,
	 * mapped by configuration), replacing what that door said before; the directory file's roles
	 * stay. Answers whether anything changed.
	 */
	@org.springframework.transaction.annotation.Transactional
	public boolean grantPlatformRoles(String personId, String door, java.util.Set<Role> roles) {
		if (people.platformRoles(personId, door).equals(roles)) {
			return false;
		}
		people.replacePlatformRoles(personId, door, roles);
		return true;
	}

	// --- authority: the one place modules ask what a person may do -------------------------------

	/** Whether the person is an active admin. */
	public boolean isAdmin(String personId) {
		return holds(personId, Role.ADMIN);
	}

	/** Whether the person is active and holds the role (from the directory file or a platform's roles). */
	public boolean holds(String personId, Role role) {
		return personId != null && person(personId).map(person -> person.has(role)).orElse(false);
	}

	/** Whether the person is active and heads the department. */
	public boolean heads(String personId, String departmentId) {
		return personId != null && headOf(departmentId).map(head -> head.id().equals(personId)).orElse(false);
	}

	/** Who heads the department, if it has an active head. */
	public Optional<Person> headOf(String departmentId) {
		return department(departmentId).map(Department::headId).flatMap(this::person);
	}

}
