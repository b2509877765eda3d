package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.steward.approval.ApprovalEntry;
import dev.steward.approval.ApprovalManagement;
import dev.steward.approval.ApprovalRequest;
import dev.steward.approval.ApprovalStatus;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.slack.SlackChat.Outcome;
import dev.steward.support.ApprovedProjects;
import dev.steward.support.RiskReviewDay;
import dev.steward.support.SampleApplication;

/**
 * Races between two Steward instances on one PostgreSQL database behind one Slack app: approvers
 * clicking at the same moment, double clicks, a request Slack sends again, a form submitted twice.
 * Each ends in one decision and one record; whoever loses is told so in words, never with an error.
 * Every race is run several times, its clicks released together.
 */
class SlackRaceTests {

	static final String CONSULTING = "C01CONSULTING";

	static final String RISKS = "C01RISKS";

	static final int ROUNDS = 4;

	static TwoSlackInstances instances;

	static ExecutorService pool;

	@BeforeAll
	static void start() {
		instances = new TwoSlackInstances();
		pool = Executors.newFixedThreadPool(4);
	}

	@AfterAll
	static void stop() {
		if (pool != null) {
			pool.shutdownNow();
		}
		if (instances != null) {
			instances.close();
		}
	}

	static SlackChat as(SlackWorkspace slack, String userId) {
		return new SlackChat(slack, userId, CONSULTING);
	}

	/** Runs the tasks at the same moment (released together by a barrier); answers their results in order. */
	@SafeVarargs
	static <T> List<T> together(Callable<T>... tasks) throws Exception {
		var barrier = new CyclicBarrier(tasks.length);
		var futures = new ArrayList<Future<T>>();
		for (var task : tasks) {
			futures.add(pool.submit(() -> {
				barrier.await();
				return task.call();
			}));
		}
		var results = new ArrayList<T>();
		for (var future : futures) {
			results.add(future.get());
		}
		return results;
	}

	/**
	 * Zhang Wei applies, the form opened on one instance and its pages submitted on the other in
	 * turn; Li Na approves the first step on the other instance. Answers the request, waiting for
	 * management.
	 */
	static ApprovalRequest applyAndPassFirstStep(String title, int round) {
		var opened = as(instances.first(round), "U01ZHANGWEI").command("/project apply");
		var outcome = opened;
		for (int page = 0; page < 10 && outcome.kind() == Outcome.Kind.FORM; page++) {
			var chat = as(page % 2 == 0 ? instances.second(round) : instances.first(round), "U01ZHANGWEI");
			outcome = chat.submit(outcome.view(), SampleApplication.values(title));
			assertThat(outcome.kind()).as("errors: " + outcome.errors()).isNotEqualTo(Outcome.Kind.ERRORS);
		}
		assertThat(outcome.text()).contains(title).contains("Li Na");
		var liNa = as(instances.second(round), "U01LINA");
		assertThat(liNa.click(liNa.awaitDirect(title), "批准").text()).contains("你已批准");
		return await().atMost(Duration.ofSeconds(10)).until(() -> request(title),
				request -> request != null && request.currentStep() == 1);
	}

	static ApprovalRequest request(String title) {
		return approvals().requestedBy("zhang.wei")
			.stream()
			.filter(request -> request.title().equals(title))
			.findFirst()
			.orElse(null);
	}

	static ApprovalManagement approvals() {
		return instances.a.getBean(ApprovalManagement.class);
	}

	/** The decisions of management's step (the second) in the request's history. */
	static List<ApprovalEntry> managementDecisions(String title) {
		return request(title).history()
			.stream()
			.filter(entry -> entry.action() == ApprovalEntry.Action.APPROVED
					|| entry.action() == ApprovalEntry.Action.REJECTED)
			.filter(entry -> !entry.actorId().equals("li.na"))
			.toList();
	}

	/** The messages Steward decided to send (its outbox) that mention this text, as {@code address|kind|body}. */
	static List<String> outbox(String mentioning) {
		return instances.jdbc
			.sql("select address, kind, body from outbox_message where body like :text order by id")
			.param("text", "%" + mentioning + "%")
			.query((rs, row) -> rs.getString("address") + "|" + rs.getString("kind") + "|" + rs.getString("body"))
			.list();
	}

	@Test
	void twoManagersDecidingAtOnceOnTwoInstancesMakeOneDecision() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			var title = "Race " + round + " " + System.nanoTime();
			applyAndPassFirstStep(title, round);
			var wang = as(instances.first(round), "U01WANGFANG");
			var david = as(instances.second(round), "U01DAVIDMILLER");
			var wangCard = wang.awaitDirect(title);
			var davidCard = david.awaitDirect(title);
			List<Outcome> outcomes;
			if (round % 2 == 0) {
				outcomes = together(() -> wang.click(wangCard, "批准"), () -> david.click(davidCard, "Approve"));
			}
			else {
				// David rejects: his reason's form is open when both let go
				var why = david.click(davidCard, "Reject").form();
				outcomes = together(() -> wang.click(wangCard, "批准"),
						() -> david.submit(why, Map.of("reason", "Not this year.")));
			}
			var texts = outcomes.stream().map(Outcome::text).toList();
			assertThat(texts).as(texts.toString())
				.filteredOn(text -> text.contains("你已批准") || text.contains("You approved")
						|| text.contains("You rejected"))
				.hasSize(1);
			// the other is told who decided
			var winner = managementDecisions(title).get(0).actorId().equals("wang.fang") ? "Wang Fang" : "David Miller";
			assertThat(texts).as(texts.toString())
				.filteredOn(text -> (text.contains("已审批") || text.contains("Already decided")) && text.contains(winner))
				.hasSize(1);
			oneDecision(title);
		}
	}

	/**
	 * One decision of management's step, and one set of messages about it: the applicant told once,
	 * each manager's card rewritten once, no message written twice.
	 */
	static void oneDecision(String title) {
		assertThat(managementDecisions(title)).hasSize(1);
		assertThat(request(title).status()).isIn(ApprovalStatus.APPROVED, ApprovalStatus.REJECTED);
		var messages = outbox(title);
		assertThat(messages).doesNotHaveDuplicates();
		assertThat(messages).filteredOn(message -> message.startsWith("U01ZHANGWEI|POST|")
				&& (message.contains("完成了最终审批") || message.contains("驳回了")))
			.hasSize(1);
		for (var manager : List.of("U01WANGFANG", "U01DAVIDMILLER")) {
			assertThat(messages).filteredOn(message -> message.startsWith(manager + "|UPDATE|")).hasSize(1);
		}
	}

	@Test
	void aDoubleClickOnOneInstanceAndAcrossInstancesDecidesOnce() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			var title = "Double click " + round + " " + System.nanoTime();
			applyAndPassFirstStep(title, round);
			var here = as(instances.first(round), "U01WANGFANG");
			// odd rounds: the second click lands on the other instance
			var there = as(round % 2 == 0 ? instances.first(round) : instances.second(round), "U01WANGFANG");
			var card = here.awaitDirect(title);
			var texts = together(() -> here.click(card, "批准"), () -> there.click(card, "批准")).stream()
				.map(Outcome::text)
				.toList();
			assertThat(texts).as(texts.toString()).filteredOn(text -> text.contains("你已批准")).hasSize(1);
			assertThat(texts).as(texts.toString())
				.filteredOn(text -> text.contains("已审批") && text.contains("Wang Fang 已批准"))
				.hasSize(1);
			oneDecision(title);
		}
	}

	@Test
	void aClickSlackSendsAgainToTheOtherInstanceIsDecidedOnceAndAnsweredOnce() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			var title = "Retried click " + round + " " + System.nanoTime();
			applyAndPassFirstStep(title, round);
			var card = as(instances.first(round), "U01WANGFANG").awaitDirect(title);
			var responseUrl = instances.api.responseUrl();
			var first = instances.first(round);
			var second = instances.second(round);
			var body = first.blockActionBody("U01WANGFANG", card.channel, card.ts,
					SlackWorkspace.actionId(card.blocks, "批准"), "批准", responseUrl, java.util.UUID.randomUUID().toString());
			List<Integer> statuses;
			if (round % 2 == 0) {
				// Slack gave up waiting and sent it again while the first was still being worked on
				statuses = together(() -> first.post(body).statusCode(), () -> second.retry(body, 1).statusCode());
			}
			else {
				statuses = List.of(first.post(body).statusCode(), second.retry(body, 1).statusCode(),
						first.retry(body, 2).statusCode());
			}
			assertThat(statuses).containsOnly(200);
			// the click is answered once, as if it had come once
			await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(10))
				.until(() -> answers(responseUrl), answers -> answers.size() == 1);
			assertThat(answers(responseUrl).get(0)).contains("你已批准");
			oneDecision(title);
		}
	}

	/** What was posted to a response URL, as text, in order. */
	static List<String> answers(String responseUrl) {
		return instances.api.calls("response", call -> responseUrl.equals(call.params().get("url")))
			.stream()
			.map(call -> SlackWorkspace.text(call.json().get("text").getAsString(), call.json().getAsJsonArray("blocks")))
			.toList();
	}

	/** Zhang Wei's application form, opened on one instance and filled on the other up to its last page. */
	static com.google.gson.JsonObject lastPage(String title, int round) {
		var outcome = as(instances.first(round), "U01ZHANGWEI").command("/project apply");
		while (!outcome.form().get("private_metadata").getAsString().contains("\"page\":2")) {
			outcome = as(instances.second(round), "U01ZHANGWEI").submit(outcome.view(), SampleApplication.values(title));
		}
		return outcome.view();
	}

	static String responseUrlOf(com.google.gson.JsonObject view) {
		return com.google.gson.JsonParser.parseString(view.get("private_metadata").getAsString())
			.getAsJsonObject()
			.get("responseUrl")
			.getAsString();
	}

	static long applications(String title) {
		return instances.jdbc.sql("select count(*) from project_application where title = :title")
			.param("title", title)
			.query(Long.class)
			.single();
	}

	@Test
	void aFormSubmittedTwiceOnOneInstanceOrOnTwoMakesOneApplication() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			var title = "Twice " + round + " " + System.nanoTime();
			var view = lastPage(title, round);
			var here = as(instances.first(round), "U01ZHANGWEI");
			var there = as(round % 2 == 0 ? instances.first(round) : instances.second(round), "U01ZHANGWEI");
			together(() -> here.submit(view, SampleApplication.values(title)),
					() -> there.submit(view, SampleApplication.values(title)));
			var responseUrl = responseUrlOf(view);
			var answers = await().atMost(Duration.ofSeconds(10))
				.until(() -> answers(responseUrl), posted -> posted.size() == 2);
			assertThat(answers).as(answers.toString()).filteredOn(text -> text.contains("已提交") && text.contains(title))
				.hasSize(1);
			assertThat(answers).as(answers.toString()).filteredOn(text -> text.contains("此表单已过期或已提交")).hasSize(1);
			assertThat(applications(title)).isEqualTo(1);
			await().atMost(Duration.ofSeconds(10)).until(() -> request(title) != null);
			assertThat(approvals().requestedBy("zhang.wei")).filteredOn(request -> request.title().equals(title))
				.hasSize(1);
		}
	}

	@Test
	void aSubmissionSlackSendsAgainToTheOtherInstanceMakesOneApplicationAnsweredOnce() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			var title = "Sent again " + round + " " + System.nanoTime();
			var view = lastPage(title, round);
			var first = instances.first(round);
			var second = instances.second(round);
			var body = first.viewSubmissionBody("U01ZHANGWEI", view, SampleApplication.values(title));
			var statuses = together(() -> first.post(body).statusCode(), () -> second.retry(body, 1).statusCode());
			assertThat(statuses).containsOnly(200);
			var responseUrl = responseUrlOf(view);
			await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(10))
				.until(() -> answers(responseUrl), answers -> answers.size() == 1);
			assertThat(answers(responseUrl).get(0)).contains(title).contains("已提交");
			assertThat(applications(title)).isEqualTo(1);
		}
	}

	@Test
	void aRiskFormSubmittedTwiceAtOnceOnTwoInstancesRegistersOneRisk() throws Exception {
		var project = ApprovedProjects.approved(instances.a.getBean(EngagementManagement.class), approvals(),
				"Race risks " + System.nanoTime(), new Home("slack", RISKS, false), "sun.li");
		var today = RiskReviewDay.today(ZoneId.of("Asia/Shanghai"));
		for (int round = 0; round < ROUNDS; round++) {
			var title = "Sponsor leaves " + round + " " + System.nanoTime();
			var here = new SlackChat(instances.first(round), "U01SUNLI", RISKS);
			var there = new SlackChat(instances.second(round), "U01SUNLI", RISKS);
			var form = here.command("/risk add " + project.code()).form();
			var values = new HashMap<>(Map.of("category", "client", "title", title, "description",
					"The sponsor may move to a competitor.", "cause", "A reorganisation at the client", "owner",
					"U01SUNLI", "likelihood", "3", "impact", "3", "strategy", "reduce", "actions",
					"Meet the new CFO", "next-review", today.toString()));
			// the first page on the other instance, the last on both at once
			var assess = there.submit(form, values).form();
			together(() -> here.submit(assess, values), () -> there.submit(assess, values));
			var responseUrl = responseUrlOf(assess);
			var answers = await().atMost(Duration.ofSeconds(10))
				.until(() -> answers(responseUrl), posted -> posted.size() == 2);
			assertThat(answers).as(answers.toString()).filteredOn(text -> text.contains("registered")).hasSize(1);
			assertThat(answers).as(answers.toString()).filteredOn(text -> text.contains("already submitted")).hasSize(1);
			assertThat(instances.jdbc.sql("select count(*) from risk where title = :title")
				.param("title", title)
				.query(Long.class)
				.single()).isEqualTo(1);
		}
	}

}
