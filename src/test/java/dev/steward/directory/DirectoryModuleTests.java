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

}
