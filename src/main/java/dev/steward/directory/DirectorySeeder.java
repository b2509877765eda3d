package dev.steward.directory;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Loads {@code config/directory.yaml} into the database at start: departments and people are
 * created or updated to match the file. The whole file is checked first: a duplicate id or e-mail,
 * an unknown department or role, a malformed entry stops the start naming the file, the line and
 * what is wrong, and nothing is written. Links made while Steward runs live in a table of their own
 * ({@code person_link}), which this never touches.
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
			String slack, String discord, Boolean active, String email) {
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
		// an e-mail the file now gives someone else (an id renamed, an address handed on) is first taken
		// from whoever held it, so one e-mail stays one person's at every step
		var emails = new java.util.HashMap<String, String>();
		directory.people().forEach(entry -> emails.put(entry.id(), entry.email()));
		for (var held : filed.values()) {
			if (held.email() != null && !held.email().equals(emails.get(held.id()))) {
				people.clearEmail(held.id());
			}
		}
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
					blankToNull(entry.discord()), entry.active() == null || entry.active(), entry.email());
			if (!person.equals(filed.get(person.id()))) {
				people.save(person);
				written++;
			}
		}
		log.info("Directory: {} departments and {} people from {} ({} written)", directory.departments().size(),
				directory.people().size(), file, written);
	}

	/**
	 * Reads and checks the directory file. SnakeYAML's node tree straight into the records, so every
	 * value keeps its line: Spring's binder, made for configuration, takes minutes over a firm of ten
	 * thousand people.
	 * @throws IllegalStateException naming the file, the line and what is wrong, for every problem found
	 */
	static DirectoryFile read(Path file) throws IOException {
		try (var reader = Files.newBufferedReader(file)) {
			return read(reader, file.toString());
		}
	}

	/** Reads directory YAML from text (e.g. a snippet Steward wrote), checked as the file is. */
	static DirectoryFile read(Reader reader, String source) {
		Node root;
		try {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
		}
		catch (YAMLException ex) {
			throw new IllegalStateException("Directory " + source + " is not YAML: " + ex.getMessage(), ex);
		}
		var problems = new Problems(source);
		if (root == null) {
			return new DirectoryFile(List.of(), List.of());
		}
		if (!(root instanceof MappingNode map)) {
			problems.add(root, "expected the settings departments: and people:");
			throw problems.failure();
		}
		var top = fields(map, problems, Set.of("departments", "people"));
		var departments = new ArrayList<DepartmentEntry>();
		var departmentIds = new HashMap<String, Integer>();
		var heads = new LinkedHashMap<Node, String>();
		for (var node : items(top.get("departments"), "departments", problems)) {
			var entry = fields(node, problems, Set.of("id", "name", "name-zh", "nameZh", "head"));
			var id = required(entry, node, "id", problems);
			var name = required(entry, node, "name", problems);
			if (id != null && departmentIds.putIfAbsent(id, line(node)) != null) {
				problems.add(entry.get("id"), "department " + id + " is also on line " + departmentIds.get(id));
			}
			var head = scalar(entry, "head", problems);
			if (head != null) {
				heads.put(entry.get("head"), head);
			}
			departments.add(new DepartmentEntry(id, name, first(scalar(entry, "name-zh", problems),
					scalar(entry, "nameZh", problems)), head));
		}
		var result = new ArrayList<PersonEntry>();
		var ids = new HashMap<String, Integer>();
		var emails = new HashMap<String, Integer>();
		var slackIds = new HashMap<String, Integer>();
		var discordIds = new HashMap<String, Integer>();
		for (var node : items(top.get("people"), "people", problems)) {
			var entry = fields(node, problems, Set.of("id", "name", "email", "department", "roles", "locale",
					"time-zone", "timeZone", "slack", "discord", "active"));
			var id = required(entry, node, "id", problems);
			var name = required(entry, node, "name", problems);
			if (id != null && !id.matches("[\\p{L}\\p{N}._-]+")) {
				problems.add(entry.get("id"), "the id " + id
						+ " may hold only letters, digits, dots, dashes and underscores");
			}
			else if (id != null && ids.putIfAbsent(id, line(node)) != null) {
				problems.add(entry.get("id"), "the id " + id + " is also on line " + ids.get(id));
			}
			var email = scalar(entry, "email", problems);
			if (email != null) {
				email = email.strip().toLowerCase(Locale.ROOT);
				if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
					problems.add(entry.get("email"), "“" + email + "” is not an e-mail address");
				}
				else if (emails.putIfAbsent(email, line(entry.get("email"))) != null) {
					problems.add(entry.get("email"), "the e-mail " + email + " is also on line " + emails.get(email)
							+ ": one e-mail, one person");
				}
			}
			var department = scalar(entry, "department", problems);
			if (department != null && !departmentIds.containsKey(department)) {
				problems.add(entry.get("department"), "no department " + department + " (departments: "
						+ String.join(", ", departmentIds.keySet()) + ")");
			}
			List<String> roles = null;
			var rolesNode = entry.get("roles");
			if (rolesNode instanceof SequenceNode sequence) {
				roles = new ArrayList<>();
				for (var role : sequence.getValue()) {
					if (!(role instanceof ScalarNode value)) {
						problems.add(role, "a role is one word");
						continue;
					}
					try {
						Role.fromKey(value.getValue());
						roles.add(value.getValue().strip());
					}
					catch (IllegalArgumentException ex) {
						problems.add(role, "no role " + value.getValue() + " (roles: member, project-manager, "
								+ "department-head, management, hr, admin)");
					}
				}
			}
			else if (rolesNode != null) {
				problems.add(rolesNode, "roles is a list, e.g. [project-manager]");
			}
			var locale = scalar(entry, "locale", problems);
			var zone = first(scalar(entry, "time-zone", problems), scalar(entry, "timeZone", problems));
			if (zone != null) {
				try {
					ZoneId.of(zone);
				}
				catch (DateTimeException ex) {
					problems.add(first(entry.get("time-zone"), entry.get("timeZone")), "no time zone " + zone
							+ " (an IANA zone id, e.g. Asia/Shanghai)");
				}
			}
			var slack = blankToNull(scalar(entry, "slack", problems));
			if (slack != null && slackIds.putIfAbsent(slack, line(entry.get("slack"))) != null) {
				problems.add(entry.get("slack"), "the Slack id " + slack + " is also on line " + slackIds.get(slack));
			}
			var discord = blankToNull(scalar(entry, "discord", problems));
			if (discord != null && discordIds.putIfAbsent(discord, line(entry.get("discord"))) != null) {
				problems.add(entry.get("discord"), "the Discord id " + discord + " is also on line "
						+ discordIds.get(discord));
			}
			var active = scalar(entry, "active", problems);
			if (active != null && !active.equals("true") && !active.equals("false")) {
				problems.add(entry.get("active"), "active is true or false");
			}
			result.add(new PersonEntry(id, name, department, roles, locale, zone, slack, discord,
					active == null ? null : Boolean.valueOf(active), email));
		}
		heads.forEach((node, head) -> {
			if (!ids.containsKey(head)) {
				problems.add(node, "the head " + head + " is nobody in people");
			}
		});
		if (problems.any()) {
			throw problems.failure();
		}
		return new DirectoryFile(departments, result);
	}

	/** What is wrong with the file, each on its line. */
	private static final class Problems {

		private final String file;

		private final List<String> found = new ArrayList<>();

		Problems(String file) {
			this.file = file;
		}

		void add(Node node, String problem) {
			found.add(file + " line " + line(node) + ": " + problem);
		}

		boolean any() {
			return !found.isEmpty();
		}

		IllegalStateException failure() {
			return new IllegalStateException("Directory " + (found.size() == 1 ? found.get(0)
					: found.size() + " problems:\n  " + String.join("\n  ", found)));
		}

	}

	private static int line(Node node) {
		return node == null ? 0 : node.getStartMark().getLine() + 1;
	}

	/** A mapping's values by key; a key not allowed, or given twice, is a problem. */
	private static Map<String, Node> fields(Node node, Problems problems, Set<String> allowed) {
		var fields = new LinkedHashMap<String, Node>();
		if (!(node instanceof MappingNode map)) {
			problems.add(node, "expected an entry of settings (key: value)");
			return fields;
		}
		for (var tuple : map.getValue()) {
			var key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
			if (key == null || !allowed.contains(key)) {
				problems.add(tuple.getKeyNode(), "unknown setting " + (key == null ? "" : key) + " (expected one of "
						+ String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
			}
			else if (fields.put(key, tuple.getValueNode()) != null) {
				problems.add(tuple.getKeyNode(), key + " is given twice");
			}
		}
		return fields;
	}

	private static List<Node> items(Node node, String what, Problems problems) {
		if (node == null || node instanceof ScalarNode scalar && scalar.getValue().isEmpty()) {
			return List.of();
		}
		if (!(node instanceof SequenceNode sequence)) {
			problems.add(node, what + " is a list of entries, each starting with “- ”");
			return List.of();
		}
		return sequence.getValue();
	}

	/** A value as text (YAML may have read an unquoted id as a number); {@code null} when absent. */
	private static String scalar(Map<String, Node> entry, String key, Problems problems) {
		var node = entry.get(key);
		if (node == null) {
			return null;
		}
		if (!(node instanceof ScalarNode scalar)) {
			problems.add(node, key + " is one value, not a list or an entry");
			return null;
		}
		return scalar.getValue();
	}

	private static String required(Map<String, Node> entry, Node node, String key, Problems problems) {
		var value = blankToNull(scalar(entry, key, problems));
		if (value == null && node instanceof MappingNode
				&& (entry.get(key) == null || entry.get(key) instanceof ScalarNode)) {
			problems.add(node, "the entry has no " + key);
		}
		return value;
	}

	private static <T> T first(T one, T other) {
		return one != null ? one : other;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
