package dev.steward.playground;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import dev.steward.StewardApplication;

class PlaygroundModuleTests {

	@Test
	void thePlaygroundDependsOnTheKernelAlone() {
		var modules = ApplicationModules.of(StewardApplication.class);
		var playground = modules.getModuleByName("playground").orElseThrow();

		assertThat(playground.getDisplayName()).isEqualTo("Playground door");
		assertThat(modules.detectViolations()
			.filter(violation -> violation.getMessage().contains("playground"))
			.getMessages()).isEmpty();
	}

}
