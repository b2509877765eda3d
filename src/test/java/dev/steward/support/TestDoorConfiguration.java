package dev.steward.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Adds the recording door to a test's application. */
@TestConfiguration(proxyBeanMethods = false)
public class TestDoorConfiguration {

	@Bean
	RecordingDoor recordingDoor() {
		return new RecordingDoor();
	}

}
