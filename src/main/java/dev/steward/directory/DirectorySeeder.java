package dev.steward.directory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads {@code config/directory.yaml} into the database at start: departments and people are
 * created or updated to match the file.
 */
@Component
class DirectorySeeder {

	private static final Logger log = LoggerFactory.getLogger(DirectorySeeder.class);

	private final People people;

	private final Path file;

	DirectorySeeder(People people, @Value("${steward.directory}") Path file) {
		this.people = people;
		this.file = file;
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
		for (var entry : directory.people()) {
			var roles = new HashSet<Role>();
			roles.add(Role.MEMBER);
			if (entry.roles() != null) {
				entry.roles().forEach(role -> roles.add(Role.fromKey(role)));
			}
			people.save(new Person(entry.id(), entry.name(), entry.department(), roles,
					entry.locale() == null ? null : Locale.forLanguageTag(entry.locale()),
					entry.timeZone() == null ? null : ZoneId.of(entry.timeZone()), blankToNull(entry.slack()),
					blankToNull(entry.discord()), entry.active() == null || entry.active()));
		}
		log.info("Directory: {} departments and {} people from {}", directory.departments().size(),
				directory.people().size(), file);
	}

	static DirectoryFile read(Path file) throws IOException {
		var sources = new YamlPropertySourceLoader().load("directory", new FileSystemResource(file));
		var binder = new Binder(org.springframework.boot.context.properties.source.ConfigurationPropertySources
			.from(sources.isEmpty() ? new MapPropertySource("empty", java.util.Map.of()) : sources.get(0)));
		return binder.bind("", DirectoryFile.class).orElseGet(() -> new DirectoryFile(List.of(), List.of()));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
