package dev.steward.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application against a clock the test moves, starting Thursday 24 September 2026, 10:00
 * in Shanghai: the eve of the Mid-Autumn holiday (25–27 September), a week before National Day
 * (1–7 October, Saturday 10 October worked). The firm's zone is Shanghai; the scheduler stays
 * stopped, so jobs stay as planned and a test runs their work itself. Every test so annotated
 * shares one application: set the clock and clear what was {@link Heard} before each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "steward.default-time-zone=Asia/Shanghai", "spring.quartz.auto-startup=false",
		// one risk owner's card at a time, so the order the review run asks in is the order heard
		"steward.risk.review-threads=1" })
@ActiveProfiles("test")
@Import(MidAutumnEve.Clocked.class)
public @interface MidAutumnEve {

	/** The moment each test starts from, and how the tests name moments. */
	final class Time {

		public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

		public static final Instant NOW = at("2026-09-24T10:00");

		private Time() {
		}

		/** A local time in Shanghai. */
		public static Instant at(String local) {
			return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
		}

	}

	/** The clock and the events heard. */
	@TestConfiguration(proxyBeanMethods = false)
	class Clocked {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(Time.NOW, Time.SHANGHAI);
		}

		@Bean
		Heard heard() {
			return new Heard();
		}

	}

}
