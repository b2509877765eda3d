package dev.steward.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.approval.ApprovalManagement;
import dev.steward.conversation.Block;
import dev.steward.conversation.Reply;
import dev.steward.conversation.spi.ChatGateway;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.support.ApprovedProjects;
import dev.steward.support.Chat;
import dev.steward.support.RecordingDoor;
import dev.steward.support.TestDoorConfiguration;

/**
 * The register in chat, driven through the kernel as a door drives it: register with the form
 * (and its inline errors), the warnings in each reader's language, the day's review card, an
 * answer that updates it in place, a second click refused, a reassessment from the card that
 * warns again, reading the register, and the department head's digest.
 */
@SpringBootTest(properties = "steward.default-time-zone=Asia/Shanghai")
@ActiveProfiles("test")
@Import(TestDoorConfiguration.class)
class RiskChatFlowTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	ChatGateway gateway;

	@Autowired
	RecordingDoor door;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	@Autowired
	RiskManagement risks;

	@Autowired
	RiskReviews reviews;

	static Map<String, String> risk(String title, String likelihood, String impact, String strategy, String actions) {
		var values = new HashMap<String, String>();
		values.put("category", "client");
		values.put("title", title);
		values.put("description", "The sponsor may leave the client");
		values.put("cause", "Reorganisation");
		values.put("owner", "");
		values.put("likelihood", likelihood);
		values.put("impact", impact);
		values.put("strategy", strategy);
		values.put("actions", actions);
		values.put("next-review", "");
		return values;
	}

	@Test
	void registerWarnReviewAndReadInChat() {
		var project = ApprovedProjects.approved(engagements, approvals, "Risk chat " + System.nanoTime(),
				new Home(RecordingDoor.NAME, "consulting", false), "emma.wilson");
		var emma = new Chat(gateway, door, "emma.wilson", "consulting");
		var zhang = new Chat(gateway, door, "zhang.wei", "consulting");
		var wang = new Chat(gateway, door, "wang.fang", "general");
		var chen = new Chat(gateway, door, "chen.jie", "general");

		// an accepted risk needs its monitoring measure; a date must be a date: said beside the inputs
		var opened = emma.command("/risk add " + project.code());
		assertThat(opened).isInstanceOf(Reply.ShowForm.class);
		var refused = emma.fill(opened, risk("Sponsor leaves", "5", "4", "accept", ""));
		assertThat(refused).isInstanceOfSatisfying(Reply.FormErrors.class,
				errors -> assertThat(errors.errors()).containsKey("actions"));
		assertThat(risks.list("admin", RiskManagement.Filter.everything()))
			.noneMatch(risk -> risk.title().equals("Sponsor leaves"));

		var values = risk("Sponsor leaves", "5", "4", "accept", "Monthly call with the sponsor");
		values.put("next-review", LocalDate.now(SHANGHAI).toString());
		var done = Chat.text(emma.fill(emma.command("/risk add " + project.code()), values));
		assertThat(done).contains("registered").contains("high").contains("L5×I4=20").contains("avoid / reduce");
		var risk = risks.list("emma.wilson", new RiskManagement.Filter(new RiskManagement.Target.OfProject(project.code()),
				null, false, null)).get(0);
		assertThat(risk.ownerId()).isEqualTo("zhang.wei");

		// the manager and management are warned, each in their language, saying what and by whom
		var warning = Chat.text(zhang.awaitDirect("风险预警"));
		assertThat(warning).contains("Emma Wilson").contains("20").contains("高");
		assertThat(Chat.text(wang.awaitDirect("风险预警"))).contains("Sponsor leaves");

		// the day's review: the owner's card with its four buttons
		reviews.askForReviews(SHANGHAI);
		var card = zhang.awaitDirect("待评审的风险");
		assertThat(Chat.text(card)).contains("[无变化] [重新评估] [关闭] [上报]");
		var answered = Chat.text(zhang.click(card, "无变化"));
		assertThat(answered).contains("无变化");
		// the card is rewritten in place: no buttons, who answered
		var cardId = zhang.directs().stream().filter(posted -> Chat.text(posted.message()).contains("待评审的风险"))
			.findFirst().orElseThrow().id();
		var updated = await().atMost(Duration.ofSeconds(10))
			.until(() -> door.all().stream().filter(posted -> posted.id().equals(cardId)).findFirst().orElseThrow(),
					posted -> posted.updates() > 0);
		assertThat(updated.message().blocks()).noneMatch(Block.Actions.class::isInstance);
		assertThat(Chat.text(updated.message())).contains("评审：无变化");
		// the old button again: a polite refusal naming who answered, and one answer recorded
		assertThat(Chat.text(zhang.click(card, "无变化"))).contains("已完成");
		assertThat(risks.find(risk.id()).orElseThrow().history()).filteredOn(entry -> entry.action().reviews()).hasSize(1);

		// reading the register: the team sees it, another department's head does not
		assertThat(Chat.text(emma.command("/risk list " + project.code()))).contains("#" + risk.id())
			.contains("Sponsor leaves");
		assertThat(Chat.text(emma.command("/risk show " + risk.id()))).contains("History")
			.contains("registered by Emma Wilson")
			.contains("reviewed by Zhang Wei");
		assertThat(Chat.text(chen.command("/risk show " + risk.id()))).contains("无权查看");
		assertThat(Chat.text(chen.command("/risk show abc"))).contains("/risk show 12");

		// a reassessment from /risk show that lowers it warns nobody; one that raises it does
		var shown = ((Reply.Ephemeral) zhang.command("/risk show " + risk.id())).message();
		var reassess = zhang.click(shown, "重新评估");
		assertThat(reassess).isInstanceOfSatisfying(Reply.ShowForm.class,
				form -> assertThat(form.view().value("title")).isEqualTo("Sponsor leaves"));
		int warnings = zhang.directs().size();
		var lowered = Chat.text(zhang.fill(reassess, Map.of("likelihood", "2", "impact", "2", "strategy", "reduce",
				"actions", "Call the new sponsor")));
		assertThat(lowered).contains("重新评估").contains("→");
		assertThat(risks.find(risk.id()).orElseThrow().level()).isEqualTo(RiskLevel.LOW);

		// the department head's weekly digest lists it as new
		reviews.digest(Instant.now().plusSeconds(60));
		var liNa = new Chat(gateway, door, "li.na", "general");
		assertThat(Chat.text(liNa.awaitDirect("每周风险汇总"))).contains("新增风险").contains("Sponsor leaves");
		assertThat(zhang.directs()).hasSize(warnings);
	}

}
