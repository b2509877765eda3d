package dev.steward.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.firm.Separately;

import dev.steward.survey.SurveyLinks.Link;
import dev.steward.survey.SurveyLinks.Refusal;

/**
 * The survey page's signed links (§5.3): a link comes back as it was signed until it expires; any
 * change to it, a link made with another key, or something that is no link at all is refused as
 * altered; every instance on one database signs with the same secret unless one is configured.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class SurveyModuleTests {

	static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

	@Autowired
	SurveyLinks links;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Separately separately;

	/** Another instance on the same database, at a moment of the test's choosing. */
	SurveyLinks instance(Instant now, String secret) {
		return new SurveyLinks(jdbc, Clock.fixed(now, ZoneOffset.UTC), separately, secret, "");
	}

	@Test
	void aLinkComesBackAsItWasSignedUntilItExpires() {
		var link = new Link(42, 7, NOW.plus(Duration.ofDays(14)));
		var token = instance(NOW, "").sign(link);
		assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+").hasSizeLessThan(120);
		assertThat(instance(NOW, "").check(token).link()).contains(link);
		assertThat(instance(link.expires().minusSeconds(1), "").check(token).link()).contains(link);
		assertThat(instance(link.expires(), "").check(token).refusal()).contains(Refusal.EXPIRED);
	}

	@Test
	void anyChangeToALinkIsRefusedAsAltered() {
		var signer = instance(NOW, "");
		var token = signer.sign(new Link(42, 7, NOW.plus(Duration.ofDays(14))));
		var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
		var accepted = new ArrayList<String>();
		for (int i = 0; i < token.length(); i++) {
			for (char c : alphabet.toCharArray()) {
				if (c == token.charAt(i)) {
					continue;
				}
				var altered = token.substring(0, i) + c + token.substring(i + 1);
				if (signer.check(altered).link().isPresent()) {
					accepted.add(altered);
				}
			}
		}
		assertThat(accepted).as("tokens one character away that were accepted").isEmpty();
		// the same survey for another contact, or a longer life, cannot be made without the key
		var forged = token.replaceFirst("^[^.]+", java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString(("1:42:8:" + NOW.plus(Duration.ofDays(14)).getEpochSecond()).getBytes()));
		assertThat(signer.check(forged).refusal()).contains(Refusal.ALTERED);
		for (var junk : new String[] { null, "", ".", "abc", "a.b.c", "x".repeat(500), token + "=", " " + token }) {
			assertThat(signer.check(junk).refusal()).as(String.valueOf(junk)).contains(Refusal.ALTERED);
		}
	}

	@Test
	void everyInstanceOnOneDatabaseAgreesUnlessASecretIsConfigured() {
		var link = new Link(5, 9, NOW.plus(Duration.ofDays(1)));
		var first = instance(NOW, "").sign(link);
		assertThat(links.check(first).link()).as("the application's own instance").contains(link);
		assertThat(jdbc.sql("select count(*) from link_secret").query(Integer.class).single()).isEqualTo(1);

		var configured = instance(NOW, "a secret of the firm's own choosing");
		assertThat(configured.check(first).refusal()).contains(Refusal.ALTERED);
		var signed = configured.sign(link);
		assertThat(instance(NOW, "a secret of the firm's own choosing").check(signed).link()).contains(link);
		assertThat(instance(NOW, "another secret").check(signed).refusal()).contains(Refusal.ALTERED);
		assertThat(instance(NOW, "").check(signed).refusal()).contains(Refusal.ALTERED);
	}

}
