package dev.steward.directory;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Directory entries as {@code config/directory.yaml} holds them: written for people a platform
 * knows and the directory does not (a snippet an admin pastes under {@code people:}), and read back
 * with the same checks as the file at start.
 */
public final class DirectoryYaml {

	private DirectoryYaml() {
	}

	/** Someone to add: their name and e-mail as their platform shows them. */
	public record Newcomer(String name, String email) {
	}

	/** A person entry as read: id, name, e-mail (lower case), department. */
	public record Entry(String id, String name, String email, String department) {
	}

	/**
	 * A ready-to-paste {@code people:} list, an entry a newcomer: an id made from the e-mail's local
	 * part (unique, and none of {@code taken}), the name, the e-mail; sorted by name. Departments and
	 * roles are left for the admin to add.
	 */
	public static String snippet(List<Newcomer> newcomers, Set<String> taken) {
		var used = new HashSet<>(taken);
		var text = new StringBuilder("# Paste under people: in config/directory.yaml, then add each one’s department and roles.\n");
		text.append("people:\n");
		var sorted = new ArrayList<>(newcomers);
		sorted.sort(java.util.Comparator.comparing(n -> n.name() == null ? "" : n.name().toLowerCase(Locale.ROOT)));
		for (var newcomer : sorted) {
			var email = newcomer.email().strip().toLowerCase(Locale.ROOT);
			var base = email.substring(0, Math.max(0, email.indexOf('@'))).replaceAll("[^\\p{L}\\p{N}._-]", "-");
			if (base.isBlank()) {
				base = "person";
			}
			var id = base;
			for (int n = 2; used.contains(id); n++) {
				id = base + "-" + n;
			}
			used.add(id);
			var name = newcomer.name() == null || newcomer.name().isBlank() ? email : newcomer.name().strip();
			text.append("  - id: ").append(quoted(id)).append('\n');
			text.append("    name: ").append(quoted(name)).append('\n');
			text.append("    email: ").append(quoted(email)).append('\n');
		}
		return text.toString();
	}

	/**
	 * Reads directory YAML (a whole file, or a snippet of people) with the checks the start makes.
	 * @throws IllegalStateException naming the line and what is wrong
	 */
	public static List<Entry> read(String yaml, String source) {
		return DirectorySeeder.read(new StringReader(yaml), source)
			.people()
			.stream()
			.map(person -> new Entry(person.id(), person.name(), person.email(), person.department()))
			.toList();
	}

	/** A YAML double-quoted scalar: whatever a name holds, it reads back as itself. */
	private static String quoted(String value) {
		var text = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> text.append("\\\"");
				case '\\' -> text.append("\\\\");
				case '\n' -> text.append("\\n");
				case '\t' -> text.append("\\t");
				default -> {
					if (Character.isISOControl(c)) {
						text.append(String.format("\\u%04x", (int) c));
					}
					else {
						text.append(c);
					}
				}
			}
		}
		return text.append('"').toString();
	}

}
