package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import dev.steward.slack.SlackChat.Outcome;
import dev.steward.support.DoorDriver;

/**
 * The cross-door scenario's steps through signed Slack payloads: each person acts with the Slack id
 * the test gives them, in the channel applications are made in.
 */
class SlackDoorDriver implements DoorDriver {

	private final SlackWorkspace slack;

	private final Map<String, String> ids;

	/** @param ids each person's Slack id, by directory id */
	SlackDoorDriver(SlackWorkspace slack, Map<String, String> ids) {
		this.slack = slack;
		this.ids = ids;
	}

	private SlackChat as(String personId) {
		return new SlackChat(slack, ids.get(personId), channel());
	}

	/** Submits each page with what it shows, changed where asked, to the end. */
	private static Outcome fill(SlackChat chat, Outcome opened, Map<String, String> changes) {
		var outcome = opened;
		for (int page = 0; page < 10 && outcome.kind() == Outcome.Kind.FORM; page++) {
			var values = new HashMap<>(SlackChat.shown(outcome.view()));
			values.putAll(changes);
			outcome = chat.submit(outcome.view(), values);
			assertThat(outcome.kind()).as("errors: " + outcome.errors()).isNotEqualTo(Outcome.Kind.ERRORS);
		}
		return outcome;
	}

	@Override
	public String door() {
		return "slack";
	}

	@Override
	public String channel() {
		return "C01CONSULTING";
	}

	@Override
	public String apply(String personId, Map<String, String> values) {
		var chat = as(personId);
		return chat.fill(chat.command("/project apply"), values).text();
	}

	@Override
	public String click(String personId, String containing, String label, String reason) {
		var chat = as(personId);
		var outcome = chat.click(chat.awaitDirect(containing), label);
		if (outcome.kind() == Outcome.Kind.FORM) {
			outcome = chat.submit(outcome.view(), Map.of("reason", reason));
		}
		return outcome.text();
	}

	@Override
	public String edit(String personId, String containing, String label, Map<String, String> changes) {
		var chat = as(personId);
		return fill(chat, chat.click(chat.awaitDirect(containing), label), changes).text();
	}

}
