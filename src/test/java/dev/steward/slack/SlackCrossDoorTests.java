package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.steward.approval.ApprovalManagement;
import dev.steward.engagement.EngagementManagement;
import dev.steward.support.CrossDoorScenario;

/** The cross-door scenario through signed Slack payloads and the fake Web API. */
@SlackTest
class SlackCrossDoorTests {

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
		CrossDoorScenario.run(new SlackDoorDriver(slack, IDS), engagements, approvals);
		assertThat(slack.api.violations()).isEmpty();
	}

}
