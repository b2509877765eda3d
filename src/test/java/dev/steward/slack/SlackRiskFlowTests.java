package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.steward.approval.ApprovalManagement;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.risk.RiskEntry;
import dev.steward.risk.RiskLevel;
import dev.steward.risk.RiskManagement;
import dev.steward.risk.RiskManagement.Filter;
import dev.steward.risk.RiskManagement.Target;
import dev.steward.scheduling.Scheduling;
import dev.steward.slack.SlackChat.Outcome;
import dev.steward.support.ApprovedProjects;
import dev.steward.support.RiskReviewDay;

/**
 * The risk register's register-review-warn flow in Slack, through signed payloads into
 * {@code /slack/events}: a team member registers a high risk on the project from its channel in a
 * two-page modal (wrong answers come back inline and save nothing), the project manager and
 * management are warned at once in direct messages, the review falls due (the owner's zone's
 * daily job run now), the owner answers the card, which loses its buttons in place, and an answer
 * from the old card is refused politely, leaving exactly one review.
 */
@SlackTest
class SlackRiskFlowTests {

	static final String CHANNEL = "C01RISKS";

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final Pattern RISK_ID = Pattern.compile("#(\\d+)");

	@LocalServerPort
	int port;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	@Autowired
	RiskManagement risks;

	@Autowired
	Scheduling scheduling;

	@Autowired
	JdbcClient jdbc;

	SlackWorkspace slack;

	@BeforeEach
	void workspace() {
		slack = new SlackWorkspace(port);
	}

	@AfterEach
	void everyCallKeptSlacksLimits() {
		assertThat(slack.api.violations()).isEmpty();
	}

	@Test
	void aHighRiskIsRegisteredWarnedAboutAndReviewedOnceInSlack() {
		var project = ApprovedProjects.approved(engagements, approvals, "Slack risks " + System.nanoTime(),
				new Home("slack", CHANNEL, false), "sun.li");
		var code = project.code();
		var title = "Client sponsor leaves " + System.nanoTime();
		var sun = new SlackChat(slack, "U01SUNLI", CHANNEL);
		var zhang = new SlackChat(slack, "U01ZHANGWEI", CHANNEL);
		var wangFang = new SlackChat(slack, "U01WANGFANG", CHANNEL);
		var david = new SlackChat(slack, "U01DAVIDMILLER", CHANNEL);
		var today = RiskReviewDay.today(SHANGHAI);

		// a team member opens the two-page form from the project's channel, and names herself owner
		var form = sun.command("/risk add " + code).form();
		assertThat(SlackChat.shown(form)).containsKeys("category", "title", "description", "cause", "owner");
		var values = new HashMap<>(Map.of("category", "client", "title", title, "description",
				"The sponsor may move to a competitor before the steering committee.", "cause",
				"A reorganisation at the client", "owner", "U01SUNLI"));
		var second = sun.submit(form, values);
		assertThat(second.kind()).isEqualTo(Outcome.Kind.FORM);
		var assess = second.view();
		assertThat(SlackChat.shown(assess)).containsOnlyKeys("likelihood", "impact", "strategy", "actions",
				"next-review");

		// wrong answers come back beside their inputs, the modal stays open, and nothing is saved
		values.putAll(Map.of("likelihood", "5", "impact", "4", "strategy", "accept", "actions", "", "next-review",
				today.minusDays(7).toString()));
		var bad = sun.submit(assess, values);
		assertThat(bad.kind()).isEqualTo(Outcome.Kind.ERRORS);
		assertThat(bad.errors()).containsOnlyKeys("actions", "next-review")
			.containsEntry("actions", "An accepted risk needs its monitoring measure (§6.2.4).")
			.containsEntry("next-review", "The first review cannot be in the past.");
		var nothing = new Filter(new Target.OfProject(code), null, false, null);
		assertThat(risks.list("admin", nothing)).isEmpty();

		// put right, the risk is registered and the reporter is told its level and first review
		values.putAll(Map.of("strategy", "reduce", "actions", "Meet the new CFO; a second sponsor by month end",
				"next-review", today.toString()));
		var registered = sun.submit(assess, values);
		assertThat(registered.kind()).isEqualTo(Outcome.Kind.EPHEMERAL);
		assertThat(registered.text()).contains("registered", title, "🔴 high", "L5×I4=20", "Owner: Sun Li");
		var id = riskId(registered.text());
		var risk = risks.find(id).orElseThrow();
		assertThat(risk.projectId()).isEqualTo(project.id());
		assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
		assertThat(risk.ownerId()).isEqualTo("sun.li");
		assertThat(registered.text()).contains("First review: " + risk.nextReview());

		// the project manager and management are warned at once, each in their own language
		var warned = zhang.awaitDirect("#" + id + " " + title);
		assertThat(warned.text()).contains("风险预警", code, "Sun Li 登记了新的🔴 高风险（分值 20）");
		assertThat(wangFang.awaitDirect("#" + id + " " + title).text()).contains("风险预警");
		assertThat(david.awaitDirect("#" + id + " " + title).text()).contains("Risk warning", code,
				"Sun Li registered a new 🔴 high risk (score 20).");
		assertThat(sun.directs()).noneMatch(posted -> posted.text().contains("Risk warning"));

		// the review falls due: the daily review job of the owner's zone runs now
		RiskReviewDay.comesToday(jdbc, id, SHANGHAI);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> scheduling.nextFire("risk", "review-Asia.Shanghai").isPresent());
		scheduling.runNow("risk", "review-Asia.Shanghai");
		var card = sun.awaitDirect("#" + id + " " + title);
		assertThat(card.text()).contains("Risk reviews due", "[Unchanged]", "[Reassess]", "[Close]", "[Escalate]");

		// the owner finds it unchanged; the card loses its buttons in place and says who answered
		var answered = sun.click(card, "Unchanged");
		assertThat(answered.kind()).isEqualTo(Outcome.Kind.EPHEMERAL);
		assertThat(answered.text()).contains("#" + id, "reviewed: unchanged", "Next review:");
		await().atMost(Duration.ofSeconds(10)).until(() -> !sun.lastDirect("#" + id + " " + title).hasActions());
		var updated = sun.lastDirect("#" + id + " " + title);
		assertThat(updated.ts).as("updated in place").isEqualTo(card.ts);
		assertThat(updated.text()).contains("reviewed by Sun Li: unchanged");
		assertThat(slack.api.calls("chat.update")).anyMatch(call -> card.ts.equals(call.params().get("ts")));

		// the old card's buttons, clicked again, are refused politely and only to her
		var again = sun.click(card, "Unchanged");
		assertThat(again.kind()).isEqualTo(Outcome.Kind.EPHEMERAL);
		assertThat(again.text()).contains("This review is already done (by Sun Li).");
		var reassess = sun.click(card, "Reassess");
		assertThat(reassess.kind()).as("no form for a review already done").isEqualTo(Outcome.Kind.EPHEMERAL);
		assertThat(reassess.text()).contains("This review is already done (by Sun Li).");

		// exactly one review is recorded, and the next one is a week of working days away
		var reviewed = risks.find(id).orElseThrow();
		assertThat(reviewed.history()).filteredOn(entry -> entry.action().reviews())
			.extracting(RiskEntry::action, RiskEntry::actorId)
			.containsExactly(tuple(RiskEntry.Action.REVIEWED_UNCHANGED, "sun.li"));
		assertThat(reviewed.awaitingReview()).isFalse();
		assertThat(reviewed.nextReview()).isAfter(today);

		// the project manager asks for the heat map in the project's channel: it is posted there,
		// the PNG going up Slack's three steps (announce, upload the bytes, complete to the channel)
		var map = zhang.command("/risk matrix " + code);
		assertThat(map.kind()).isEqualTo(Outcome.Kind.EPHEMERAL);
		var png = "risk-heat-map-" + code + ".png";
		await().atMost(Duration.ofSeconds(15)).until(() -> slack.api.messages(CHANNEL)
			.stream()
			.anyMatch(message -> message.files != null
					&& message.files.stream().anyMatch(file -> file.name().equals(png))));
		var shared = slack.api.messages(CHANNEL).stream()
			.filter(message -> message.files != null)
			.flatMap(message -> message.files.stream())
			.filter(file -> file.name().equals(png))
			.findFirst()
			.orElseThrow();
		assertThat(shared.bytes()).startsWith(new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		var announced = slack.api.calls("files.getUploadURLExternal", call -> png.equals(call.params().get("filename")));
		assertThat(announced).hasSize(1);
		assertThat(announced.get(0).params().get("length")).isEqualTo(String.valueOf(shared.bytes().length));
		assertThat(slack.api.calls("files.completeUploadExternal",
				call -> CHANNEL.equals(call.params().get("channel_id"))))
			.hasSize(1);
	}

	static long riskId(String text) {
		var matcher = RISK_ID.matcher(text);
		assertThat(matcher.find()).as("a risk number in: " + text).isTrue();
		return Long.parseLong(matcher.group(1));
	}

}
