package dev.steward.firm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** The firm's defaults are stated once, read by everyone, and a wrong one stops the start. */
@ApplicationModuleTest
@ActiveProfiles("test")
@TestPropertySource(properties = "steward.default-time-zone=Asia/Shanghai")
class FirmModuleTests {

	@Autowired
	FirmDefaults firm;

	@Test
	void bindsTheConfiguredZoneAndTheDefaultLanguage() {
		assertThat(firm.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
		assertThat(firm.locale()).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void aZoneThatDoesNotExistStopsTheStartNamingTheProperty() {
		new ApplicationContextRunner().withUserConfiguration(FirmConfiguration.class)
			.withPropertyValues("steward.default-time-zone=Mars/Olympus_Mons")
			.run(context -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("Mars/Olympus_Mons");
				assertThat(context.getStartupFailure()).hasMessageContaining("steward");
			});
	}

}
