package dev.steward.risk.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import javax.imageio.ImageIO;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.approval.ApprovalManagement;
import dev.steward.conversation.Attachment;
import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.Message;
import dev.steward.conversation.Reply;
import dev.steward.conversation.spi.ChatGateway;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.engagement.Project;
import dev.steward.risk.Assessment;
import dev.steward.risk.HeatMap;
import dev.steward.risk.Risk;
import dev.steward.risk.RiskManagement;
import dev.steward.risk.RiskManagement.Target;
import dev.steward.risk.Strategy;
import dev.steward.support.ApprovedProjects;
import dev.steward.support.Chat;
import dev.steward.support.RecordingDoor;
import dev.steward.support.TestDoorConfiguration;

/**
 * {@code /risk matrix} and {@code /risk export} through the kernel: the heat map goes into the
 * project's home channel only when asked for there, else to the asker alone; the firm's map is for
 * management and admins; the export is a CSV with a byte order mark, in the asker's language, of
 * the risks they may see, sent to them alone.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestDoorConfiguration.class)
class RiskReportsTests {

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

	Project project;

	String home;

	Risk dataLate;

	Risk firmWide;

	/** Zhang Wei's project (Sun Li on its team): two high risks at likelihood 4 × impact 5, a low one closed. */
	@BeforeEach
	void project() {
		home = "risk-home-" + System.nanoTime();
		project = ApprovedProjects.approved(engagements, approvals, "Risk reports " + System.nanoTime(),
				new Home(RecordingDoor.NAME, home, false), "sun.li");
		var code = new Target.OfProject(project.code());
		dataLate = risks.register("zhang.wei", code, new Risk.Details("client", "客户数据延迟",
				"Data arrives late, in parts,\nand unchecked", "客户内部审批流程长", new Assessment(4, 5), Strategy.REDUCE,
				"每周跟进"), null, null);
		risks.register("sun.li", code, new Risk.Details("legal", "=HYPERLINK(\"x\")", "", "", new Assessment(4, 5),
				Strategy.TRANSFER, "+insurance"), null, null);
		var gone = risks.register("zhang.wei", code,
				new Risk.Details("people", "Interviewer ill", "", "", new Assessment(1, 1), Strategy.ACCEPT, ""), null,
				null);
		risks.close(gone.id(), "zhang.wei", "Recovered", 0);
		firmWide = risks.register("li.na", new Target.FirmWide(), new Risk.Details("market",
				"Firm-wide " + System.nanoTime(), "", "", new Assessment(3, 3), Strategy.REDUCE, ""), null, null);
	}

	Chat chat(String personId, String channel) {
		return new Chat(gateway, door, personId, channel);
	}

	/** Waits for a message in the person's direct messages that carries a file of this name. */
	Attachment awaitDirectFile(String personId, String name) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> door.directTo(personId).stream()
				.flatMap(posted -> posted.message().files().stream())
				.filter(file -> file.name().equals(name))
				.reduce((first, second) -> second)
				.orElse(null), file -> file != null);
	}

	List<Message> inHome() {
		return door.in(ChannelRef.channel(RecordingDoor.NAME, home)).stream().map(RecordingDoor.Posted::message).toList();
	}

	static BufferedImage decode(Attachment file) throws IOException {
		assertThat(file.mediaType()).isEqualTo(Attachment.PNG);
		var image = ImageIO.read(new ByteArrayInputStream(file.bytes()));
		assertThat(image).as("a PNG").isNotNull();
		assertThat(image.getWidth()).isEqualTo(HeatMap.WIDTH);
		assertThat(image.getHeight()).isEqualTo(HeatMap.HEIGHT);
		return image;
	}

	static boolean has(BufferedImage image, String colour) {
		int rgb = Color.decode(colour).getRGB() & 0xFFFFFF;
		for (int x = 0; x < image.getWidth(); x += 2) {
			for (int y = 0; y < image.getHeight(); y += 2) {
				if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
					return true;
				}
			}
		}
		return false;
	}

	static String text(Reply reply) {
		return Chat.text(reply);
	}

	static boolean hasFiles(Reply reply) {
		return reply instanceof Reply.Ephemeral ephemeral && ephemeral.message().hasFiles();
	}

	// --- the heat map ---------------------------------------------------------------------------

	@Test
	void askedForInTheHomeChannelTheMapIsPostedThereWithTheOpenRisksCounted() throws IOException {
		var reply = chat("zhang.wei", home).command("/risk matrix " + project.code().toLowerCase());
		assertThat(text(reply)).contains(project.code()).contains("已发布到本频道");
		assertThat(hasFiles(reply)).isFalse();

		var posted = await().atMost(Duration.ofSeconds(10))
			.until(this::inHome, messages -> messages.stream().anyMatch(Message::hasFiles));
		var message = posted.stream().filter(Message::hasFiles).findFirst().orElseThrow();
		assertThat(Chat.text(message)).contains(project.code()).contains("Zhang Wei").contains("未关闭风险 2 个");
		assertThat(message.files()).hasSize(1);
		var map = message.files().get(0);
		assertThat(map.name()).isEqualTo("risk-heat-map-" + project.code() + ".png");
		assertThat(map.title()).as("the alternative text, in Chinese").contains("热力图").contains("共 2 个");
		var image = decode(map);
		// every band of config/risk.yaml is on it, in its colour
		assertThat(has(image, "#d64541")).isTrue();
		assertThat(has(image, "#f5a623")).isTrue();
		assertThat(has(image, "#7cb342")).isTrue();
	}

	@Test
	void askedForAnywhereElseTheMapGoesToTheAskerAlone() throws IOException {
		var reply = chat("sun.li", "elsewhere-" + System.nanoTime()).command("/risk matrix " + project.code());
		assertThat(text(reply)).contains("2 open risks").contains("I sent the file to your direct messages");
		decode(awaitDirectFile("sun.li", "risk-heat-map-" + project.code() + ".png"));

		// asked for in a direct conversation, even the manager's, it stays private
		var direct = gateway.command(new dev.steward.conversation.ChatCommand(
				new dev.steward.conversation.Actor(RecordingDoor.NAME, "zhang.wei"),
				ChannelRef.direct(RecordingDoor.NAME, "zhang.wei"), "risk", "matrix " + project.code()));
		assertThat(text(direct)).contains("私信");
		decode(awaitDirectFile("zhang.wei", "risk-heat-map-" + project.code() + ".png"));
		assertThat(inHome()).as("nothing went to the home channel").noneMatch(Message::hasFiles);
	}

	@Test
	void someoneWhoMayNotSeeTheProjectOrAnUnknownCodeIsToldPolitely() {
		// Liu Yang (HR) is neither on the team, nor its head, nor management
		var refused = chat("liu.yang", home).command("/risk matrix " + project.code());
		assertThat(text(refused)).contains("你无权查看").contains(project.code());
		assertThat(hasFiles(refused)).isFalse();
		assertThat(text(chat("liu.yang", home).command("/risk export " + project.code()))).contains("你无权查看");
		assertThat(text(chat("sun.li", home).command("/risk matrix P-1999-9999"))).contains("There is no project P-1999-9999");
		assertThat(inHome()).noneMatch(Message::hasFiles);
	}

	@Test
	void theFirmsMapIsForManagementAndAdminsAlone() throws IOException {
		assertThat(text(chat("sun.li", home).command("/risk matrix")))
			.contains("Only management and admins may see the whole firm’s heat map");
		// a department head sees the firm's risks in the register, but not every project's on one map
		assertThat(text(chat("li.na", home).command("/risk matrix"))).contains("只有管理层和管理员");

		int open = risks.list("admin", new RiskManagement.Filter(null, null, false, dev.steward.risk.Risk.Status.OPEN)).size();
		var reply = chat("david.miller", home).command("/risk matrix");
		assertThat(text(reply)).contains("the whole firm").contains(open + " open risks");
		var map = awaitDirectFile("david.miller", "risk-heat-map-firm.png");
		assertThat(map.title()).contains("(" + open + " in all)");
		decode(map);
		assertThat(text(chat("admin", home).command("/risk matrix"))).contains("the whole firm");
		assertThat(inHome()).as("the firm's map never goes into a project's channel").noneMatch(Message::hasFiles);
	}

	// --- the export -----------------------------------------------------------------------------

	/** A CSV file read back: its header and its rows. */
	record Csv(List<String> headers, List<CSVRecord> rows) {
	}

	static Csv parse(Attachment file) throws IOException {
		assertThat(file.mediaType()).isEqualTo(Attachment.CSV);
		var bytes = file.bytes();
		assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte order mark")
			.containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		var text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		try (var parser = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(text))) {
			var rows = parser.getRecords();
			return new Csv(parser.getHeaderNames(), rows);
		}
	}

	static CSVRecord row(List<CSVRecord> rows, String column, Predicate<String> matching) {
		return rows.stream().filter(row -> matching.test(row.get(column))).findFirst().orElseThrow();
	}

	@Test
	void theExportIsACsvInTheAskersLanguageSentToThemAlone() throws IOException {
		var reply = chat("zhang.wei", home).command("/risk export " + project.code());
		assertThat(text(reply)).contains("共 3 个风险").contains("私信");
		assertThat(inHome()).as("never in the channel, even at home").noneMatch(Message::hasFiles);
		var csv = parse(awaitDirectFile("zhang.wei", "risk-register-" + project.code() + ".csv"));
		var rows = csv.rows();
		assertThat(csv.headers()).containsExactly("编号", "项目 / 申请 / 全公司", "类别", "标题", "描述", "原因", "可能性", "影响程度",
				"分值", "等级", "应对策略", "应对措施", "负责人", "状态", "下次复核", "创建时间（Asia/Shanghai）",
				"关闭时间（Asia/Shanghai）");
		assertThat(rows).hasSize(3).allSatisfy(row -> assertThat(row.get("项目 / 申请 / 全公司")).isEqualTo(project.code()));
		var late = row(rows, "编号", id -> id.equals(String.valueOf(dataLate.id())));
		assertThat(late.get("标题")).isEqualTo("客户数据延迟");
		assertThat(late.get("描述")).as("commas and lines survive").isEqualTo("Data arrives late, in parts,\nand unchecked");
		assertThat(late.get("原因")).isEqualTo("客户内部审批流程长");
		assertThat(late.get("类别")).isEqualTo("客户风险");
		assertThat(late.get("可能性")).isEqualTo("4");
		assertThat(late.get("影响程度")).isEqualTo("5");
		assertThat(late.get("分值")).isEqualTo("20");
		assertThat(late.get("等级")).isEqualTo("高");
		assertThat(late.get("应对策略")).isEqualTo("降低");
		assertThat(late.get("应对措施")).isEqualTo("每周跟进");
		assertThat(late.get("负责人")).as("the project manager owns it").isEqualTo("Zhang Wei");
		assertThat(late.get("状态")).isEqualTo("未关闭");
		assertThat(late.get("下次复核")).isEqualTo(dataLate.nextReview().toString());
		assertThat(late.get("创建时间（Asia/Shanghai）")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
		assertThat(late.get("关闭时间（Asia/Shanghai）")).isEmpty();
		var closed = row(rows, "状态", "已关闭"::equals);
		assertThat(closed.get("标题")).isEqualTo("Interviewer ill");
		assertThat(closed.get("关闭时间（Asia/Shanghai）")).isNotEmpty();
		assertThat(closed.get("下次复核")).isEmpty();
		var formula = row(rows, "类别", "法律合规风险"::equals);
		assertThat(formula.get("标题")).as("a formula is shown, never run").isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(formula.get("应对措施")).isEqualTo("'+insurance");
	}

	@Test
	void withoutACodeTheExportHoldsEveryRiskTheAskerMaySeeAndNoOther() throws IOException {
		chat("sun.li", home).command("/risk export");
		var mine = parse(awaitDirectFile("sun.li", "risk-register.csv"));
		assertThat(mine.headers()).contains("ID", "Title", "Level", "Created (Asia/Shanghai)");
		assertThat(mine.rows()).extracting(row -> row.get("Title")).contains("客户数据延迟", "Interviewer ill")
			.doesNotContain(firmWide.title());
		// Sun Li is on this test's project (and the other tests'), and sees no firm-wide risk
		assertThat(mine.rows()).extracting(row -> row.get("Project / application / firm"))
			.contains(project.code())
			.doesNotContain("Firm")
			.allSatisfy(code -> assertThat(engagements.maySee(code, "sun.li")).as(code).isTrue());

		chat("li.na", home).command("/risk export");
		var head = parse(awaitDirectFile("li.na", "risk-register.csv"));
		var firm = row(head.rows(), "标题", firmWide.title()::equals);
		assertThat(firm.get("项目 / 申请 / 全公司")).isEqualTo("全公司");
		assertThat(firm.get("等级")).isEqualTo("中");
		assertThat(firm.get("负责人")).isEqualTo("Li Na");
	}

	@Test
	void homeIsTheProjectsChannelOnItsDoorAndNeverADirectConversation() {
		assertThat(RiskReports.atHome(project, ChannelRef.channel(RecordingDoor.NAME, home))).isTrue();
		assertThat(RiskReports.atHome(project, ChannelRef.channel("slack", home))).isFalse();
		assertThat(RiskReports.atHome(project, ChannelRef.channel(RecordingDoor.NAME, home + "x"))).isFalse();
		assertThat(RiskReports.atHome(project, ChannelRef.direct(RecordingDoor.NAME, home))).isFalse();
	}

}
