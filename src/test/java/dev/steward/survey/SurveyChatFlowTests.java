package dev.steward.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.approval.ApprovalManagement;
import dev.steward.client.ClientContact;
import dev.steward.client.ClientDetails;
import dev.steward.client.ClientManagement;
import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.Reply;
import dev.steward.conversation.spi.ChatGateway;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.support.ApprovedProjects;
import dev.steward.support.Chat;
import dev.steward.support.RecordingDoor;
import dev.steward.support.TestDoorConfiguration;

/**
 * {@code /survey} in chat, driven through the kernel as a door drives it: the manager schedules and
 * sends a survey (a team member may not), gets the link of a contact outside the workspace, who
 * answers under target on the web; results with the trend picture (in the project's channel when
 * asked there, else privately); the improvement action that opens at the close, its owner's
 * message with the Close button, the department head told, and the message updated in place when
 * closed.
 */
@SpringBootTest(properties = "steward.default-time-zone=Asia/Shanghai")
@ActiveProfiles("test")
@Import(TestDoorConfiguration.class)
class SurveyChatFlowTests {

	static final Pattern TOKEN = Pattern.compile("/s/([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");

	@Autowired
	ChatGateway gateway;

	@Autowired
	RecordingDoor door;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	@Autowired
	ClientManagement clients;

	@Autowired
	SurveyManagement surveys;

	@Autowired
	SurveyLinks links;

	@Autowired
	JdbcClient jdbc;

	@Test
	void scheduleSendResultsAndTheImprovementActionInChat() {
		var client = "Chat client " + System.nanoTime();
		clients.add("zhang.wei", new ClientDetails(client, null, null, null, null,
				List.of(new ClientContact("Chen Jie", "CFO", "chen.jie@example.com", null, null))));
		var project = ApprovedProjects.approvedFor(engagements, approvals, "Survey chat " + System.nanoTime(), client,
				new Home(RecordingDoor.NAME, "consulting", false), "emma.wilson");
		var code = project.code();
		var zhang = new Chat(gateway, door, "zhang.wei", "consulting");
		var emma = new Chat(gateway, door, "emma.wilson", "general");
		var li = new Chat(gateway, door, "li.na", "general");
		var wang = new Chat(gateway, door, "wang.fang", "general");

		// help names every subcommand
		assertThat(Chat.text(emma.command("/survey help"))).contains("/survey schedule", "/survey send", "/survey links",
				"/survey results", "/survey actions");

		// the manager's schedule form opens on the policy's cadence; a team member is refused
		assertThat(Chat.text(emma.command("/survey schedule " + code))).contains("Only the project manager of " + code);
		var form = zhang.command("/survey schedule " + code);
		assertThat(form).isInstanceOfSatisfying(Reply.ShowForm.class,
				shown -> assertThat(shown.view().values()).containsEntry("cadence", "monthly"));
		assertThat(Chat.text(zhang.fill(form, Map.of("cadence", "quarterly")))).contains(code, "每季度", "下一次调查将于");
		assertThat(surveys.schedule(project.id()).cadence()).contains(QualityPolicy.Cadence.QUARTERLY);

		// sent now: the manager's message has the link of the contact outside the workspace
		assertThat(Chat.text(zhang.command("/survey send " + code))).contains("已发给 1 位联系人：聊天 0 位，链接 1 位");
		var sent = Chat.text(zhang.awaitDirect("满意度调查已发出"));
		var matcher = TOKEN.matcher(sent);
		assertThat(matcher.find()).as(sent).isTrue();
		var link = links.check(matcher.group(1)).link().orElseThrow();
		assertThat(Chat.text(zhang.command("/survey links " + code))).contains("Chen Jie", "/s/" + matcher.group(1));
		// the contact answers under target (two of four scores 4 or 5)
		surveys.answerOnWeb(link, new int[] { 4, 5, 2, 3 }, "Slides came late");

		// results in the project's channel: posted there, with the trend picture
		var before = door.in(ChannelRef.channel(RecordingDoor.NAME, "consulting")).size();
		assertThat(Chat.text(zhang.command("/survey results " + code))).contains("已发布在本频道");
		var posted = org.awaitility.Awaitility.await()
			.until(() -> door.in(ChannelRef.channel(RecordingDoor.NAME, "consulting")), list -> list.size() > before);
		var shared = posted.get(posted.size() - 1).message();
		assertThat(Chat.text(shared)).contains("客户满意度", "50.0%", "低于 90% 的目标");
		assertThat(shared.files()).singleElement().satisfies(file -> {
			assertThat(file.mediaType()).isEqualTo("image/png");
			assertThat(file.name()).isEqualTo("satisfaction-trend-" + code + ".png");
		});
		// asked elsewhere, the picture goes to the person's direct messages; the firm's are management's
		var mine = emma.command("/survey results " + code);
		assertThat(Chat.text(mine)).contains("Client satisfaction", "Service quality", "50.0%");
		org.awaitility.Awaitility.await()
			.until(() -> emma.directs().stream().anyMatch(direct -> !direct.message().files().isEmpty()));
		assertThat(Chat.text(emma.command("/survey results"))).contains("for management and admins");
		assertThat(Chat.text(wang.command("/survey results"))).contains("客户满意度", "全公司");

		// the survey closes under target: the manager owns an improvement action, the head is told
		jdbc.sql("update survey set closes_at = current_timestamp where id = :id").param("id", link.surveyId()).update();
		surveys.followUp();
		var action = zhang.awaitDirect("改进措施：" + code);
		assertThat(Chat.text(action)).contains("50.0%", "90%", "[填写处理结果并关闭]");
		assertThat(Chat.text(li.awaitDirect(code + " 的满意度降至"))).contains("Zhang Wei");
		assertThat(Chat.text(emma.command("/survey actions " + code))).contains("Improvement actions (1)");

		// closed from its button with what was done; the message loses its button in place
		var closing = zhang.click(action, "填写处理结果并关闭");
		assertThat(closing).isInstanceOf(Reply.ShowForm.class);
		assertThat(Chat.text(zhang.fill(closing, Map.of("outcome", "Slides each Friday; a second reviewer"))))
			.contains("已关闭");
		org.awaitility.Awaitility.await().until(() -> zhang.directs().stream()
			.filter(direct -> Chat.text(direct.message()).contains("改进措施：" + code))
			.allMatch(direct -> direct.updates() > 0 && !direct.message().hasActions()));
		assertThat(Chat.text(li.awaitDirect(code + " 的改进措施已由"))).contains("Slides each Friday");
	}

}
