package dev.steward.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.steward.approval.ApprovalManagement;
import dev.steward.engagement.EngagementManagement;
import dev.steward.support.CrossDoorScenario;
import dev.steward.support.DoorDriver;

/** The cross-door scenario through real JDA and the fake Discord. */
class DiscordCrossDoorTests extends DiscordTest implements DoorDriver {

	static final Map<String, String> IDS = Map.of("zhang.wei", ZHANG_WEI, "li.na", LI_NA, "wang.fang", WANG_FANG);

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	@Test
	void theScenarioEndsTheSameInTheDatabase() {
		CrossDoorScenario.run(this, engagements, approvals);
	}

	private DiscordChat as(String personId, String channel) {
		return new DiscordChat(discord, IDS.get(personId), personId.replace(".", ""), channel, "zh-CN");
	}

	@Override
	public String door() {
		return "discord";
	}

	@Override
	public String channel() {
		return FakeDiscord.channel("consulting");
	}

	@Override
	public String apply(String personId, Map<String, String> values) {
		var chat = as(personId, "consulting");
		return DiscordChat.text(chat.fill(chat.command("/project apply"), values));
	}

	@Override
	public String click(String personId, String containing, String label, String reason) {
		var chat = as(personId, null);
		var answer = chat.click(chat.awaitDirect(containing), label);
		if (answer.modal()) {
			answer = chat.submit(answer, Map.of("reason", reason));
		}
		return DiscordChat.text(answer);
	}

	@Override
	public String edit(String personId, String containing, String label, Map<String, String> changes) {
		var chat = as(personId, null);
		var opened = chat.click(chat.awaitDirect(containing), label);
		assertThat(opened.modal()).isTrue();
		var values = new HashMap<>(CrossDoorScenario.application(""));
		values.remove("title");
		values.putAll(changes);
		return DiscordChat.text(chat.fill(opened, values));
	}

}
