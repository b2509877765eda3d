package dev.steward.directory;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** People and departments in the database. */
@Repository
class People {

	/**
	 * A person with the ids they use on each door: the directory file's, else the account linked to
	 * them while Steward ran ({@code person_link}; the file's id wins).
	 */
	private static final String PERSON = """
			select p.id, p.name, p.department_id, p.roles, p.locale, p.time_zone,
			  coalesce(p.slack_id, ls.user_id) as slack_id, coalesce(p.discord_id, ld.user_id) as discord_id,
			  p.active, p.email
			from person p
			left join person_link ls on ls.person_id = p.id and ls.door = 'slack'
			left join person_link ld on ld.person_id = p.id and ld.door = 'discord'
			""";

	/** A person as the directory file has them. */
	private static final String FILED = "select id, name, department_id, roles, locale, time_zone, slack_id, discord_id, active, email from person ";

	private static final RowMapper<Person> PERSON_ROW = (rs, row) -> new Person(rs.getString("id"),
			rs.getString("name"), rs.getString("department_id"),
			Arrays.stream(rs.getString("roles").split(",")).filter(s -> !s.isBlank()).map(Role::fromKey)
				.collect(Collectors.toSet()),
			rs.getString("locale") == null ? null : Locale.forLanguageTag(rs.getString("locale")),
			rs.getString("time_zone") == null ? null : ZoneId.of(rs.getString("time_zone")), rs.getString("slack_id"),
			rs.getString("discord_id"), rs.getBoolean("active"), rs.getString("email"));

	private static final RowMapper<Department> DEPARTMENT_ROW = (rs, row) -> new Department(rs.getString("id"),
			rs.getString("name"), rs.getString("name_zh"), rs.getString("head_id"));

	private final JdbcClient jdbc;

	People(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A person by id, remembered for a few seconds: one weekly prompt reads each member several
	 * times (their zone, their language, their name), and a firm's prompts come all at once. Every
	 * change made through this class forgets the person at once.
	 */
	Optional<Person> byId(String id) {
		long now = System.nanoTime();
		var remembered = recent.get(id);
		if (remembered != null && now - remembered.at() < REMEMBER_NANOS) {
			return remembered.person();
		}
		var person = jdbc.sql(PERSON + "where p.id = :v").param("v", id).query(PERSON_ROW).optional()
			.map(this::withPlatformRoles);
		if (recent.size() >= REMEMBER_AT_MOST) {
			recent.clear();
		}
		recent.put(id, new Remembered(person, now));
		return person;
	}

	private record Remembered(Optional<Person> person, long at) {
	}

	private static final long REMEMBER_NANOS = java.time.Duration.ofSeconds(5).toNanos();

	private static final int REMEMBER_AT_MOST = 20_000;

	private final java.util.concurrent.ConcurrentMap<String, Remembered> recent = new java.util.concurrent.ConcurrentHashMap<>();

	/** Forgets what was remembered of a person, e.g. after a link to them changed. */
	void forget(String personId) {
		recent.remove(personId);
	}

	/** The person with this user id on a door: named so in the directory file, else linked to it. */
	Optional<Person> byIdentity(String door, String userId) {
		String filed;
		String linked;
		switch (door) {
			case "slack" -> {
				filed = PERSON + "where p.slack_id = :v";
				linked = PERSON + "where p.slack_id is null and ls.user_id = :v";
			}
			case "discord" -> {
				filed = PERSON + "where p.discord_id = :v";
				linked = PERSON + "where p.discord_id is null and ld.user_id = :v";
			}
			default -> {
				return byId(userId);
			}
		}
		var found = jdbc.sql(filed).param("v", userId).query(PERSON_ROW).optional();
		if (found.isEmpty()) {
			found = jdbc.sql(linked).param("v", userId).query(PERSON_ROW).optional();
		}
		return found.map(this::withPlatformRoles);
	}

	/** The person with this e-mail (stored in lower case), if any. */
	Optional<Person> byEmail(String email) {
		return jdbc.sql(PERSON + "where p.email = :v")
			.param("v", email.strip().toLowerCase(Locale.ROOT))
			.query(PERSON_ROW)
			.optional()
			.map(this::withPlatformRoles);
	}

	/** The person as the directory file has them (without links or platform roles). */
	Optional<Person> asFiled(String id) {
		return jdbc.sql(FILED + "where id = :v").param("v", id).query(PERSON_ROW).optional();
	}

	List<Person> all() {
		var granted = new java.util.HashMap<String, Set<Role>>();
		jdbc.sql("select person_id, role from person_platform_role")
			.query((rs, n) -> granted.computeIfAbsent(rs.getString("person_id"), id -> new java.util.HashSet<>())
				.add(Role.fromKey(rs.getString("role"))))
			.list();
		return jdbc.sql(PERSON + "order by p.name")
			.query(PERSON_ROW)
			.list()
			.stream()
			.map(person -> with(person, granted.getOrDefault(person.id(), Set.of())))
			.toList();
	}

	/** Everyone as the directory file has them (without the roles platforms give), by id. */
	java.util.Map<String, Person> allAsFiled() {
		var everyone = new java.util.HashMap<String, Person>();
		jdbc.sql(FILED).query(PERSON_ROW).list().forEach(person -> everyone.put(person.id(), person));
		return everyone;
	}

	/** Replaces the roles a person holds through one door's platform roles. */
	void replacePlatformRoles(String personId, String door, Set<Role> roles) {
		recent.remove(personId);
		jdbc.sql("delete from person_platform_role where person_id = :id and door = :door")
			.param("id", personId)
			.param("door", door)
			.update();
		for (var role : roles) {
			jdbc.sql("insert into person_platform_role (person_id, door, role) values (:id, :door, :role)")
				.param("id", personId)
				.param("door", door)
				.param("role", role.key())
				.update();
		}
	}

	/** The roles a person holds through one door's platform roles. */
	Set<Role> platformRoles(String personId, String door) {
		return jdbc.sql("select role from person_platform_role where person_id = :id and door = :door")
			.param("id", personId)
			.param("door", door)
			.query((rs, n) -> Role.fromKey(rs.getString("role")))
			.set();
	}

	/** A person with the roles platforms give them added (the directory file's stay as they are). */
	private Person withPlatformRoles(Person person) {
		return with(person, jdbc.sql("select role from person_platform_role where person_id = :id")
			.param("id", person.id())
			.query((rs, n) -> Role.fromKey(rs.getString("role")))
			.set());
	}

	private static Person with(Person person, Set<Role> granted) {
		if (granted.isEmpty()) {
			return person;
		}
		var roles = new java.util.HashSet<>(person.roles());
		roles.addAll(granted);
		return new Person(person.id(), person.name(), person.departmentId(), roles, person.locale(), person.zone(),
				person.slackId(), person.discordId(), person.active(), person.email());
	}

	List<Department> departments() {
		return jdbc.sql("select id, name, name_zh, head_id from department order by name").query(DEPARTMENT_ROW).list();
	}

	Optional<Department> department(String id) {
		return jdbc.sql("select id, name, name_zh, head_id from department where id = :id")
			.param("id", id)
			.query(DEPARTMENT_ROW)
			.optional();
	}

	void save(Department department) {
		int updated = jdbc.sql("update department set name = :name, name_zh = :zh, head_id = :head where id = :id")
			.param("id", department.id())
			.param("name", department.name())
			.param("zh", department.nameZh())
			.param("head", department.headId())
			.update();
		if (updated == 0) {
			jdbc.sql("insert into department (id, name, name_zh, head_id) values (:id, :name, :zh, :head)")
				.param("id", department.id())
				.param("name", department.name())
				.param("zh", department.nameZh())
				.param("head", department.headId())
				.update();
		}
	}

	/** Takes a person's e-mail away (the directory file gave it to someone else, or none). */
	void clearEmail(String personId) {
		recent.remove(personId);
		jdbc.sql("update person set email = null where id = :id").param("id", personId).update();
	}

	void save(Person person) {
		recent.remove(person.id());
		var roles = person.roles().stream().map(Role::key).sorted().collect(Collectors.joining(","));
		var params = new java.util.HashMap<String, Object>();
		params.put("id", person.id());
		params.put("name", person.name());
		params.put("dept", person.departmentId());
		params.put("roles", roles);
		params.put("locale", person.locale() == null ? null : person.locale().toLanguageTag());
		params.put("zone", person.zone() == null ? null : person.zone().getId());
		params.put("slack", person.slackId());
		params.put("discord", person.discordId());
		params.put("active", person.active());
		params.put("email", person.email());
		int updated = jdbc.sql("""
				update person set name = :name, department_id = :dept, roles = :roles, locale = :locale,
				  time_zone = :zone, slack_id = :slack, discord_id = :discord, active = :active, email = :email
				where id = :id""")
			.params(params)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into person (id, name, department_id, roles, locale, time_zone, slack_id, discord_id, active, email)
					values (:id, :name, :dept, :roles, :locale, :zone, :slack, :discord, :active, :email)""")
				.params(params)
				.update();
		}
	}

}
