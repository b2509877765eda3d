package dev.steward.support;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.steward.conversation.Actor;
import dev.steward.conversation.Authority;
import dev.steward.conversation.Caller;
import dev.steward.conversation.spi.CallerDirectory;

/**
 * A small directory for module tests that bootstrap the kernel without the directory module: the
 * people a test names, their user id on each door, and whether they are admins. Everyone else is
 * unknown, as they would be to the real directory.
 */
public class TestCallers implements CallerDirectory {

	private static final Authority ADMIN = new Authority() {

		@Override
		public boolean isAdmin() {
			return true;
		}

	};

	private final Map<String, Caller> people = new ConcurrentHashMap<>();

	/** Door name and platform user id to person id. */
	private final Map<String, String> identities = new ConcurrentHashMap<>();

	/** Adds a person, in English and UTC, known on a door by a user id. */
	public TestCallers person(String personId, String name, boolean admin, String door, String userId) {
		return person(personId, name, Locale.ENGLISH, ZoneOffset.UTC, admin).identity(personId, door, userId);
	}

	/** Adds a person with no identity on any door yet. */
	public TestCallers person(String personId, String name, Locale locale, ZoneId zone, boolean admin) {
		people.put(personId, new Caller(personId, name, locale, zone, admin ? ADMIN : Authority.NONE));
		return this;
	}

	/** Gives a person a user id on a door. */
	public TestCallers identity(String personId, String door, String userId) {
		identities.put(door + "\u0000" + userId, personId);
		return this;
	}

	@Override
	public Optional<Caller> find(Actor actor) {
		return Optional.ofNullable(identities.get(actor.door() + "\u0000" + actor.userId())).map(people::get);
	}

	@Override
	public Optional<Caller> person(String personId) {
		return Optional.ofNullable(people.get(personId));
	}

	@Override
	public Optional<String> address(String personId, String door) {
		var prefix = door + "\u0000";
		return identities.entrySet()
			.stream()
			.filter(entry -> entry.getKey().startsWith(prefix) && entry.getValue().equals(personId))
			.map(entry -> entry.getKey().substring(prefix.length()))
			.findFirst();
	}

	@Override
	public List<Caller> everyone() {
		return people.values().stream().sorted(java.util.Comparator.comparing(Caller::name)).toList();
	}

}
