package dev.steward.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

/** The directory module on its own (with the kernel it plugs into), seeded from the demo file. */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class DirectoryModuleTests {

	@Autowired
	DirectoryManagement directory;

	@Autowired
	People people;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void seedsPeopleDepartmentsAndRolesFromTheDirectoryFile() {
		assertThat(directory.headOf("strategy")).map(Person::id).contains("li.na");
		assertThat(directory.withRole(Role.MANAGEMENT)).extracting(Person::id)
			.containsExactlyInAnyOrder("wang.fang", "david.miller");
		var zhang = directory.person("zhang.wei").orElseThrow();
		assertThat(zhang.roles()).contains(Role.MEMBER, Role.PROJECT_MANAGER);
		assertThat(zhang.locale()).isEqualTo(Locale.forLanguageTag("zh-CN"));
		assertThat(zhang.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
		assertThat(directory.departmentName("strategy", Locale.SIMPLIFIED_CHINESE)).isEqualTo("战略咨询部");
	}

	@Test
	void findsPeopleByTheirIdentityOnEachDoor() {
		assertThat(directory.byIdentity("slack", "U01LINA")).map(Person::id).contains("li.na");
		assertThat(directory.byIdentity("discord", "100000000000000003")).map(Person::id).contains("li.na");
		assertThat(directory.byIdentity("playground", "li.na")).map(Person::id).contains("li.na");
		assertThat(directory.byIdentity("slack", "U-UNKNOWN")).isEmpty();
		assertThat(directory.identity("li.na", "slack")).contains("U01LINA");
	}

	@Test
	void rolesHeldThroughAPlatformAddToTheFilesAndFollowWhatTheDoorLastSaid() {
		assertThat(directory.grantPlatformRoles("sun.li", "discord", java.util.Set.of(Role.HR))).isTrue();
		assertThat(directory.person("sun.li").orElseThrow().roles()).contains(Role.HR, Role.MEMBER);
		assertThat(directory.byIdentity("discord", "100000000000000008").orElseThrow().has(Role.HR)).isTrue();
		assertThat(directory.withRole(Role.HR)).extracting(Person::id).contains("sun.li", "liu.yang");
		assertThat(directory.grantPlatformRoles("sun.li", "discord", java.util.Set.of(Role.HR))).isFalse();

		directory.grantPlatformRoles("sun.li", "discord", java.util.Set.of());
		assertThat(directory.person("sun.li").orElseThrow().has(Role.HR)).isFalse();
		assertThat(directory.person("liu.yang").orElseThrow().has(Role.HR)).as("the file's roles stay").isTrue();
	}

	@Test
	void readsEveryFieldOfTheDirectoryFile() throws Exception {
		var file = DirectorySeeder.read(Path.of("config/directory.yaml"));
		assertThat(file.departments()).extracting(DirectorySeeder.DepartmentEntry::nameZh).contains("战略咨询部");
		assertThat(file.people()).anySatisfy(person -> {
			assertThat(person.id()).isEqualTo("david.miller");
			assertThat(person.timeZone()).isEqualTo("America/New_York");
			assertThat(person.roles()).containsExactly("management");
		});
	}


	@Test
	void aBadDirectoryFileStopsTheStartAndChangesNothingInTheDatabase(@org.junit.jupiter.api.io.TempDir Path dir)
			throws Exception {
		var file = dir.resolve("directory.yaml");
		java.nio.file.Files.writeString(file, """
				departments:
				  - id: strategy
				    name: Renamed Strategy
				people:
				  - id: zhang.wei
				    name: Zhang Wei Renamed
				    email: same@example.com
				  - id: new.person
				    name: New Person
				    email: same@example.com
				""");
		var before = jdbc.sql("select count(*) from person").query(Long.class).single();
		var seeder = new DirectorySeeder(people, new DirectorySettings(file));
		org.assertj.core.api.Assertions.assertThatThrownBy(seeder::seed)
			.hasMessage("Directory " + file + " line 10: the e-mail same@example.com is also on line 7: one e-mail, one person");
		assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(before);
		assertThat(directory.person("zhang.wei").orElseThrow().name()).isEqualTo("Zhang Wei");
		assertThat(directory.department("strategy").orElseThrow().name()).isEqualTo("Strategy Consulting");
	}

	@Test
	void anEMailTheFileHandsToAnotherIdMovesToIt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		jdbc.sql("insert into person (id, name, roles, active, email) values ('old.id', 'Old Id', 'member', true, "
				+ "'renamed@example.com')").update();
		var file = dir.resolve("directory.yaml");
		var demo = java.nio.file.Files.readString(Path.of("config/directory.yaml"));
		java.nio.file.Files.writeString(file, demo + """
				  - id: new.id
				    name: New Id
				    email: renamed@example.com
				""");
		new DirectorySeeder(people, new DirectorySettings(file)).seed();
		assertThat(directory.byEmail("renamed@example.com")).map(Person::id).contains("new.id");
		assertThat(directory.person("old.id").orElseThrow().email()).isNull();
	}

	@Test
	void aLinkMadeAtRunTimeSurvivesTheDirectoryFileReadAgainAndEveryChangeIsRecorded() throws Exception {
		// a person whose file entry names no Discord id: the demo firm names everyone's, so make one
		jdbc.sql("insert into person (id, name, roles, active, email) values ('new.hire', 'New Hire', 'member', true, "
				+ "'new.hire@example.com')").update();
		assertThat(directory.byEmail("New.Hire@Example.com")).map(Person::id).contains("new.hire");
		var linked = directory.link("new.hire", "discord", "300000000000000001", LinkWay.CONFIRMED, "admin");
		assertThat(linked.discordId()).isEqualTo("300000000000000001");
		assertThat(directory.byIdentity("discord", "300000000000000001")).map(Person::id).contains("new.hire");
		assertThat(directory.identity("new.hire", "discord")).contains("300000000000000001");

		// the directory file is read again at every start: the link stays
		new DirectorySeeder(people, new DirectorySettings(Path.of("config/directory.yaml"))).seed();
		assertThat(directory.byIdentity("discord", "300000000000000001")).map(Person::id).contains("new.hire");

		// one link a person and an account: a second of either is refused
		org.assertj.core.api.Assertions.assertThatThrownBy(
				() -> directory.link("new.hire", "discord", "300000000000000002", LinkWay.CONFIRMED, "admin"))
			.isInstanceOf(LinkRefused.class)
			.extracting(ex -> ((LinkRefused) ex).reason())
			.isEqualTo(LinkRefused.Reason.PERSON_LINKED);
		org.assertj.core.api.Assertions.assertThatThrownBy(
				() -> directory.link("li.na", "discord", "300000000000000001", LinkWay.CONFIRMED, "admin"))
			.extracting(ex -> ((LinkRefused) ex).reason())
			.isIn(LinkRefused.Reason.ACCOUNT_TAKEN);
		// ids still win: li.na's file names her Discord id
		org.assertj.core.api.Assertions.assertThatThrownBy(
				() -> directory.link("li.na", "discord", "300000000000000009", LinkWay.CONFIRMED, "admin"))
			.extracting(ex -> ((LinkRefused) ex).reason())
			.isEqualTo(LinkRefused.Reason.ID_DISAGREES);
		assertThat(directory.matchByEmail("slack", "U0STRANGE", "Li Na", "li.na@example.com", false,
				LinkWay.FIRST_CONTACT)).isEmpty();
		assertThat(directory.stranger("slack", "U0STRANGE")).map(Links.Stranger::why)
			.contains(Links.Unmatched.ID_DISAGREES);

		// only admins unlink; an unknown person, or one with nothing linked, is refused
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> directory.unlink("new.hire", "sun.li"))
			.extracting(ex -> ((LinkRefused) ex).reason())
			.isEqualTo(LinkRefused.Reason.NOT_ADMIN);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> directory.unlink("nobody", "admin"))
			.extracting(ex -> ((LinkRefused) ex).reason())
			.isEqualTo(LinkRefused.Reason.UNKNOWN_PERSON);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> directory.unlink("li.na", "admin"))
			.extracting(ex -> ((LinkRefused) ex).reason())
			.isEqualTo(LinkRefused.Reason.NOT_LINKED);
		assertThat(directory.unlink("new.hire", "admin")).hasSize(1);
		assertThat(directory.byIdentity("discord", "300000000000000001")).isEmpty();
		assertThat(directory.linkHistory("new.hire")).extracting(Links.Change::linked, Links.Change::how,
				Links.Change::actor)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(true, LinkWay.CONFIRMED, "admin"),
					org.assertj.core.groups.Tuple.tuple(false, LinkWay.UNLINKED, "admin"));
	}

	@Test
	void aClaimIsDecidedOnceByAnAdminAndNeverTellsWhoExists() {
		jdbc.sql("insert into person (id, name, roles, active, email) values ('claimed', 'Claimed Person', 'member', "
				+ "true, 'claimed@example.com')").update();
		// an e-mail nobody has, and a person linked already on that door, are refused alike
		org.assertj.core.api.Assertions.assertThatThrownBy(
				() -> directory.claim("discord", "400000000000000001", null, "nobody@example.com"))
			.extracting(ex -> ((LinkRefused) ex).reason())
			.isEqualTo(LinkRefused.Reason.CLAIM_REFUSED);
		org.assertj.core.api.Assertions.assertThatThrownBy(
				() -> directory.claim("discord", "400000000000000001", null, "li.na@example.com"))
			.extracting(ex -> ((LinkRefused) ex).reason())
			.isEqualTo(LinkRefused.Reason.CLAIM_REFUSED);

		var claim = directory.claim("discord", "400000000000000001", null, "CLAIMED@example.com");
		assertThat(claim.personId()).isEqualTo("claimed");
		assertThat(directory.byIdentity("discord", "400000000000000001")).as("nothing linked before Confirm").isEmpty();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> directory.decide(claim.id(), true, "sun.li"))
			.extracting(ex -> ((LinkRefused) ex).reason())
			.isEqualTo(LinkRefused.Reason.NOT_ADMIN);
		assertThat(directory.decide(claim.id(), true, "admin").status()).isEqualTo(Links.Claim.Status.CONFIRMED);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> directory.decide(claim.id(), true, "admin"))
			.isInstanceOf(LinkRefused.class)
			.hasMessageContaining("CLAIM_DECIDED: Alex Admin");
		assertThat(directory.links()).filteredOn(link -> link.personId().equals("claimed")).hasSize(1);
		assertThat(directory.byIdentity("discord", "400000000000000001")).map(Person::id).contains("claimed");
	}

}
