package dev.steward.risk.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.steward.approval.ApprovalManagement;
import dev.steward.approval.ApprovalRequest;
import dev.steward.approval.Decision;
import dev.steward.conversation.Reply;
import dev.steward.conversation.spi.ChatGateway;
import dev.steward.engagement.EngagementManagement;
import dev.steward.risk.Assessment;
import dev.steward.risk.Risk;
import dev.steward.risk.RiskEntry;
import dev.steward.risk.RiskManagement;
import dev.steward.risk.RiskManagement.Filter;
import dev.steward.risk.RiskManagement.Target;
import dev.steward.risk.Strategy;
import dev.steward.risk.chat.RiskInteractions.Register;
import dev.steward.support.Chat;
import dev.steward.support.RecordingDoor;
import dev.steward.support.SampleApplication;

/**
 * Risks before approval (policy §6.2.1), driven through the kernel the way a door drives it: the
 * applicant is offered "Register a risk", which opens the risk form on the application; approvers
 * see the application's open risks and their highest level on the card (and a recommendation to
 * decline a high risk to be avoided), the open cards follow the register in place, and the final
 * approval hands the risks to the new project. Subclasses pick the database.
 */
abstract class RiskApprovalScenario {

	@Autowired
	ChatGateway gateway;

	@Autowired
	RecordingDoor door;

	@Autowired
	ApprovalManagement approvals;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	RiskManagement risks;

	@Test
	void approversSeeTheApplicationsRisksAndTheirCardsFollowTheRegister() {
		var zhang = new Chat(gateway, door, "zhang.wei", "consulting");
		var liNa = new Chat(gateway, door, "li.na", "consulting");
		var david = new Chat(gateway, door, "david.miller", "consulting");
		var title = "Risky market entry " + System.nanoTime();

		// the applicant's confirmation offers to register a risk on this very application
		var submitted = zhang.fill(zhang.command("/project apply"), SampleApplication.values(title));
		assertThat(Chat.text(submitted)).contains(title).contains("[登记风险]");
		var request = requestFor("zhang.wei", title);
		long application = Long.parseLong(request.subjectId());
		var register = Chat.button(((Reply.Ephemeral) submitted).message(), "登记风险").action().as(Register.class);
		assertThat(register.application()).contains(application);
		assertThat(register.project()).isEmpty();

		// the department head's card: no risks yet
		var card = liNa.awaitDirect(title);
		assertThat(Chat.text(card)).contains("风险: 无未关闭的风险").doesNotContain("⚠️");
		var cardId = onlyCard(liNa, title).id();

		// a medium and a low risk: the same card now counts two, the highest medium, and keeps its buttons
		var medium = register(application, "Client data arrives late", new Assessment(3, 3), Strategy.REDUCE);
		register(application, "Workshop room unavailable", new Assessment(1, 1), Strategy.ACCEPT);
		var updated = awaitCard(liNa, cardId, "风险: 2 项未关闭，最高：中");
		assertThat(updated.updates()).isPositive();
		assertThat(updated.message().hasActions()).isTrue();
		assertThat(Chat.text(updated.message())).doesNotContain("⚠️");

		// a high risk to be avoided: three open, the highest high, and a recommendation to decline
		var avoid = register(application, "Sanctioned counterparty in the deal", new Assessment(5, 5), Strategy.AVOID);
		updated = awaitCard(liNa, cardId, "风险: 3 项未关闭，最高：高");
		assertThat(Chat.text(updated.message())).contains("⚠️ *建议*：不予批准").contains("[批准]");
		assertThat(liNa.directs().stream().filter(posted -> Chat.text(posted.message()).contains(title)))
			.as("one card, updated in place").hasSize(1);

		// closed, it no longer counts, and the recommendation goes with it
		risks.close(avoid.id(), "zhang.wei", "The counterparty left the deal", 0);
		updated = awaitCard(liNa, cardId, "风险: 2 项未关闭，最高：中");
		assertThat(Chat.text(updated.message())).doesNotContain("⚠️");

		// the next step's approvers see the same, in their language, and follow a reassessment
		assertThat(Chat.text(liNa.click(card, "批准"))).contains("你已批准");
		david.awaitDirect(title);
		var davidCard = onlyCard(david, title);
		assertThat(Chat.text(davidCard.message())).contains("Risks: 2 open, highest: medium");
		risks.reassess(medium.id(), "zhang.wei", new Risk.Details("client", medium.title(), medium.description(),
				medium.cause(), new Assessment(5, 4), Strategy.AVOID, "Walk away unless the data room opens"), 0);
		var reassessed = awaitCard(david, davidCard.id(), "Risks: 2 open, highest: high");
		assertThat(Chat.text(reassessed.message())).contains("⚠️ *Recommendation*: decline.").contains("[Approve]");
		// Li Na's decided card is not reopened
		assertThat(onlyMessage(liNa, cardId).message().hasActions()).isFalse();
	}

	@Test
	void aRiskRegisteredFromTheConfirmationBecomesTheProjectsOnFinalApproval() {
		var zhang = new Chat(gateway, door, "zhang.wei", "consulting");
		var liNa = new Chat(gateway, door, "li.na", "consulting");
		var title = "Risks carried over " + System.nanoTime();
		var confirmation = ((Reply.Ephemeral) zhang.fill(zhang.command("/project apply"),
				SampleApplication.values(title))).message();
		long application = Long.parseLong(requestFor("zhang.wei", title).subjectId());
		liNa.awaitDirect(title);
		var cardId = onlyCard(liNa, title).id();

		// typed, the application opens the same form on it
		var typed = zhang.command("/risk add APP-" + application);
		assertThat(typed).isInstanceOf(Reply.ShowForm.class);
		assertThat(((Reply.ShowForm) typed).view().spec().title()).contains("#" + application);

		// the button opens the risk form on this application; what is typed is registered there
		var opened = zhang.click(confirmation, "登记风险");
		assertThat(opened).isInstanceOf(Reply.ShowForm.class);
		assertThat(((Reply.ShowForm) opened).view().spec().title()).contains("#" + application);
		var registered = zhang.fill(opened, Map.of("category", "people", "title", "Key expert may leave",
				"description", "Our only SAP specialist is interviewing elsewhere.", "likelihood", "4", "impact",
				"4", "strategy", "reduce", "actions", "Pair a second consultant from week one"));
		assertThat(Chat.text(registered)).contains("Key expert may leave").contains("已登记");
		var risk = risks.list("zhang.wei", new Filter(new Target.OfApplication(application), null, false, null))
			.stream()
			.reduce((one, another) -> {
				throw new AssertionError("more than one risk on the application");
			})
			.orElseThrow();
		assertThat(risk.ofApplication()).isTrue();
		awaitCard(liNa, cardId, "风险: 1 项未关闭，最高：高");

		// final approval: the risk is the new project's, its history says so
		var request = requestFor("zhang.wei", title);
		approvals.decide(request.id(), "1.0", Decision.APPROVE, "li.na", null);
		approvals.decide(request.id(), "1.1", Decision.APPROVE, "wang.fang", null);
		var project = await().atMost(Duration.ofSeconds(10))
			.until(() -> engagements.projectOf(application).orElse(null), found -> found != null);
		var moved = await().atMost(Duration.ofSeconds(10))
			.until(() -> risks.find(risk.id()).orElseThrow(), found -> found.projectId() != null);
		assertThat(moved.projectId()).isEqualTo(project.id());
		assertThat(moved.applicationId()).isEqualTo(application);
		assertThat(moved.ofApplication()).isFalse();
		assertThat(moved.history()).extracting(RiskEntry::action)
			.containsExactly(RiskEntry.Action.REGISTERED, RiskEntry.Action.MOVED_TO_PROJECT);
		assertThat(risks.list("zhang.wei", new Filter(new Target.OfProject(project.code()), null, false, null)))
			.extracting(Risk::id)
			.containsExactly(risk.id());

		// the old button now registers nothing: the application is no longer in review
		assertThat(Chat.text(zhang.click(confirmation, "登记风险"))).contains("没有评审中的立项申请 #" + application);
	}

	private Risk register(long application, String title, Assessment assessment, Strategy strategy) {
		return risks.register("zhang.wei", new Target.OfApplication(application), new Risk.Details("client", title,
				"What could happen: " + title, "Why: " + title, assessment, strategy, "Watch it weekly"), null, null);
	}

	private ApprovalRequest requestFor(String requester, String title) {
		return approvals.requestedBy(requester).stream()
			.filter(request -> request.title().equals(title))
			.findFirst()
			.orElseThrow();
	}

	/** The one card about a title in a person's direct messages. */
	private static RecordingDoor.Posted onlyCard(Chat chat, String title) {
		var cards = chat.directs().stream().filter(posted -> Chat.text(posted.message()).contains(title)).toList();
		assertThat(cards).hasSize(1);
		return cards.get(0);
	}

	private static RecordingDoor.Posted onlyMessage(Chat chat, String id) {
		return chat.directs().stream().filter(posted -> posted.id().equals(id)).findFirst().orElseThrow();
	}

	/** Waits until the message with this id, as it now stands, says something. */
	private static RecordingDoor.Posted awaitCard(Chat chat, String id, String saying) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> onlyMessage(chat, id), posted -> Chat.text(posted.message()).contains(saying));
	}

}
