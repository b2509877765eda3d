package dev.steward.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The directory file is checked whole before anything is written: each problem is named with the
 * file, its line and what is wrong; and the snippet Steward writes for members it lacks reads back
 * as directory entries.
 */
class DirectoryFileTests {

	static final String DEPARTMENTS = """
			departments:
			  - id: strategy
			    name: Strategy
			    head: li.na
			people:
			  - id: li.na
			    name: Li Na
			    email: Li.Na@Example.com
			    department: strategy
			""";

	static DirectorySeeder.DirectoryFile read(String yaml) {
		return DirectorySeeder.read(new StringReader(yaml), "config/directory.yaml");
	}

	@Test
	void aPersonMayCarryAnEMailReadInLowerCaseWithNoChatIds() {
		var file = read(DEPARTMENTS);
		assertThat(file.people()).singleElement().satisfies(person -> {
			assertThat(person.email()).isEqualTo("li.na@example.com");
			assertThat(person.slack()).isNull();
			assertThat(person.discord()).isNull();
		});
	}

	@Test
	void twoPeopleWithOneEMailStopTheStartNamingBothLines() {
		assertThatThrownBy(() -> read(DEPARTMENTS + """
				  - id: lina2
				    name: Another Li Na
				    email: li.na@example.com
				"""))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("Directory config/directory.yaml line 12: the e-mail li.na@example.com is also on line 8: "
					+ "one e-mail, one person");
	}

	@Test
	void aDuplicateIdAnUnknownDepartmentAndRoleAndAMalformedEntryAreEachNamedWithTheirLine() {
		assertThatThrownBy(() -> read(DEPARTMENTS + """
				  - id: li.na
				    name: Li Na again
				  - id: sun.li
				    name: Sun Li
				    department: marketing
				    roles: [boss]
				  - just a line
				  - id: wu.bo
				    name: Wu Bo
				    emial: wu.bo@example.com
				    email: not-an-address
				    time-zone: Mars/Olympus
				"""))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("7 problems")
			.hasMessageContaining("config/directory.yaml line 10: the id li.na is also on line 6")
			.hasMessageContaining("config/directory.yaml line 14: no department marketing (departments: strategy)")
			.hasMessageContaining("config/directory.yaml line 15: no role boss")
			.hasMessageContaining("config/directory.yaml line 16: expected an entry of settings (key: value)")
			.hasMessageContaining("config/directory.yaml line 19: unknown setting emial")
			.hasMessageContaining("config/directory.yaml line 20: “not-an-address” is not an e-mail address")
			.hasMessageContaining("config/directory.yaml line 21: no time zone Mars/Olympus");
	}

	@Test
	void aDuplicateChatIdAndAHeadWhoIsNobodyAreRefused() {
		assertThatThrownBy(() -> read("""
				departments:
				  - id: strategy
				    name: Strategy
				    head: nobody
				people:
				  - id: a
				    name: A
				    slack: U1
				  - id: b
				    name: B
				    slack: U1
				"""))
			.hasMessageContaining("line 11: the Slack id U1 is also on line 8")
			.hasMessageContaining("line 4: the head nobody is nobody in people");
	}

	@Test
	void theUnmatchedSnippetReadsBackAsDirectoryEntries() {
		var snippet = DirectoryYaml.snippet(List.of(new DirectoryYaml.Newcomer("Zoë \"Z\" O’Neil: ops", "Zoe@Firm.com"),
				new DirectoryYaml.Newcomer("Li Na", "li.na@firm.com"), new DirectoryYaml.Newcomer(null, "x+y@firm.com")),
				Set.of("li.na"));
		var entries = DirectoryYaml.read(snippet, "snippet");
		assertThat(entries).extracting(DirectoryYaml.Entry::id).containsExactly("x-y", "li.na-2", "zoe");
		assertThat(entries).extracting(DirectoryYaml.Entry::name)
			.containsExactly("x+y@firm.com", "Li Na", "Zoë \"Z\" O’Neil: ops");
		assertThat(entries).extracting(DirectoryYaml.Entry::email)
			.containsExactly("x+y@firm.com", "li.na@firm.com", "zoe@firm.com");
		// pasted under the demo firm's people, it is still one valid directory
		var demo = DEPARTMENTS + snippet.substring(snippet.indexOf("people:\n") + "people:\n".length());
		assertThat(read(demo).people()).hasSize(4);
	}

}
