package dev.steward.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Components and modals whose custom ids Steward never made (stale, forged, cut short, full of
 * emoji or right-to-left marks), and command text of any kind: each gets a polite ephemeral answer
 * in time, never Discord's "This interaction failed".
 */
class DiscordBadInputTests extends DiscordTest {

	static Stream<String> unknownButtons() {
		return Stream.of("no-such-button:1", "approval:not-a-number:x:y", ":::", "approval", "👍🏽:🇨🇳",
				"\u202eevorppa:1", "x".repeat(100), "approval:12:1.0:approve\u0000", "כפתור:1",
				// the door's own Continue button, cut short or forged
				"discord-form", "discord-form:", "discord-form:no-such-session:0", "discord-form:a b:c d",
				"discord-form:" + "s".repeat(87), "discord-form:🚀:x");
	}

	@ParameterizedTest
	@MethodSource("unknownButtons")
	void aButtonStewardDidNotMakeIsAnsweredPolitely(String customId) {
		var emma = chat(EMMA_WILSON, "emma", "general");
		var message = discord.ephemeral(emma.command("/steward whoami").data());
		var answer = emma.clickCustomId(message, customId);
		assertThat(answer.ephemeral()).as(customId + ": " + answer).isTrue();
		assertThat(DiscordChat.text(answer.data())).as(customId)
			.containsAnyOf("That button no longer does anything", "This form has expired or was already submitted");
	}

	static Stream<String> unknownModals() {
		return Stream.of("no-such-modal", "discord-modal", "discord-modal:", "discord-modal:no-such-session:0",
				"discord-modal:x:-5", "discord-modal:x:99999999999999999999", ":", "🚀", "\u202e" + "m".repeat(99));
	}

	@ParameterizedTest
	@MethodSource("unknownModals")
	void aModalStewardDidNotOpenIsAnsweredPolitely(String customId) {
		var emma = chat(EMMA_WILSON, "emma", "general");
		var answer = emma.submitModal(customId, Map.of("name", "\u0000\u202e🚀" + "x".repeat(3900)));
		assertThat(answer.ephemeral()).as(customId + ": " + answer).isTrue();
		assertThat(DiscordChat.text(answer.data())).as(customId)
			.contains("This form has expired or was already submitted");
	}

	@Autowired
	MeterRegistry meters;

	@Test
	void everyAcknowledgementIsTimedByKind() {
		var emma = chat(EMMA_WILSON, "emma", "general");
		var message = discord.ephemeral(emma.command("/steward whoami").data());
		emma.clickCustomId(message, "no-such-button:1");
		emma.submitModal("no-such-modal", Map.of("name", "x"));
		for (var kind : new String[] { "command", "action", "form" }) {
			var timer = meters.find("steward.ack").tag("door", "discord").tag("kind", kind).timer();
			assertThat(timer).as(kind).isNotNull();
			assertThat(timer.count()).as(kind).isPositive();
			assertThat(timer.max(java.util.concurrent.TimeUnit.SECONDS)).as(kind).isLessThan(3);
		}
	}

	@Test
	void commandTextOfAnyKindIsAnsweredInWords() {
		var emma = chat(EMMA_WILSON, "emma", "general");
		for (var text : new String[] { "\u0000\u0007\u001b[31m", "\u202eylppa", "עברית العربية 项目", "🚀🔥👩‍👩‍👧",
				"\"unclosed", "x".repeat(5000) }) {
			var answer = emma.command("/project show " + text);
			assertThat(answer.ephemeral()).as(text).isTrue();
			assertThat(DiscordChat.text(answer.data())).as(text).isNotBlank().doesNotContain("Exception");
		}
	}

}
