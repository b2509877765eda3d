package dev.steward.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The digest's extension point on its own: every contributed section that has something to say, in
 * the contributors' order, written for the reader; one that fails is left out, never the rest.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class DigestModuleTests {

	@TestConfiguration(proxyBeanMethods = false)
	static class Contributors {

		@Bean
		@Order(2)
		DigestSections greetings() {
			return (week, reader) -> Optional.of(new DigestSection(
					reader.locale().equals(Locale.SIMPLIFIED_CHINESE) ? "问候" : "Greetings",
					List.of("• " + week.code() + " " + week.week() + " for " + reader.personId())));
		}

		@Bean
		@Order(1)
		DigestSections broken() {
			return (week, reader) -> {
				throw new IllegalStateException("a contributor that fails");
			};
		}

		@Bean
		@Order(3)
		DigestSections silent() {
			return (week, reader) -> Optional.empty();
		}

	}

	@Autowired
	Digests digests;

	@Test
	void sectionsWithSomethingToSayAreGatheredForTheReaderAndAFailingOneIsLeftOut() {
		var week = new ProjectWeek(7, "P-2026-0007", 3L, "2026-W39", Instant.parse("2026-09-28T02:00:00Z"));
		var english = digests.sections(week, new Reader("emma.wilson", Locale.ENGLISH, ZoneId.of("Europe/London")));
		assertThat(english).containsExactly(new DigestSection("Greetings", List.of("• P-2026-0007 2026-W39 for emma.wilson")));
		var chinese = digests.sections(week, new Reader("zhang.wei", Locale.SIMPLIFIED_CHINESE, ZoneId.of("Asia/Shanghai")));
		assertThat(chinese).extracting(DigestSection::title).containsExactly("问候");
	}

}
