package dev.steward.directory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Loads {@code config/directory.yaml} into the database at start: departments and people are
 * created or updated to match the file.
 */
@Component
@org.springframework.boot.context.properties.EnableConfigurationProperties(DirectorySettings.class)
class DirectorySeeder {

	private static final Logger log = LoggerFactory.getLogger(DirectorySeeder.class);

	private final People people;

	private final Path file;

	DirectorySeeder(People people, DirectorySettings settings) {
		this.people = people;
		this.file = settings.directory();
	}

	record DirectoryFile(List<DepartmentEntry> departments, List<PersonEntry> people) {

		DirectoryFile {
			departments = departments == null ? List.of() : departments;
			people = people == null ? List.of() : people;
		}

	}

	record DepartmentEntry(String id, String name, String nameZh, String head) {
	}

	record PersonEntry(String id, String name, String department, List<String> roles, String locale, String timeZone,
			String slack, String discord, Boolean active) {
	}

	@EventListener(ContextRefreshedEvent.class)
	@Transactional
	public void seed() throws IOException {
		if (!Files.isRegularFile(file)) {
			log.warn("No directory file at {}: nobody can use the bot until one is written", file.toAbsolutePath());
			return;
		}
		var directory = read(file);
		directory.departments().forEach(entry -> people.save(new Department(entry.id(), entry.name(), entry.nameZh(),
				entry.head())));
		// only who changed is written: a restart of a large firm's Steward rewrites nobody
		var filed = people.allAsFiled();
		int written = 0;
		for (var entry : directory.people()) {
			var roles = new HashSet<Role>();
			roles.add(Role.MEMBER);
			if (entry.roles() != null) {
				entry.roles().forEach(role -> roles.add(Role.fromKey(role)));
			}
			var person = new Person(entry.id(), entry.name(), entry.department(), roles,
					entry.locale() == null ? null : Locale.forLanguageTag(entry.locale()),
					entry.timeZone() == null ? null : ZoneId.of(entry.timeZone()), blankToNull(entry.slack()),
					blankToNull(entry.discord()), entry.active() == null || entry.active());
			if (!person.equals(filed.get(person.id()))) {
				people.save(person);
				written++;
			}
		}
		log.info("Directory: {} departments and {} people from {} ({} written)", directory.departments().size(),
				directory.people().size(), file, written);
	}

	/**
	 * Reads the directory file. SnakeYAML straight into the records: Spring's binder, made for
	 * configuration, takes minutes over a firm of ten thousand people.
	 */
	static DirectoryFile read(Path file) throws IOException {
		Object root;
		try (var reader = Files.newBufferedReader(file)) {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
		}
		if (!(root instanceof Map<?, ?> map)) {
			return new DirectoryFile(List.of(), List.of());
		}
		var departments = entries(map.get("departments")).stream()
			.map(entry -> new DepartmentEntry(text(entry, "id"), text(entry, "name"), text(entry, "name-zh", "nameZh"),
					text(entry, "head")))
			.toList();
		var people = entries(map.get("people")).stream()
			.map(entry -> new PersonEntry(text(entry, "id"), text(entry, "name"), text(entry, "department"),
					list(entry, "roles"), text(entry, "locale"), text(entry, "time-zone", "timeZone"), text(entry, "slack"),
					text(entry, "discord"), entry.get("active") == null ? null
							: Boolean.valueOf(String.valueOf(entry.get("active")))))
			.toList();
		return new DirectoryFile(departments, people);
	}

	private static List<Map<?, ?>> entries(Object value) {
		if (!(value instanceof List<?> list)) {
			return List.of();
		}
		return list.stream().filter(Map.class::isInstance).<Map<?, ?>>map(Map.class::cast).toList();
	}

	/** A value by any of its spellings, as text (YAML may have read an unquoted id as a number). */
	private static String text(Map<?, ?> entry, String... keys) {
		for (var key : keys) {
			var value = entry.get(key);
			if (value != null) {
				return String.valueOf(value);
			}
		}
		return null;
	}

	private static List<String> list(Map<?, ?> entry, String key) {
		return entry.get(key) instanceof List<?> values ? values.stream().map(String::valueOf).toList() : null;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
