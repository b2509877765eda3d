package dev.steward.client;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.approval.ApprovalManagement;
import dev.steward.conversation.Block;
import dev.steward.conversation.Reply;
import dev.steward.conversation.spi.ChatGateway;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.progress.ProgressManagement;
import dev.steward.support.ApprovedProjects;
import dev.steward.support.Chat;
import dev.steward.support.RecordingDoor;
import dev.steward.support.TestDoorConfiguration;

/**
 * Communication plans in chat, driven through the kernel as a door drives it: the plan form (with
 * its inline errors), the owner's reminder with Logged, the note form, the reminder rewritten in
 * place, a second click and a stranger's click refused, reading plans, and the overdue contacts in
 * the project manager's real weekly digest.
 */
@SpringBootTest(properties = "steward.default-time-zone=Asia/Shanghai")
@ActiveProfiles("test")
@Import(TestDoorConfiguration.class)
class PlanChatFlowTests {

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
	PlanReminders reminders;

	@Autowired
	PlanManagement plans;

	@Autowired
	ProgressManagement progress;

	@Autowired
	JdbcClient jdbc;

	static Map<String, String> plan(String goal, String every, String owner) {
		var values = new HashMap<String, String>();
		values.put("goal", goal);
		values.put("channel", "call");
		values.put("every", every);
		values.put("content", "Progress, open questions, next steps");
		values.put("owner", owner);
		values.put("next", "");
		return values;
	}

	@Test
	void addRemindLogAndReadAPlanInChat() {
		var project = ApprovedProjects.approved(engagements, approvals, "Plan chat " + System.nanoTime(),
				new Home(RecordingDoor.NAME, "consulting", false), "sun.li", "emma.wilson");
		var zhang = new Chat(gateway, door, "zhang.wei", "consulting");
		var sun = new Chat(gateway, door, "sun.li", "consulting");
		var emma = new Chat(gateway, door, "emma.wilson", "consulting");
		var liu = new Chat(gateway, door, "liu.yang", "general");

		// someone outside the project is refused before any typing; a frequency out of range is said beside it
		assertThat(Chat.text(liu.command("/client plan add " + project.code()))).contains("保密");
		var opened = zhang.command("/client plan add " + project.code());
		assertThat(opened).isInstanceOf(Reply.ShowForm.class);
		var refused = zhang.fill(opened, plan("Weekly call with the sponsor", "400", "sun.li"));
		assertThat(refused).isInstanceOfSatisfying(Reply.ShowForm.class,
				form -> assertThat(form.view().errors()).containsKey("every"));
		assertThat(plans.list("admin", java.util.Optional.of(plans.scope(project.code())))).isEmpty();
		// an owner outside the project's people is refused beside the picker
		var outside = zhang.fill(zhang.command("/client plan add " + project.code()),
				plan("Weekly call with the sponsor", "7", "liu.yang"));
		assertThat(outside).isInstanceOfSatisfying(Reply.FormErrors.class,
				errors -> assertThat(errors.errors()).containsKey("owner"));

		var done = Chat.text(zhang.fill(zhang.command("/client plan add " + project.code()),
				plan("Weekly call with the sponsor", "7", "sun.li")));
		assertThat(done).contains("沟通计划").contains("Weekly call with the sponsor");
		var saved = plans.list("zhang.wei", java.util.Optional.of(plans.scope(project.code()))).get(0);
		assertThat(saved.ownerId()).isEqualTo("sun.li");
		assertThat(Chat.text(sun.awaitDirect("Weekly call with the sponsor"))).contains("Zhang Wei");

		// the contact falls due today: the owner's reminder has Logged
		jdbc.sql("update communication_plan set next_due = :today where id = :id")
			.param("today", LocalDate.now(SHANGHAI))
			.param("id", saved.id())
			.update();
		var today = LocalDate.now(SHANGHAI);
		var working = plans.calendarOf(saved.projectId()).isWorkingDay(today);
		reminders.remind(SHANGHAI);
		var reminded = plans.plan("sun.li", saved.id()).history().stream()
			.anyMatch(entry -> entry.action() == PlanEntry.Action.REMINDED);
		// reminded on a working day of the calendar only; on a rest day the card's button logs the same contact
		assertThat(reminded).isEqualTo(working);
		var reminder = working ? sun.awaitDirect("Contact due: Weekly call with the sponsor")
				: ((Reply.Ephemeral) sun.command("/client plan show " + saved.id())).message();
		var button = working ? "Logged" : "Log a contact";
		if (working) {
			assertThat(Chat.text(reminder)).contains("[Logged]").contains(today.toString());
		}

		// Emma may see the project but neither owns the plan nor manages the project
		assertThat(Chat.text(emma.click(reminder, button))).contains("Only the plan’s owner (Sun Li)");
		var note = sun.click(reminder, button);
		assertThat(note).isInstanceOf(Reply.ShowForm.class);
		var second = sun.click(reminder, button); // a second form, opened before the first is sent
		var logged = Chat.text(sun.submit(((Reply.ShowForm) note).view(), Map.of("note", "Agreed the interview list")));
		assertThat(logged).contains("Contact logged").contains(PlanManagement.nextDue(today, 7,
				plans.calendarOf(saved.projectId())).toString());
		// the second one, sent after: told who logged it, nothing more recorded
		assertThat(Chat.text(sun.submit(((Reply.ShowForm) second).view(), Map.of("note", "again"))))
			.contains("logged already, by Sun Li");
		assertThat(Chat.text(sun.click(reminder, button))).contains("logged already");
		assertThat(plans.plan("sun.li", saved.id()).history()).filteredOn(entry -> entry.action() == PlanEntry.Action.LOGGED)
			.hasSize(1);

		if (working) {
			// the reminder is rewritten in place: no button, who logged it and the note
			var reminderId = sun.directs().stream()
				.filter(posted -> Chat.text(posted.message()).contains("Contact due: Weekly call"))
				.findFirst().orElseThrow().id();
			var updated = await().atMost(Duration.ofSeconds(10))
				.until(() -> door.all().stream().filter(posted -> posted.id().equals(reminderId)).findFirst().orElseThrow(),
						posted -> posted.updates() > 0);
			assertThat(updated.message().blocks()).noneMatch(Block.Actions.class::isInstance);
			assertThat(Chat.text(updated.message())).contains("Logged by Sun Li").contains("Agreed the interview list");
		}

		// reading: the list for the project, the card with the last contact; HR is refused
		assertThat(Chat.text(zhang.command("/client plan list " + project.code()))).contains("#" + saved.id())
			.contains("Weekly call with the sponsor").contains("Sun Li");
		assertThat(Chat.text(emma.command("/client plan show " + saved.id()))).contains("Last contacts")
			.contains("Agreed the interview list").contains("[Log a contact] [Edit]");
		assertThat(Chat.text(liu.command("/client plan show " + saved.id()))).contains("保密");
		assertThat(Chat.text(liu.command("/client plan show twelve"))).contains("/client plan show 3");
		assertThat(Chat.text(zhang.command("/client help"))).contains("plan add").contains("plan stop");
	}

	@Test
	void contactsOverdueByMoreThanTheirFrequencyShowInTheManagersWeeklyDigest() {
		var project = ApprovedProjects.approved(engagements, approvals, "Plan digest " + System.nanoTime(),
				new Home(RecordingDoor.NAME, "digest", false), "sun.li");
		var zhang = new Chat(gateway, door, "zhang.wei", "digest");
		var scope = plans.scope(project.code());
		var late = plans.add("zhang.wei", scope,
				new PlanDetails("Fortnightly steering", ContactChannel.MEETING, 14, "Decisions", "sun.li"), null);
		var onTime = plans.add("zhang.wei", scope,
				new PlanDetails("Monthly e-mail", ContactChannel.EMAIL, 30, "Summary", "zhang.wei"), null);
		// the steering meeting was due 20 days ago (more than its 14 days); the e-mail is not due yet
		jdbc.sql("update communication_plan set next_due = :due where id = :id")
			.param("due", LocalDate.now(SHANGHAI).minusDays(20))
			.param("id", late.id())
			.update();
		progress.prompt(project.id(), SHANGHAI, Instant.now());
		progress.close(project.id());
		var digest = Chat.text(zhang.awaitDirect("每周汇总 " + project.code()));
		assertThat(digest).contains("逾期未沟通（1）").contains("#" + late.id()).contains("Fortnightly steering")
			.contains("Sun Li").contains("会议").doesNotContain("Monthly e-mail");
		assertThat(onTime.active()).isTrue();
	}

}
