package dev.steward;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.test.ApplicationModuleTest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import dev.steward.conversation.spi.Door;

/**
 * The module structure holds: modules use each other's APIs only, doors use only the kernel's
 * door-facing interfaces, domains never speak chat, and every module is tested on its own. Each
 * rule is derived from the modules as they are, so a new module is covered without an edit here.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(StewardApplication.class);

	static final String KERNEL = "conversation";

	static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.steward");

	static final JavaClasses TESTS = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
		.importPackages("dev.steward");

	/** A door is a module that delivers the outbox: it implements the kernel's {@link Door}. */
	static boolean isDoor(ApplicationModule module) {
		return MAIN.stream()
			.filter(type -> module.contains(type.reflect()))
			.anyMatch(type -> type.isAssignableTo(Door.class) && !type.isInterface());
	}

	/** Feature and support modules: everything but the kernel, the doors, and open modules (shared ground). */
	static List<ApplicationModule> domainModules() {
		return MODULES.stream()
			.filter(module -> !module.getIdentifier().toString().equals(KERNEL))
			.filter(module -> !module.isOpen())
			.filter(module -> !isDoor(module))
			.toList();
	}

	@Test
	void modulesDependOnlyOnEachOthersApis() {
		MODULES.verify();
	}

	@Test
	void theRulesBelowSeeEveryKindOfModule() {
		assertThat(MODULES.stream().filter(ModularityTests::isDoor).map(module -> module.getIdentifier().toString()))
			.containsExactlyInAnyOrder("slack", "discord", "playground");
		assertThat(domainModules().stream().map(module -> module.getIdentifier().toString())).contains("approval",
				"directory", "engagement", "progress", "scheduling");
	}

	@Test
	void domainClassesNeverImportTheConversationKernel() {
		for (var module : domainModules()) {
			var base = module.getBasePackage().getName();
			noClasses().that()
				.resideInAPackage(base + "..")
				.and()
				.resideOutsideOfPackage(base + ".chat..")
				.should()
				.dependOnClassesThat()
				.resideInAPackage("dev.steward.conversation..")
				.because("a module's domain is written without chat; only its chat sub-package speaks it")
				.allowEmptyShould(true)
				.check(MAIN);
		}
	}

	@Test
	void everyModuleHasAModuleTest() {
		var untested = MODULES.stream()
			.map(module -> module.getBasePackage().getName())
			.filter(base -> TESTS.stream()
				.noneMatch(type -> type.getPackageName().equals(base) && type.isAnnotatedWith(ApplicationModuleTest.class)))
			.toList();
		assertThat(untested).as("modules without an @ApplicationModuleTest in their test package").isEmpty();
	}

	@Test
	void writesModuleDocumentation(@TempDir Path folder) throws IOException {
		new Documenter(MODULES, folder.toString()).writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		assertThat(folder.resolve("components.puml")).isNotEmptyFile();
		for (var module : MODULES) {
			var name = module.getIdentifier().toString();
			assertThat(folder.resolve("module-" + name + ".puml")).as(name + " diagram").isNotEmptyFile();
			assertThat(folder.resolve("module-" + name + ".adoc")).as(name + " canvas").isNotEmptyFile();
			assertThat(Files.readString(folder.resolve("module-" + name + ".adoc"))).contains(module.getBasePackage().getName());
		}
	}

}
