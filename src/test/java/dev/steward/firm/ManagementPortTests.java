package dev.steward.firm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Actuator never shares the public port: a configuration that would put it there stops the start. */
class ManagementPortTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withBean(ManagementPort.class);

	@Test
	void aPortOfItsOwnStarts() {
		runner.withPropertyValues("server.port=8080", "management.server.port=8081")
			.run(context -> assertThat(context).hasNotFailed());
		runner.withPropertyValues("server.port=8080", "management.server.port=-1")
			.run(context -> assertThat(context).hasNotFailed());
	}

	@Test
	void thePublicPortOrNoneIsRefusedAtStart() {
		runner.withPropertyValues("server.port=8080", "management.server.port=8080")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("it must be a port of its own"));
		runner.withPropertyValues("server.port=9000").run(context -> assertThat(context).hasFailed());
	}

}
