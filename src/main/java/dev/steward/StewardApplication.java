package dev.steward;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Steward: runs a consulting firm's service-management policy from chat. */
@SpringBootApplication
public class StewardApplication {

	public static void main(String[] args) {
		SpringApplication.run(StewardApplication.class, args);
	}

	/** The one clock every module reads, so tests can fix time. */
	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

}
