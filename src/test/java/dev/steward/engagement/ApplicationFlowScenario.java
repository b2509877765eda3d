package dev.steward.engagement;

import dev.steward.support.SampleApplication;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.steward.approval.ApprovalManagement;
import dev.steward.approval.ApprovalStatus;
import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.Reply;
import dev.steward.conversation.spi.ChatGateway;
import dev.steward.support.Chat;
import dev.steward.support.RecordingDoor;

/**
 * The whole life of a project application, driven through the kernel the way a door drives it:
 * apply, a non-approver's click, request changes, edit and resubmit, approve, a double click,
 * two managers at once, and a project with its history; and a rejection. Subclasses pick the
 * database.
 */
abstract class ApplicationFlowScenario {

	@Autowired
	ChatGateway gateway;

	@Autowired
	RecordingDoor door;

	@Autowired
	ApprovalManagement approvals;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	JdbcClient jdbc;

	static Map<String, String> application(String title) {
		return SampleApplication.values(title);
	}

	@Test
	void applicationGoesThroughChangesAndTwoApprovalsToAProject() throws Exception {
		var zhang = new Chat(gateway, door, "zhang.wei", "consulting");
		var emma = new Chat(gateway, door, "emma.wilson", "consulting");
		var liNa = new Chat(gateway, door, "li.na", "consulting");
		var wangFang = new Chat(gateway, door, "wang.fang", "general");
		var david = new Chat(gateway, door, "david.miller", "general");
		var title = "Acme market entry " + System.nanoTime();

		// an empty required field and a non-number stop the first page, and nothing is saved
		var opened = zhang.command("/project apply");
		assertThat(opened).isInstanceOf(Reply.ShowForm.class);
		var form = ((Reply.ShowForm) opened).view();
		assertThat(form.pageCount()).isEqualTo(3);
		assertThat(form.value("departmentId")).isEqualTo("strategy");
		var bad = zhang.submit(form, Map.of("title", "", "client", "Acme", "departmentId", "strategy",
				"managerId", "", "expectedRevenue", "lots"));
		assertThat(bad).isInstanceOf(Reply.FormErrors.class);
		assertThat(((Reply.FormErrors) bad).errors()).containsOnlyKeys("title", "expectedRevenue")
			.containsEntry("title", "此项为必填。");
		assertThat(approvals.requestedBy("zhang.wei")).noneMatch(request -> request.title().equals(title));

		var submitted = zhang.fill(opened, application(title));
		assertThat(Chat.text(submitted)).contains(title).contains("Li Na");

		// the department head gets the card; the applicant is told where it is
		var card = liNa.awaitDirect(title);
		assertThat(Chat.text(card)).contains("项目立项申请").contains("Acme Manufacturing").contains("[批准]");
		zhang.awaitDirect("Li Na（部门负责人审核）");

		// someone else's click is refused politely, naming who may decide
		var refused = emma.click(card, "批准");
		assertThat(Chat.text(refused)).contains("Only Li Na can decide this step");

		// request changes: a reason is asked for, then the applicant gets an edit button
		var reasonForm = liNa.click(card, "要求修改");
		assertThat(reasonForm).isInstanceOf(Reply.ShowForm.class);
		var empty = liNa.submit(((Reply.ShowForm) reasonForm).view(), Map.of("reason", " "));
		assertThat(empty).isInstanceOf(Reply.FormErrors.class);
		var changed = liNa.submit(((Reply.ShowForm) reasonForm).view(),
				Map.of("reason", "Please name the client's decision maker."));
		assertThat(Chat.text(changed)).contains("要求修改");
		await().atMost(Duration.ofSeconds(10)).until(() -> !lastDirect(liNa, title).hasActions());
		assertThat(Chat.text(lastDirect(liNa, title))).contains("Li Na 要求修改").contains("decision maker");

		var notice = zhang.awaitDirect("decision maker");
		var edit = zhang.click(notice, "修改并重新提交");
		assertThat(edit).isInstanceOf(Reply.ShowForm.class);
		assertThat(((Reply.ShowForm) edit).view().value("title")).isEqualTo(title);
		var values = new java.util.HashMap<>(application(title));
		values.put("client", "Acme Manufacturing Group (CEO: Mr. Lee)");
		assertThat(Chat.text(zhang.fill(edit, values))).contains("重新提交");

		// the approver sees what changed, and approves; a second click is told who already did
		await().atMost(Duration.ofSeconds(10)).until(() -> liNa.directs().stream()
			.filter(posted -> Chat.text(posted.message()).contains("CEO: Mr. Lee") && posted.message().hasActions())
			.count() == 1);
		var second = liNa.directs().stream()
			.filter(posted -> posted.message().hasActions())
			.reduce((a, b) -> b)
			.orElseThrow()
			.message();
		assertThat(Chat.text(second)).contains("自要求修改以来的变更").contains("Acme Manufacturing → Acme Manufacturing Group");
		assertThat(Chat.text(liNa.click(second, "批准"))).contains("你已批准");
		assertThat(Chat.text(liNa.click(second, "批准"))).contains("已审批").contains("Li Na 已批准");
		assertThat(Chat.text(liNa.click(card, "批准"))).contains("已审批");

		// both managers get the card and click at once: exactly one decision
		var wangCard = wangFang.awaitDirect(title);
		var davidCard = david.awaitDirect(title);
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(2);
		try {
			var clicks = new ArrayList<java.util.concurrent.Future<Reply>>();
			for (Callable<Reply> click : List.<Callable<Reply>>of(() -> {
				start.await();
				return wangFang.click(wangCard, "批准");
			}, () -> {
				start.await();
				return david.click(davidCard, "Approve");
			})) {
				clicks.add(pool.submit(click));
			}
			start.countDown();
			var texts = new ArrayList<String>();
			for (var click : clicks) {
				texts.add(Chat.text(click.get()));
			}
			assertThat(texts).filteredOn(text -> text.contains("你已批准") || text.contains("You approved")).hasSize(1);
			assertThat(texts).filteredOn(text -> text.contains("已审批") || text.contains("Already decided")).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}

		// the project exists, with a code, a home channel and its whole history
		var request = approvals.requestedBy("zhang.wei").stream()
			.filter(r -> r.title().equals(title))
			.findFirst()
			.orElseThrow();
		assertThat(request.status()).isEqualTo(ApprovalStatus.APPROVED);
		var project = await().atMost(Duration.ofSeconds(10))
			.until(() -> engagements.projectOf(Long.parseLong(request.subjectId())).orElse(null), p -> p != null);
		assertThat(project.code()).matches("P-\\d{4}-\\d{4}");
		assertThat(project.managerId()).isEqualTo("zhang.wei");
		assertThat(project.home()).isEqualTo(new Home(RecordingDoor.NAME, "consulting", false));
		await().atMost(Duration.ofSeconds(10)).until(() -> door.in(ChannelRef.channel(RecordingDoor.NAME, "consulting"))
			.stream()
			.anyMatch(posted -> Chat.text(posted.message()).contains(project.code())));
		zhang.awaitDirect(project.code());

		var shown = Chat.text(emma.command("/project show " + project.code()));
		assertThat(shown).contains(project.code())
			.contains("Zhang Wei submitted the application")
			.contains("Li Na requested changes (department head review): _Please name the client's decision maker._")
			.contains("Zhang Wei resubmitted")
			.contains("Li Na approved (department head review)")
			.containsAnyOf("Wang Fang approved (management approval)", "David Miller approved (management approval)")
			.contains("Project " + project.code() + " created");
		assertThat(Chat.text(emma.command("/project list"))).contains(project.code()).contains(title);

		// only the project manager moves the home channel
		assertThat(Chat.text(new Chat(gateway, door, "emma.wilson", "delivery").command("/project channel "
				+ project.code()))).contains("Only Zhang Wei");
		assertThat(Chat.text(new Chat(gateway, door, "zhang.wei", "delivery").command("/project channel "
				+ project.code()))).contains("#delivery");
		assertThat(engagements.project(project.code()).orElseThrow().home().channel()).isEqualTo("delivery");

		// nothing waits for anyone any more
		assertThat(Chat.text(liNa.command("/approvals"))).doesNotContain(title);
	}

	@Test
	void rejectedApplicationMakesNoProjectAndTellsTheApplicantWhy() {
		var emma = new Chat(gateway, door, "emma.wilson", "general");
		var liNa = new Chat(gateway, door, "li.na", "general");
		var title = "Rejected idea " + System.nanoTime();
		assertThat(Chat.text(emma.fill(emma.command("/project apply"), application(title)))).contains("submitted");

		var card = liNa.awaitDirect(title);
		var reason = liNa.click(card, "驳回");
		liNa.submit(((Reply.ShowForm) reason).view(), Map.of("reason", "Outside our practice areas."));

		var notice = emma.awaitDirect("Outside our practice areas");
		assertThat(Chat.text(notice)).contains("Li Na rejected").contains(title);
		var request = approvals.requestedBy("emma.wilson").stream()
			.filter(r -> r.title().equals(title))
			.findFirst()
			.orElseThrow();
		assertThat(request.status()).isEqualTo(ApprovalStatus.REJECTED);
		assertThat(engagements.projectOf(Long.parseLong(request.subjectId()))).isEmpty();
		assertThat(Chat.text(liNa.click(card, "批准"))).contains("已审批").contains("驳回");
	}

	@Test
	void withdrawnRequestTellsALateClickerAndTakesTheButtonsAway() {
		var sun = new Chat(gateway, door, "sun.li", "general");
		var chenJie = new Chat(gateway, door, "chen.jie", "general");
		var title = "Withdrawn idea " + System.nanoTime();
		var values = new java.util.HashMap<>(application(title));
		values.put("departmentId", "digital");
		sun.fill(sun.command("/project apply"), values);
		var card = chenJie.awaitDirect(title);
		var id = approvals.requestedBy("sun.li").get(0).id();

		assertThat(Chat.text(sun.command("/approvals withdraw " + id + " client changed their mind")))
			.contains("withdrew");
		await().atMost(Duration.ofSeconds(10)).until(() -> !lastDirect(chenJie, title).hasActions());
		assertThat(Chat.text(chenJie.click(card, "批准"))).contains("撤回");
	}

	@Test
	void anAdminMayDecideAnyStepAndIsRecordedAsSuch() {
		var emma = new Chat(gateway, door, "emma.wilson", "general");
		var admin = new Chat(gateway, door, "admin", "general");
		var liNa = new Chat(gateway, door, "li.na", "general");
		var title = "Admin decides " + System.nanoTime();
		emma.fill(emma.command("/project apply"), application(title));
		liNa.awaitDirect(title);

		assertThat(Chat.text(new Chat(gateway, door, "emma.wilson", "general").command("/approvals all")))
			.contains("Only admins");
		var all = (Reply.Ephemeral) admin.command("/approvals all");
		assertThat(Chat.text(all.message())).contains(title);
		var approve = all.message().blocks().stream()
			.filter(dev.steward.conversation.Block.Actions.class::isInstance)
			.flatMap(block -> ((dev.steward.conversation.Block.Actions) block).buttons().stream())
			.filter(button -> button.label().equals("Approve"))
			.reduce((a, b) -> b)
			.orElseThrow();
		assertThat(Chat.text(admin.click(approve))).contains("You approved").contains(title);

		await().atMost(Duration.ofSeconds(10)).until(() -> !lastDirect(liNa, title).hasActions());
		assertThat(Chat.text(lastDirect(liNa, title))).contains("Alex Admin 已批准").contains("以管理员身份代 Li Na 审批");
		var request = approvals.requestedBy("emma.wilson").stream()
			.filter(r -> r.title().equals(title))
			.findFirst()
			.orElseThrow();
		assertThat(request.history()).filteredOn(entry -> entry.actorId().equals("admin"))
			.singleElement()
			.satisfies(entry -> assertThat(entry.asAdmin()).isTrue());
	}

	/** A project led by Zhang Wei, approved through the engine's API. */
	Project approvedProject(String title) {
		var values = new java.util.HashMap<>(application(title));
		values.put("expectedRevenue", "100");
		var application = engagements.apply("zhang.wei", ApplicationDetails.fromMap(values),
				new Home(RecordingDoor.NAME, "consulting", false));
		var request = engagements.approvalOf(application).orElseThrow();
		approvals.decide(request.id(), "1.0", dev.steward.approval.Decision.APPROVE, "li.na", null);
		approvals.decide(request.id(), "1.1", dev.steward.approval.Decision.APPROVE, "wang.fang", null);
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> engagements.projectOf(application.id()).orElse(null), p -> p != null);
	}

	@Test
	void theProjectManagerFormsTheTeamAndMayPauseTheProject() {
		var code = approvedProject("Team " + System.nanoTime()).code();
		var zhang = new Chat(gateway, door, "zhang.wei", "consulting");
		var emma = new Chat(gateway, door, "emma.wilson", "consulting");
		var sun = new Chat(gateway, door, "sun.li", "consulting");

		assertThat(Chat.text(emma.command("/project team add " + code + " @sun.li Research")))
			.contains("Only Zhang Wei");
		assertThat(Chat.text(zhang.command("/project team add " + code + " nobody.at.all Research")))
			.contains("找不到“nobody.at.all”");
		assertThat(Chat.text(zhang.command("/project team add " + code + " @sun.li Market research")))
			.contains("Sun Li 已加入 " + code).contains("Market research");
		assertThat(Chat.text(sun.awaitDirect("Market research"))).contains("Zhang Wei added you to the team of *" + code);
		assertThat(Chat.text(emma.command("/project team list " + code))).contains("Sun Li — Market research")
			.contains("Zhang Wei — Project manager");
		assertThat(engagements.project(code).orElseThrow().team()).extracting(TeamMember::personId)
			.containsExactly("sun.li");

		assertThat(Chat.text(zhang.command("/project team remove " + code + " @sun.li"))).contains("已移出");
		sun.awaitDirect("took you off the team of " + code);
		assertThat(Chat.text(zhang.command("/project team remove " + code + " @sun.li"))).contains("不在");

		assertThat(Chat.text(zhang.command("/project pause " + code))).contains("已暂停");
		assertThat(Chat.text(zhang.command("/project pause " + code))).contains("已处于暂停状态");
		assertThat(engagements.project(code).orElseThrow().status()).isEqualTo(Project.Status.PAUSED);
		assertThat(Chat.text(emma.command("/project resume " + code))).contains("Only Zhang Wei");
		assertThat(Chat.text(zhang.command("/project resume " + code))).contains("已恢复");

		assertThat(Chat.text(emma.command("/project show " + code)))
			.contains("Zhang Wei added Sun Li (Market research) to the team")
			.contains("Zhang Wei took Sun Li off the team")
			.contains("Zhang Wei paused the project")
			.contains("Zhang Wei resumed the project");
		assertThat(Chat.text(emma.command("/project team frobnicate"))).contains("/project has no command “team frobnicate”");
		assertThat(Chat.text(emma.command("/project help"))).contains("/project team add CODE PERSON [duty]");
	}

	@Autowired
	dev.steward.scheduling.Scheduling scheduling;

	@Test
	void aStepThatWaitsIsRemindedOnceThenEscalated() {
		var emma = new Chat(gateway, door, "emma.wilson", "general");
		var liNa = new Chat(gateway, door, "li.na", "general");
		var wangFang = new Chat(gateway, door, "wang.fang", "general");
		var title = "Waiting " + System.nanoTime();
		emma.fill(emma.command("/project apply"), application(title));
		liNa.awaitDirect(title);
		var request = approvals.requestedBy("emma.wilson").stream().filter(r -> r.title().equals(title)).findFirst()
			.orElseThrow();

		// the reminder and escalation wait in the job store, counted in working hours
		var remind = "remind-" + request.id() + "-1.0";
		var escalate = "escalate-" + request.id() + "-1.0";
		var remindAt = scheduling.nextFire("approval", remind).orElseThrow();
		var escalateAt = scheduling.nextFire("approval", escalate).orElseThrow();
		assertThat(escalateAt).isAfter(remindAt);
		assertThat(Duration.between(request.submittedAt(), remindAt)).isGreaterThanOrEqualTo(Duration.ofHours(8));

		scheduling.runNow("approval", remind);
		liNa.awaitDirect("提醒：此事项自");
		scheduling.runNow("approval", remind);
		scheduling.runNow("approval", escalate);
		var escalated = wangFang.awaitDirect("已上报给你");
		assertThat(Chat.text(escalated)).contains(title).contains("Li Na");
		assertThat(Chat.text(liNa.awaitDirect("也可以审批"))).contains(title).contains("Wang Fang").contains("David Miller");
		assertThat(liNa.directs().stream().filter(p -> Chat.text(p.message()).contains("提醒：此事项自")).count())
			.as("reminded once").isEqualTo(1);

		// one level up decides the waiting step itself, not as an admin
		assertThat(Chat.text(wangFang.click(escalated, "批准"))).contains("你已批准");
		var settled = approvals.find(request.id()).orElseThrow();
		assertThat(settled.history()).extracting(dev.steward.approval.ApprovalEntry::action)
			.contains(dev.steward.approval.ApprovalEntry.Action.REMINDED, dev.steward.approval.ApprovalEntry.Action.ESCALATED);
		assertThat(settled.history().stream().filter(e -> e.actorId().equals("wang.fang")).findFirst().orElseThrow()
			.asAdmin()).isFalse();
		await().atMost(Duration.ofSeconds(10)).until(() -> !lastDirect(liNa, title).hasActions());
	}

	@Test
	void aDelegateDecidesForAnApproverWhoIsAway() {
		var liNa = new Chat(gateway, door, "li.na", "general");
		var chenJie = new Chat(gateway, door, "chen.jie", "general");
		var today = java.time.LocalDate.now();
		assertThat(Chat.text(liNa.command("/approvals delegate @li.na " + today + " " + today))).contains("代理人须为他人");
		assertThat(Chat.text(liNa.command("/approvals delegate @chen.jie " + today.plusDays(3) + " " + today)))
			.contains("结束日期不能早于开始日期");
		assertThat(Chat.text(liNa.command("/approvals delegate @chen.jie " + today.minusDays(1) + " "
				+ today.plusDays(2)))).contains("Chen Jie");
		assertThat(Chat.text(liNa.command("/approvals delegate"))).contains("Chen Jie，" + today.minusDays(1));

		var zhang = new Chat(gateway, door, "zhang.wei", "general");
		var title = "Delegated " + System.nanoTime();
		zhang.fill(zhang.command("/project apply"), application(title));
		var card = chenJie.awaitDirect(title);
		liNa.awaitDirect(title);
		assertThat(Chat.text(chenJie.click(card, "批准"))).contains("你已批准");
		await().atMost(Duration.ofSeconds(10)).until(() -> Chat.text(lastDirect(liNa, title)).contains("Chen Jie 代 Li Na"));
		var request = approvals.requestedBy("zhang.wei").stream().filter(r -> r.title().equals(title)).findFirst()
			.orElseThrow();
		assertThat(request.history().get(1).onBehalfOf()).isEqualTo("li.na");
		assertThat(request.history().get(1).asAdmin()).isFalse();
		try {
			jdbc.sql("delete from approval_delegation where person_id = 'li.na'").update();
		}
		finally {
			assertThat(approvals.delegationsOf("li.na")).isEmpty();
		}
	}

	@Test
	void unknownPeopleAndWordsGetClearMessages() {
		var stranger = new Chat(gateway, door, "nobody.here", "general");
		assertThat(Chat.text(stranger.command("/project apply"))).contains("nobody.here").contains("directory");
		var emma = new Chat(gateway, door, "emma.wilson", "general");
		assertThat(Chat.text(emma.command("/projekt apply"))).contains("There is no command /projekt");
		assertThat(Chat.text(emma.command("/project frobnicate"))).contains("/project has no command “frobnicate”")
			.contains("/project apply");
		assertThat(Chat.text(emma.command("/project help"))).contains("/project show CODE");
		assertThat(Chat.text(emma.command("/steward help"))).contains("/approvals").contains("/steward whoami");
		assertThat(Chat.text(emma.command("/steward whoami"))).contains("Emma Wilson").contains("Project manager")
			.contains("Strategy Consulting").contains("Europe/London");
	}

	/** A person's application form, filled up to its last page (not submitted). */
	private static dev.steward.conversation.FormView lastPage(Chat chat, Map<String, String> values) {
		var reply = chat.command("/project apply");
		while (true) {
			var view = ((Reply.ShowForm) reply).view();
			if (view.page() == view.spec().pages().size() - 1) {
				return view;
			}
			reply = chat.submit(view, values);
		}
	}

	/** Runs the tasks at the same moment; answers their results in order. */
	private static <T> List<T> together(List<Callable<T>> tasks) throws Exception {
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(tasks.size());
		try {
			var futures = new ArrayList<java.util.concurrent.Future<T>>();
			for (var task : tasks) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			var results = new ArrayList<T>();
			for (var future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aFormSubmittedManyTimesAtOnceIsAcceptedOnce() throws Exception {
		var zhang = new Chat(gateway, door, "zhang.wei", "consulting");
		for (int round = 0; round < 3; round++) {
			var title = "Many times " + round + " " + System.nanoTime();
			var view = lastPage(zhang, application(title));
			var submissions = new ArrayList<Callable<String>>();
			for (int i = 0; i < 6; i++) {
				submissions.add(() -> Chat.text(zhang.submit(view, application(title))));
			}
			var texts = together(submissions);
			assertThat(texts).as(texts.toString()).filteredOn(text -> text.contains(title) && text.contains("已提交"))
				.hasSize(1);
			assertThat(texts).as(texts.toString()).filteredOn(text -> text.contains("此表单已过期或已提交")).hasSize(5);
			assertThat(jdbc.sql("select count(*) from project_application where title = :title")
				.param("title", title)
				.query(Long.class)
				.single()).isEqualTo(1);
			assertThat(approvals.requestedBy("zhang.wei")).filteredOn(request -> request.title().equals(title))
				.hasSize(1);
		}
	}

	@Test
	void twoPeopleApplyingForOneNewClientAtOnceBothGetThroughWithOneClient() throws Exception {
		var zhang = new Chat(gateway, door, "zhang.wei", "consulting");
		var emma = new Chat(gateway, door, "emma.wilson", "consulting");
		for (int round = 0; round < 3; round++) {
			var client = "Newco " + round + " " + System.nanoTime();
			var zhangs = application("Newco for Zhang " + client);
			zhangs.put("client", client);
			var emmas = application("Newco for Emma " + client);
			emmas.put("client", client);
			var zhangsForm = lastPage(zhang, zhangs);
			var emmasForm = lastPage(emma, emmas);
			// each checks the client is new, then adds it: the second insert loses, and is run again
			var texts = together(List.<Callable<String>>of(() -> Chat.text(zhang.submit(zhangsForm, zhangs)),
					() -> Chat.text(emma.submit(emmasForm, emmas))));
			assertThat(texts.get(0)).contains("已提交");
			assertThat(texts.get(1)).contains("submitted");
			assertThat(jdbc.sql("select count(*) from client where name = :name")
				.param("name", client)
				.query(Long.class)
				.single()).isEqualTo(1);
		}
	}

	private dev.steward.conversation.Message lastDirect(Chat chat, String containing) {
		return chat.directs().stream()
			.map(RecordingDoor.Posted::message)
			.filter(message -> Chat.text(message).contains(containing))
			.reduce((a, b) -> b)
			.orElseThrow();
	}

}
