package dev.steward.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.approval.ApprovalManagement;
import dev.steward.approval.Decision;
import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.Reply;
import dev.steward.conversation.spi.ChatGateway;
import dev.steward.engagement.ApplicationDetails;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.engagement.Project;
import dev.steward.scheduling.Scheduling;
import dev.steward.support.Chat;
import dev.steward.support.RecordingDoor;
import dev.steward.support.TestDoorConfiguration;
import dev.steward.support.WeeklyTiming;

/**
 * The weekly cycle (§2.3.2) end to end through the kernel, with jobs run now from the JDBC store
 * (the playground's time travel): prompt → report → reminder → excuse → digest → forward, and
 * the portfolio; never a prompt twice; missed prompts within and beyond the grace period.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestDoorConfiguration.class)
class ProgressCycleTests {

	@Autowired
	ChatGateway gateway;

	@Autowired
	RecordingDoor door;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	@Autowired
	ProgressManagement progress;

	@Autowired
	Scheduling scheduling;

	Project project(String title, String channel) {
		var application = engagements.apply("zhang.wei", new ApplicationDetails(title, "Acme", "strategy", "",
				"Background", "Needs", "Scale", new BigDecimal("1000"), "Risks", "Reason", "Solution"),
				new Home(RecordingDoor.NAME, channel, false));
		var request = engagements.approvalOf(application).orElseThrow();
		approvals.decide(request.id(), "1.0", Decision.APPROVE, "li.na", null);
		approvals.decide(request.id(), "1.1", Decision.APPROVE, "wang.fang", null);
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> engagements.projectOf(application.id()).orElse(null), p -> p != null);
	}

	void awaitJob(String name) {
		await().atMost(Duration.ofSeconds(10)).until(() -> scheduling.nextFire(ProgressManagement.GROUP, name).isPresent());
	}

	long count(Chat chat, String text) {
		return chat.directs().stream().filter(posted -> Chat.text(posted.message()).contains(text)).count();
	}

	@Test
	void aWholeWeekFromPromptToForwardedDigest() {
		var channel = "weekly-" + System.nanoTime();
		var project = project("Weekly " + System.nanoTime(), channel);
		var code = project.code();
		WeeklyTiming.keepTheDeadlineDaysAway(progress, project);
		var zhang = new Chat(gateway, door, "zhang.wei", channel);
		var sun = new Chat(gateway, door, "sun.li", channel);
		var emma = new Chat(gateway, door, "emma.wilson", channel);
		var liNa = new Chat(gateway, door, "li.na", channel);
		var david = new Chat(gateway, door, "david.miller", channel);
		zhang.command("/project team add " + code + " @sun.li Research");
		zhang.command("/project team add " + code + " @emma.wilson Interviews");

		// each member's time zone gets its own prompt job, at the report time there
		var shanghai = "prompt-" + project.id() + "-Asia.Shanghai";
		var london = "prompt-" + project.id() + "-Europe.London";
		awaitJob(shanghai);
		awaitJob(london);
		var next = scheduling.nextFire(ProgressManagement.GROUP, shanghai).orElseThrow();
		assertThat(next.atZone(ZoneId.of("Asia/Shanghai")).toLocalTime()).hasToString("15:00");

		// time travel: the Shanghai prompt now; run twice, it prompts once
		scheduling.runNow(ProgressManagement.GROUP, shanghai);
		var prompt = sun.awaitDirect("Weekly progress for *" + code);
		scheduling.runNow(ProgressManagement.GROUP, shanghai);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> door.in(ChannelRef.channel(RecordingDoor.NAME, channel)).stream()
				.anyMatch(posted -> Chat.text(posted.message()).contains("members are asked to report")));
		awaitJob("deadline-" + project.id());
		assertThat(count(sun, "Weekly progress for *" + code)).isEqualTo(1);
		assertThat(count(emma, "Weekly progress for *" + code)).as("London is not due yet").isZero();

		// the member reports from the prompt's button; a bad percentage is caught inline
		var form = sun.click(prompt, "Submit report");
		assertThat(form).isInstanceOf(Reply.ShowForm.class);
		var view = ((Reply.ShowForm) form).view();
		var bad = sun.submit(view, Map.of("done", "Interviews", "next", "Synthesis", "blockers", "", "percent", "140",
				"rag", "green"));
		assertThat(((Reply.FormErrors) bad).errors()).containsKey("percent");
		assertThat(Chat.text(sun.submit(view, Map.of("done", "Ran 6 interviews", "next", "Synthesis", "blockers",
				"Need the client's sales data", "percent", "40", "rag", "amber")))).contains("submitted");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Chat.text(sun.directs().get(sun.directs().size() - 1).message()).contains("You reported"));

		// the reminder goes once, to who has not reported
		scheduling.runNow(ProgressManagement.GROUP, "reminder-" + project.id());
		emma.awaitDirect("Reminder: your progress report for *" + code);
		assertThat(count(sun, "Reminder")).isZero();

		// the manager excuses one on leave, then the deadline brings the digest
		assertThat(Chat.text(emma.command("/progress excuse " + code + " @emma.wilson leave"))).contains("Only");
		assertThat(Chat.text(zhang.command("/progress excuse " + code + " @emma.wilson on leave"))).contains("Emma Wilson");
		scheduling.runNow(ProgressManagement.GROUP, "deadline-" + project.id());
		var digest = zhang.awaitDirect("每周汇总 " + code);
		assertThat(Chat.text(digest)).contains("1 / 1").contains("Need the client's sales data").contains("Emma Wilson")
			.contains("有风险");

		// the manager adds a comment and sends it on; it reaches the department head and management
		var comment = zhang.click(digest, "添加意见并发送");
		assertThat(Chat.text(zhang.submit(((Reply.ShowForm) comment).view(), Map.of("comment", "Data request escalated."))))
			.contains("已发送");
		assertThat(Chat.text(liNa.awaitDirect("每周汇总 " + code))).contains("Data request escalated.");
		assertThat(Chat.text(david.awaitDirect("Weekly digest " + code))).contains("Data request escalated.");
		await().atMost(Duration.ofSeconds(10)).until(() -> zhang.directs().stream()
			.filter(posted -> Chat.text(posted.message()).contains("每周汇总 " + code))
			.noneMatch(posted -> posted.message().hasActions()));
		assertThat(Chat.text(zhang.click(digest, "直接发送"))).contains("已经发送过");

		// reports are closed for the week once the digest went out
		var late = sun.click(prompt, "Submit report");
		assertThat(Chat.text(late)).contains("gone out already");

		// management's portfolio lists the project
		scheduling.runNow(ProgressManagement.GROUP, "portfolio");
		assertThat(Chat.text(david.awaitDirect("Portfolio, week"))).contains(code).contains("1/1 reported");
	}

	@Test
	void aPromptMissedWhileDownGoesOutLateWithinTheGraceAndIsSkippedBeyondIt() {
		var channel = "grace-" + System.nanoTime();
		var project = project("Grace " + System.nanoTime(), channel);
		var zhang = new Chat(gateway, door, "zhang.wei", channel);
		var chen = new Chat(gateway, door, "chen.jie", channel);
		zhang.command("/project team add " + project.code() + " @chen.jie Data");
		var zone = ZoneId.of("Asia/Shanghai");

		progress.prompt(project.id(), zone, Instant.now().minus(Duration.ofHours(13)));
		assertThat(progress.currentCycle(project.id())).as("beyond the 12 h grace: skipped").isEmpty();

		progress.prompt(project.id(), zone, Instant.now().minus(Duration.ofHours(2)));
		var prompted = "*" + project.code() + "*“" + project.title() + "”每周工作进展";
		chen.awaitDirect(prompted);
		progress.prompt(project.id(), zone, Instant.now().minus(Duration.ofHours(1)));
		assertThat(count(chen, prompted)).as("never twice in a week").isEqualTo(1);
	}

	@Test
	void theManagerMovesTheScheduleAndThePromptJobsFollow() {
		var channel = "schedule-" + System.nanoTime();
		var project = project("Schedule " + System.nanoTime(), channel);
		var zhang = new Chat(gateway, door, "zhang.wei", channel);
		var emma = new Chat(gateway, door, "emma.wilson", channel);
		zhang.command("/project team add " + project.code() + " @emma.wilson Interviews");
		var london = "prompt-" + project.id() + "-Europe.London";
		awaitJob(london);

		assertThat(Chat.text(emma.command("/progress schedule " + project.code()))).contains("Only Zhang Wei");
		var form = ((Reply.ShowForm) zhang.command("/progress schedule " + project.code())).view();
		assertThat(form.value("day")).isEqualTo("FRIDAY");
		var bad = zhang.submit(form, Map.of("day", "THURSDAY", "time", "25:99", "deadlineDay", "FRIDAY",
				"deadlineTime", "12:00", "zone", "Mars/Olympus"));
		assertThat(((Reply.FormErrors) bad).errors()).containsOnlyKeys("time", "zone");
		assertThat(Chat.text(zhang.submit(form, Map.of("day", "THURSDAY", "time", "9:30", "deadlineDay", "FRIDAY",
				"deadlineTime", "12:00", "zone", "Asia/Shanghai")))).contains("09:30");

		// Emma in London is prompted on Thursday at 09:30 London time, on a working day
		var next = scheduling.nextFire(ProgressManagement.GROUP, london).orElseThrow().atZone(ZoneId.of("Europe/London"));
		assertThat(next.getDayOfWeek()).isIn(java.time.DayOfWeek.THURSDAY, java.time.DayOfWeek.WEDNESDAY,
				java.time.DayOfWeek.TUESDAY, java.time.DayOfWeek.MONDAY);
		assertThat(next.toLocalTime()).hasToString("09:30");
		assertThat(Chat.text(emma.command("/progress status " + project.code()))).contains("09:30")
			.contains("Asia/Shanghai");
	}

	@Test
	void aPausedProjectGetsNoPromptsAndOnlyAdminsRunJobs() {
		var channel = "paused-" + System.nanoTime();
		var project = project("Paused " + System.nanoTime(), channel);
		var zhang = new Chat(gateway, door, "zhang.wei", channel);
		zhang.command("/project team add " + project.code() + " @liu.yang Support");
		zhang.command("/project pause " + project.code());
		progress.prompt(project.id(), ZoneId.of("Asia/Shanghai"), Instant.now());
		assertThat(progress.currentCycle(project.id())).isEmpty();

		assertThat(Chat.text(zhang.command("/steward jobs"))).contains("只有管理员");
		var admin = new Chat(gateway, door, "admin", channel);
		var jobs = admin.command("/steward jobs");
		assertThat(Chat.text(jobs)).contains("Scheduled jobs").contains("[Run now]");
	}

}
