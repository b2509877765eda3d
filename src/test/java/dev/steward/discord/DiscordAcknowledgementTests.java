package dev.steward.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.steward.discord.FakeDiscord.Answer;

/**
 * An interaction whose work outlasts the acknowledgement budget is deferred at once and answered
 * by editing the deferred response; a form that can then no longer open as a modal is offered
 * through a Continue button instead.
 */
class DiscordAcknowledgementTests extends DiscordTest {

	@Autowired
	DiscordInteractions interactions;

	@AfterEach
	void restoreBudget() {
		interactions.ackBudget(Duration.ofSeconds(2));
	}

	@Test
	void slowInteractionIsDeferredAndAnsweredThroughItsHook() {
		interactions.ackBudget(Duration.ZERO);
		var answer = chat(EMMA_WILSON, "emma", "general").command("/steward whoami");
		assertThat(answer.type()).isEqualTo(Answer.DEFERRED_MESSAGE);
		assertThat(DiscordChat.text(answer)).contains("Emma Wilson");
		assertThat(discord.calls("PATCH", "/webhooks/\\d+/token-\\d+/messages/@original")).isNotEmpty();
	}

	@Test
	void formAskedForAfterADeferralOpensFromAContinueButton() {
		interactions.ackBudget(Duration.ZERO);
		var emma = chat(EMMA_WILSON, "emma", "general");
		var deferred = emma.command("/project apply");
		assertThat(deferred.type()).isEqualTo(Answer.DEFERRED_MESSAGE);
		assertThat(DiscordChat.text(deferred)).contains("[Continue]");

		interactions.ackBudget(Duration.ofSeconds(2));
		var modal = emma.click(deferred, "Continue");
		assertThat(modal.modal()).isTrue();
		assertThat(modal.data().getString("title")).endsWith("(1/3)");
	}

}
