package dev.steward.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.approval.ApprovalManagement;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.engagement.Project;
import dev.steward.risk.RiskEvents.EarlyWarning;
import dev.steward.risk.RiskEvents.EarlyWarning.Trigger;
import dev.steward.risk.RiskEvents.RiskRegistered;
import dev.steward.risk.RiskManagement.Filter;
import dev.steward.risk.RiskManagement.Target;
import dev.steward.risk.RiskRefused.Reason;
import dev.steward.support.ApprovedProjects;

/**
 * The risk register with what it depends on: who may register and see which risks, and each
 * early-warning trigger (§6.3 预警) naming what changed, from what to what, by whom, to whom.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class RiskModuleTests {

	/** Management in the demo directory. */
	static final List<String> MANAGEMENT = List.of("wang.fang", "david.miller");

	@Autowired
	RiskManagement risks;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	/** Zhang Wei's approved project (strategy department, head Li Na) with Emma Wilson on its team. */
	Project project(String title) {
		return ApprovedProjects.approved(engagements, approvals, title, new Home("test", "general", false),
				"emma.wilson");
	}

	static Risk.Details details(String title, int likelihood, int impact, Strategy strategy) {
		return new Risk.Details("client", title, "The client may change its mind", "A new CFO",
				new Assessment(likelihood, impact), strategy, "Weekly call with the sponsor");
	}

	@Test
	void aNewHighRiskWarnsTheProjectManagerAndManagementAtOnce(Scenario scenario) {
		var project = project("Risk high");
		scenario.stimulate(() -> risks.register("emma.wilson", new Target.OfProject(project.code()),
				details("Sponsor leaves", 5, 5, Strategy.REDUCE), null, null))
			.andWaitForEventOfType(EarlyWarning.class)
			.matching(warning -> warning.trigger() == Trigger.NEW_HIGH)
			.toArriveAndVerify(warning -> {
				assertThat(warning.toLevel()).isEqualTo(RiskLevel.HIGH);
				assertThat(warning.toScore()).isEqualTo(25);
				assertThat(warning.actorId()).isEqualTo("emma.wilson");
				assertThat(warning.recipientIds()).first().isEqualTo("zhang.wei");
				assertThat(warning.recipientIds()).containsExactlyInAnyOrder("zhang.wei", "wang.fang", "david.miller");
			});
	}

	@Test
	void aLowRiskWarnsNobodyAndIsOwnedByTheProjectManager(Scenario scenario) {
		var project = project("Risk low");
		scenario.stimulate(() -> risks.register("emma.wilson", new Target.OfProject(project.code()),
				details("Printer jam", 1, 2, Strategy.ACCEPT), null, null))
			.andWaitForEventOfType(RiskRegistered.class)
			.toArriveAndVerify(registered -> {
				assertThat(registered.level()).isEqualTo(RiskLevel.LOW);
				assertThat(registered.ownerId()).isEqualTo("zhang.wei");
				assertThat(registered.projectId()).isEqualTo(project.id());
			});
		var risk = risks.list("zhang.wei", new Filter(new Target.OfProject(project.code()), null, false, null)).get(0);
		assertThat(risk.history()).extracting(RiskEntry::action).containsExactly(RiskEntry.Action.REGISTERED);
	}

	@Test
	void aLevelThatRisesWarnsTheManagerWithFromAndTo(Scenario scenario) {
		var project = project("Risk rises");
		var risk = risks.register("emma.wilson", new Target.OfProject(project.code()),
				details("Scope creep", 2, 3, Strategy.REDUCE), null, null);
		assertThat(risk.level()).isEqualTo(RiskLevel.MEDIUM);
		scenario.stimulate(() -> risks.reassess(risk.id(), "zhang.wei", details("Scope creep", 5, 3, Strategy.REDUCE), 0))
			.andWaitForEventOfType(EarlyWarning.class)
			.matching(warning -> warning.riskId() == risk.id())
			.toArriveAndVerify(warning -> {
				assertThat(warning.trigger()).isEqualTo(Trigger.LEVEL_ROSE);
				assertThat(warning.fromLevel()).isEqualTo(RiskLevel.MEDIUM);
				assertThat(warning.toLevel()).isEqualTo(RiskLevel.HIGH);
				assertThat(warning.fromScore()).isEqualTo(6);
				assertThat(warning.toScore()).isEqualTo(15);
				// the manager raised it himself: management is warned, he is not
				assertThat(warning.recipientIds()).containsExactlyInAnyOrderElementsOf(MANAGEMENT);
			});
	}

	@Test
	void visibilityFollowsTheProject() {
		var project = project("Risk visibility");
		var risk = risks.register("emma.wilson", new Target.OfProject(project.code()),
				details("Key person leaves", 3, 3, Strategy.REDUCE), null, null);
		// team, department head, management, admin
		for (var person : List.of("emma.wilson", "zhang.wei", "li.na", "wang.fang", "admin")) {
			assertThat(risks.visible(risk.id(), person).id()).as(person).isEqualTo(risk.id());
		}
		// another department's head and a member of another team
		for (var person : List.of("chen.jie", "sun.li")) {
			assertThatThrownBy(() -> risks.visible(risk.id(), person)).as(person)
				.isInstanceOfSatisfying(RiskRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_VISIBLE));
			assertThat(risks.list(person, Filter.everything())).extracting(Risk::id).doesNotContain(risk.id());
		}
		assertThatThrownBy(() -> risks.register("sun.li", new Target.OfProject(project.code()),
				details("Not mine", 1, 1, Strategy.ACCEPT), null, null))
			.isInstanceOfSatisfying(RiskRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.MAY_NOT_REGISTER));
	}

	@Test
	void firmWideRisksAreForLeaders() {
		assertThatThrownBy(() -> risks.register("sun.li", new Target.FirmWide(), details("Recession", 3, 5,
				Strategy.REDUCE), null, null))
			.isInstanceOfSatisfying(RiskRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.FIRM_WIDE_ONLY_FOR_LEADERS));
		var risk = risks.register("li.na", new Target.FirmWide(), details("Recession", 2, 5, Strategy.REDUCE), null,
				null);
		assertThat(risk.firmWide()).isTrue();
		assertThat(risk.ownerId()).isEqualTo("li.na");
		assertThat(risk.departmentId()).isEqualTo("strategy");
		assertThat(risks.visible(risk.id(), "chen.jie").id()).isEqualTo(risk.id());
		assertThatThrownBy(() -> risks.visible(risk.id(), "sun.li")).isInstanceOf(RiskRefused.class);
		// its chain: the owner's department head (herself, so nobody new), then management
		var chain = risks.chain(risk);
		assertThat(chain).hasSize(2);
		assertThat(chain.get(0)).containsExactly("li.na");
		assertThat(chain.get(1)).containsExactlyInAnyOrderElementsOf(MANAGEMENT);
	}

	@Test
	void badInputIsRefusedAndNothingIsSaved() {
		var project = project("Risk bad input");
		int before = risks.list("admin", Filter.everything()).size();
		assertThatThrownBy(() -> new Assessment(6, 1)).isInstanceOfSatisfying(RiskRefused.class,
				refused -> assertThat(refused.reason()).isEqualTo(Reason.OUT_OF_RANGE));
		assertThatThrownBy(() -> risks.register("zhang.wei", new Target.OfProject("NO-SUCH"),
				details("x", 1, 1, Strategy.ACCEPT), null, null))
			.isInstanceOfSatisfying(RiskRefused.class, refused -> {
				assertThat(refused.reason()).isEqualTo(Reason.UNKNOWN_PROJECT);
				assertThat(refused.detail()).isEqualTo("NO-SUCH");
			});
		assertThatThrownBy(() -> risks.register("zhang.wei", new Target.OfProject(project.code()),
				details("x", 1, 1, Strategy.ACCEPT), "nobody", null))
			.isInstanceOfSatisfying(RiskRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.UNKNOWN_OWNER));
		assertThatThrownBy(() -> risks.register("zhang.wei", new Target.OfApplication(999_999),
				details("x", 1, 1, Strategy.ACCEPT), null, null))
			.isInstanceOfSatisfying(RiskRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.UNKNOWN_APPLICATION));
		assertThatThrownBy(() -> risks.register("zhang.wei", new Target.OfProject(project.code()),
				new Risk.Details("weather", "x", "d", null, new Assessment(1, 1), Strategy.ACCEPT, "m"), null, null))
			.isInstanceOfSatisfying(RiskRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.UNKNOWN_CATEGORY));
		assertThat(risks.list("admin", Filter.everything())).hasSize(before);
	}

	@Test
	void theRisksOfARejectedApplicationAreClosed() {
		var application = engagements.apply("zhang.wei", new dev.steward.engagement.ApplicationDetails("Doomed", "Acme",
				"strategy", "", "b", "n", "s", new java.math.BigDecimal("1"), "r", "why", "how"),
				new Home("test", "general", false));
		var risk = risks.register("zhang.wei", new Target.OfApplication(application.id()),
				details("Client insolvent", 4, 5, Strategy.AVOID), null, null);
		assertThat(risk.ofApplication()).isTrue();
		assertThat(risks.ofApplication(application.id()).open()).isEqualTo(1);
		var request = engagements.approvalOf(application).orElseThrow();
		approvals.decide(request.id(), "1.0", dev.steward.approval.Decision.REJECT, "li.na", "Too risky");
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> !risks.find(risk.id()).orElseThrow().open());
		assertThat(risks.find(risk.id()).orElseThrow().history()).last()
			.satisfies(entry -> assertThat(entry.comment()).isEqualTo(Risk.APPLICATION_REJECTED));
		assertThat(risks.ofApplication(application.id()).open()).isZero();
	}

	@Test
	void typedTargetsAreRead() {
		assertThat(risks.target("")).isInstanceOf(Target.FirmWide.class);
		assertThat(risks.target("#12")).isEqualTo(new Target.OfApplication(12));
		assertThat(risks.target("app-7")).isEqualTo(new Target.OfApplication(7));
		assertThat(risks.target("p-2026-001")).isEqualTo(new Target.OfProject("P-2026-001"));
	}

}
