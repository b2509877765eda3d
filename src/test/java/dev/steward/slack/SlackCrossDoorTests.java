package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.steward.approval.ApprovalManagement;
import dev.steward.engagement.EngagementManagement;
import dev.steward.slack.SlackChat.Outcome;
import dev.steward.support.CrossDoorScenario;
import dev.steward.support.DoorDriver;

/** The cross-door scenario through signed Slack payloads and the fake Web API. */
@SlackTest
class SlackCrossDoorTests implements DoorDriver {

	static final Map<String, String> IDS = Map.of("zhang.wei", "U01ZHANGWEI", "li.na", "U01LINA", "wang.fang",
			"U01WANGFANG");

	@LocalServerPort
	int port;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	SlackWorkspace slack;

	@BeforeEach
	void workspace() {
		slack = new SlackWorkspace(port);
	}

	@Test
	void theScenarioEndsTheSameInTheDatabase() {
		CrossDoorScenario.run(this, engagements, approvals);
		assertThat(slack.api.violations()).isEmpty();
	}

	private SlackChat as(String personId) {
		return new SlackChat(slack, IDS.get(personId), channel());
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
