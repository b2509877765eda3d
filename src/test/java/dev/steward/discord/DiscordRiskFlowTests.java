package dev.steward.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import net.dv8tion.jda.api.utils.data.DataObject;

import dev.steward.approval.ApprovalManagement;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.risk.RiskEntry;
import dev.steward.risk.RiskLevel;
import dev.steward.risk.RiskManagement;
import dev.steward.risk.RiskManagement.Filter;
import dev.steward.risk.RiskManagement.Target;
import dev.steward.scheduling.Scheduling;
import dev.steward.support.ApprovedProjects;
import dev.steward.support.RiskReviewDay;

/**
 * The risk register's register-review-warn flow as Discord users drive it through the fake
 * Discord, the gateway, real JDA and the Discord door: a team member registers a high risk from
 * the project's channel in two modals (a wrong date reopens the page as typed and saves nothing),
 * the project manager, its default owner, and management are warned in DMs; the review falls due
 * (the owner's zone's daily job run now), the owner reassesses it worse from the card, which warns
 * management again and loses its buttons in place; the old card's Unchanged is refused politely,
 * and exactly one review is recorded.
 */
class DiscordRiskFlowTests extends DiscordTest {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final Pattern RISK_ID = Pattern.compile("#(\\d+)");

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

	@Test
	void aHighRiskIsRegisteredWarnedAboutAndReassessedOnceInDiscord() {
		var project = ApprovedProjects.approved(engagements, approvals, "Discord risks " + System.nanoTime(),
				new Home("discord", FakeDiscord.channel("delivery"), false), "emma.wilson");
		var code = project.code();
		var title = "Key interviewee unavailable " + System.nanoTime();
		var emma = chat(EMMA_WILSON, "emma", "delivery");
		var zhang = chat(ZHANG_WEI, "zhangwei", null);
		var wangFang = chat(WANG_FANG, "wangfang", null);
		var david = chat(DAVID_MILLER, "david", null);
		// the owner (the project manager, by default) lives in Shanghai: his today is the review's
		var today = RiskReviewDay.today(SHANGHAI);

		// a team member opens the form in the project's channel: page one of two, in a modal
		var opened = emma.command("/risk add " + code);
		assertThat(opened.modal()).isTrue();
		assertThat(opened.data().getString("title")).endsWith("(1/2)");
		assertThat(opened.data().getArray("components").length()).isEqualTo(5);
		var values = new HashMap<>(Map.of("category", "project", "title", title, "description",
				"The client's head of operations may be away for the whole interview phase.", "likelihood", "5",
				"impact", "4", "strategy", "reduce", "actions", "Book a deputy now; move the interview a week",
				"next-review", "next Monday"));
		var page2 = emma.click(emma.submit(opened, values), "Continue");
		assertThat(page2.modal()).isTrue();
		assertThat(page2.data().getString("title")).endsWith("(2/2)");

		// a date Steward cannot read: the errors, and a button that reopens the page as typed
		var bad = emma.submit(page2, values);
		assertThat(bad.ephemeral()).isTrue();
		assertThat(DiscordChat.text(bad)).contains("Enter a date as year-month-day").contains("[Reopen the form]");
		assertThat(risks.list("admin", new Filter(new Target.OfProject(code), null, false, null))).isEmpty();
		var reopened = emma.click(bad, "Reopen the form");
		assertThat(reopened.modal()).isTrue();
		assertThat(valueOf(reopened, "next-review")).isEqualTo("next Monday");
		assertThat(valueOf(reopened, "actions")).isEqualTo("Book a deputy now; move the interview a week");

		// put right, the risk is registered, owned by the project manager
		values.put("next-review", today.toString());
		var registered = emma.fill(reopened, values);
		assertThat(registered.ephemeral()).isTrue();
		var confirmation = DiscordChat.text(registered);
		assertThat(confirmation).contains("registered", title, "🔴 high", "L5×I4=20", "Owner: Zhang Wei");
		var id = riskId(confirmation);
		var risk = risks.find(id).orElseThrow();
		assertThat(risk.projectId()).isEqualTo(project.id());
		assertThat(risk.ownerId()).isEqualTo("zhang.wei");
		assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
		assertThat(risk.score()).isEqualTo(20);

		// the project manager and management are warned at once, in DMs, each in their language
		var tag = "#" + id + " " + title;
		assertThat(DiscordChat.text(awaitDirect(zhang, "风险预警", tag))).contains(code,
				"Emma Wilson 登记了新的🔴 高风险（分值 20）");
		assertThat(DiscordChat.text(wangFang.awaitDirect(tag))).contains("风险预警");
		assertThat(DiscordChat.text(david.awaitDirect(tag))).contains("Risk warning", code,
				"Emma Wilson registered a new 🔴 high risk (score 20).");
		assertThat(DiscordChat.text(zhang.awaitDirect("指定你为风险 #" + id))).contains("Emma Wilson");

		// the review falls due: the daily review job of the owner's zone runs now
		RiskReviewDay.comesToday(jdbc, id, SHANGHAI);
		org.awaitility.Awaitility.await().atMost(DiscordChat.PATIENCE)
			.until(() -> scheduling.nextFire("risk", "review-Asia.Shanghai").isPresent());
		scheduling.runNow("risk", "review-Asia.Shanghai");
		var card = awaitDirect(zhang, "待评审的风险", tag);
		assertThat(DiscordChat.text(card)).contains("[无变化]", "[重新评估]", "[关闭]", "[上报]");

		// the owner reassesses it from the card, filled in with what it says now: it is worse
		var assess = zhang.click(card, "重新评估");
		assertThat(assess.modal()).isTrue();
		assertThat(valueOf(assess, "title")).isEqualTo(title);
		var reassessed = zhang.fill(assess, Map.of("impact", "5"));
		assertThat(reassessed.ephemeral()).isTrue();
		assertThat(DiscordChat.text(reassessed)).contains("已重新评估", "20", "25");

		// management is warned again; the manager answered it himself, so he is not
		assertThat(DiscordChat.text(david.awaitDirect("found it worse"))).contains(tag,
				"Zhang Wei reviewed it and found it worse: score 20 → 25 (🔴 high).");
		assertThat(DiscordChat.text(wangFang.awaitDirect("评审认为风险加重"))).contains("分值 20 → 25");
		assertThat(zhang.directs()).noneMatch(message -> DiscordChat.text(message).contains("评审认为风险加重"));

		// the card loses its buttons in place and says who answered, and how
		org.awaitility.Awaitility.await().atMost(DiscordChat.PATIENCE)
			.until(() -> !DiscordChat.hasButtons(discord.message(card.getString("id"))));
		assertThat(DiscordChat.text(discord.message(card.getString("id")))).contains(tag, "Zhang Wei 评审：重新评估",
				"L5×I5=25");

		// a click on the old card's button is refused politely, only to him
		var again = zhang.click(card, "无变化");
		assertThat(again.ephemeral()).isTrue();
		assertThat(DiscordChat.text(again)).contains("此次评审已完成（Zhang Wei）");

		// exactly one review is recorded, the reassessment
		var reviewed = risks.find(id).orElseThrow();
		assertThat(reviewed.history()).filteredOn(entry -> entry.action().reviews())
			.extracting(RiskEntry::action, RiskEntry::actorId, RiskEntry::impact)
			.containsExactly(tuple(RiskEntry.Action.REVIEWED_REASSESSED, "zhang.wei", 5));
		assertThat(reviewed.score()).isEqualTo(25);
		assertThat(reviewed.awaitingReview()).isFalse();
		assertThat(reviewed.nextReview()).isAfter(today);

		// the heat map asked for in the project's channel arrives there as the message's attachment
		emma.command("/risk matrix " + code);
		var channelId = FakeDiscord.channel("delivery");
		var png = "risk-heat-map-" + code + ".png";
		var posted = org.awaitility.Awaitility.await().atMost(DiscordChat.PATIENCE)
			.until(() -> discord.calls("POST", "/channels/" + channelId + "/messages")
				.stream()
				.filter(call -> call.files().stream().anyMatch(part -> part.filename().equals(png)))
				.findFirst()
				.orElse(null), call -> call != null);
		var part = posted.files().stream().filter(p -> p.filename().equals(png)).findFirst().orElseThrow();
		assertThat(part.bytes()).startsWith(new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		var shown = discord.messagesIn(channelId).stream()
			.filter(message -> message.hasKey("attachments") && message.getArray("attachments").length() > 0
					&& message.getArray("attachments").getObject(0).getString("filename").equals(png))
			.findFirst();
		assertThat(shown).isPresent();
	}

	/** Waits for a DM to the person that says all of these, as it now stands. */
	private static DataObject awaitDirect(DiscordChat person, String... containing) {
		return org.awaitility.Awaitility.await().atMost(DiscordChat.PATIENCE).until(() -> person.directs()
			.stream()
			.filter(message -> {
				var text = DiscordChat.text(message);
				return java.util.Arrays.stream(containing).allMatch(text::contains);
			})
			.reduce((first, second) -> second)
			.orElse(null), message -> message != null);
	}

	private static String valueOf(FakeDiscord.Answer modal, String key) {
		var components = modal.data().getArray("components");
		for (int i = 0; i < components.length(); i++) {
			var input = components.getObject(i).getObject("component");
			if (input.getString("custom_id").equals(key)) {
				return input.getString("value", "");
			}
		}
		throw new AssertionError("No input " + key + " in " + modal.data());
	}

	static long riskId(String text) {
		var matcher = RISK_ID.matcher(text);
		assertThat(matcher.find()).as("a risk number in: " + text).isTrue();
		return Long.parseLong(matcher.group(1));
	}

}
