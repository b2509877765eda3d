package dev.steward;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The module structure holds: modules use each other's APIs only, and domains never speak chat. */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(StewardApplication.class);

	@Test
	void modulesDependOnlyOnEachOthersApis() {
		MODULES.verify();
	}

	@Test
	void domainClassesNeverImportTheConversationKernel() {
		var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.steward");
		noClasses().that()
			.resideInAnyPackage("dev.steward.directory", "dev.steward.approval", "dev.steward.engagement")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.steward.conversation..")
			.because("a module's domain is written without chat; only its chat sub-package speaks it")
			.check(classes);
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
