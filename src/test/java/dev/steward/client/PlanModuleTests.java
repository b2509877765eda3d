package dev.steward.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.client.ClientProjects.ClientProject;
import dev.steward.client.PlanEvents.ContactLogged;
import dev.steward.client.PlanEvents.PlanAdded;
import dev.steward.client.PlanRefused.Reason;

/**
 * Communication plans (§5.2.1–2) with what the client module depends on, the projects told by a
 * stand-in: a plan for a client is for its circle, a project's for who may see the project (a
 * table by role); a contact is logged once, by the owner, the project manager or an admin, and
 * moves the next due date on by the frequency; bad input is refused naming the field, nothing saved.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class PlanModuleTests {

	@TestConfiguration(proxyBeanMethods = false)
	static class StandIns {

		@Bean
		Circle planCircle() {
			return new Circle();
		}

		@Bean
		StandInProjects standInProjects() {
			return new StandInProjects();
		}

	}

	/** Who works for which client, as the projects would say. */
	static class Circle implements ClientCircle {

		final Map<Long, Set<String>> people = new ConcurrentHashMap<>();

		@Override
		public boolean includes(long clientId, String personId) {
			return people.getOrDefault(clientId, Set.of()).contains(personId);
		}

	}

	/** Projects as engagement would tell them: a team a project, management and admins see all. */
	static class StandInProjects implements ClientProjects {

		final Map<Long, ClientProject> projects = new ConcurrentHashMap<>();

		final Map<Long, Set<String>> teams = new ConcurrentHashMap<>();

		@Override
		public Optional<ClientProject> byCode(String code) {
			return projects.values().stream().filter(project -> project.code().equals(code)).findFirst();
		}

		@Override
		public Optional<ClientProject> byId(long projectId) {
			return Optional.ofNullable(projects.get(projectId));
		}

		@Override
		public boolean maySee(long projectId, String personId) {
			return teams.getOrDefault(projectId, Set.of()).contains(personId)
					|| Set.of("wang.fang", "david.miller", "admin").contains(personId);
		}

		@Override
		public List<ClientProject> ofClient(long clientId) {
			return projects.values().stream().filter(project -> Long.valueOf(clientId).equals(project.clientId()))
				.toList();
		}

		@Override
		public List<ClientProject> onTeam(String personId) {
			return projects.values().stream()
				.filter(project -> teams.getOrDefault(project.id(), Set.of()).contains(personId))
				.toList();
		}

		@Override
		public boolean isOnTeam(long projectId, String personId) {
			return teams.getOrDefault(projectId, Set.of()).contains(personId);
		}

	}

	@Autowired
	PlanManagement plans;

	@Autowired
	ClientManagement clients;

	@Autowired
	Circle circle;

	@Autowired
	StandInProjects projects;

	static PlanDetails monthly(String owner) {
		return new PlanDetails("Steering with the sponsor", ContactChannel.MEETING, 30,
				"Progress, risks, decisions needed", owner);
	}

	/** A client whose circle is Emma (on its project) and Li Na (her head); its project P-…, managed by Zhang Wei. */
	PlanScope client() {
		var client = clients.add("zhang.wei", ClientDetails.named("Plan Co " + System.nanoTime()));
		circle.people.put(client.id(), Set.of("emma.wilson", "li.na", "zhang.wei"));
		return new PlanScope(client.id(), client.name(), null, null);
	}

	PlanScope project(PlanScope client) {
		long id = 1000 + projects.projects.size();
		var code = "P-2026-" + id;
		projects.projects.put(id, new ClientProject(id, code, "Plan project", client.clientId(), "zhang.wei", "strategy"));
		projects.teams.put(id, Set.of("zhang.wei", "sun.li"));
		return plans.scope(code);
	}

	LocalDate today(String person) {
		return LocalDate.now(java.time.Clock.system(plans.zoneOf(person)));
	}

	@Test
	void aPlanIsAddedAndItsFirstContactFallsOneFrequencyOnOnAWorkingDay(Scenario scenario) {
		var scope = client();
		scenario.stimulate(() -> plans.add("emma.wilson", scope, monthly("emma.wilson"), null))
			.andWaitForEventOfType(PlanAdded.class)
			.matching(added -> added.clientId() == scope.clientId())
			.toArriveAndVerify(added -> {
				assertThat(added.ownerId()).isEqualTo("emma.wilson");
				assertThat(added.projectId()).isNull();
				var plan = plans.plan("emma.wilson", added.planId());
				var expected = PlanManagement.nextDue(today("emma.wilson"), 30, plans.calendarOf(null));
				assertThat(plan.nextDue()).isEqualTo(expected);
				assertThat(plans.calendarOf(null).isWorkingDay(plan.nextDue())).isTrue();
				assertThat(plan.history()).extracting(PlanEntry::action).containsExactly(PlanEntry.Action.ADDED);
			});
	}

	@Test
	void whatTypedTextNamesAProjectByItsCodeOrAClientByItsName() {
		var scope = client();
		var project = project(scope);
		assertThat(project.projectCode()).startsWith("P-2026-");
		assertThat(project.clientId()).isEqualTo(scope.clientId());
		assertThat(project.label()).isEqualTo(project.projectCode());
		assertThat(plans.scope("  " + scope.clientName().toUpperCase() + " ")).isEqualTo(scope);
		assertThatThrownBy(() -> plans.scope("P-2026-9999")).isInstanceOfSatisfying(PlanRefused.class,
				refused -> assertThat(refused.reason()).isEqualTo(Reason.UNKNOWN_PROJECT));
		projects.projects.put(9998L, new ClientProject(9998, "P-2026-9998", "No client", null, "zhang.wei", "strategy"));
		assertThatThrownBy(() -> plans.scope("P-2026-9998")).isInstanceOfSatisfying(PlanRefused.class,
				refused -> assertThat(refused.reason()).isEqualTo(Reason.NO_CLIENT));
		assertThatThrownBy(() -> plans.scope("Nobody " + System.nanoTime())).isInstanceOf(ClientRefused.class);
	}

	/** Who may read (and so add, change, stop) a plan: table-driven over the roles of the demo directory. */
	@Test
	void aClientsPlanIsForItsCircleAndAProjectsForWhoMaySeeTheProject() {
		var scope = client();
		var clientPlan = plans.add("emma.wilson", scope, monthly("emma.wilson"), null);
		var projectPlan = plans.add("sun.li", project(scope), monthly("sun.li"), null);
		var table = new LinkedHashMap<String, List<Boolean>>(); // person → [client's plan, project's plan]
		table.put("emma.wilson", List.of(true, false)); // in the client's circle, not on this project
		table.put("li.na", List.of(true, false)); // heads the department of one of the client's projects
		table.put("zhang.wei", List.of(true, true)); // the project's manager
		table.put("sun.li", List.of(false, true)); // on the project's team only
		table.put("wang.fang", List.of(true, true)); // management
		table.put("david.miller", List.of(true, true)); // management
		table.put("admin", List.of(true, true)); // an admin
		table.put("liu.yang", List.of(false, false)); // HR
		table.put("chen.jie", List.of(false, false)); // heads another department
		table.forEach((person, allowed) -> {
			for (int i = 0; i < 2; i++) {
				var plan = i == 0 ? clientPlan : projectPlan;
				assertThat(plans.mayRead(plan, person)).as(person + " " + i).isEqualTo(allowed.get(i));
				if (allowed.get(i)) {
					assertThat(plans.plan(person, plan.id()).goal()).isEqualTo(plan.goal());
				}
				else {
					assertThatThrownBy(() -> plans.plan(person, plan.id())).as(person + " " + i)
						.isInstanceOfSatisfying(PlanRefused.class,
								refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_ALLOWED));
					assertThatThrownBy(() -> plans.stop(person, plan.id())).as(person + " " + i)
						.isInstanceOf(PlanRefused.class);
				}
			}
			var listed = plans.list(person, Optional.empty()).stream().map(CommunicationPlan::id).toList();
			assertThat(listed.contains(clientPlan.id())).as(person + " lists the client's plan").isEqualTo(allowed.get(0));
			assertThat(listed.contains(projectPlan.id())).as(person + " lists the project's plan").isEqualTo(allowed.get(1));
		});
		// the client's list holds its own plan and its project's, each only for who may read it
		assertThat(plans.list("wang.fang", Optional.of(scope))).extracting(CommunicationPlan::id)
			.containsExactly(clientPlan.id(), projectPlan.id());
		assertThat(plans.list("emma.wilson", Optional.of(scope))).extracting(CommunicationPlan::id)
			.containsExactly(clientPlan.id());
		// an owner must be someone who may read the plan: reminders say what it is
		assertThatThrownBy(() -> plans.add("emma.wilson", scope, monthly("liu.yang"), null))
			.isInstanceOfSatisfying(PlanRefused.class, refused -> {
				assertThat(refused.reason()).isEqualTo(Reason.OWNER_OUTSIDE);
				assertThat(refused.detail()).isEqualTo("liu.yang");
			});
	}

	@Test
	void aContactIsLoggedOnceByTheOwnerTheManagerOrAnAdminAndMovesTheDueDate(Scenario scenario) {
		var scope = project(client());
		var plan = plans.add("zhang.wei", scope, new PlanDetails("Weekly call", ContactChannel.CALL, 7, "Status", "sun.li"),
				null);
		var due = plan.nextDue();
		// Emma, Li Na and management may read a client's plans, but only the owner, the manager or an admin logs
		for (var person : List.of("wang.fang", "liu.yang")) {
			assertThatThrownBy(() -> plans.log(person, plan.id(), due, "no")).as(person)
				.isInstanceOfSatisfying(PlanRefused.class, refused -> {
					assertThat(refused.reason()).isEqualTo(Reason.NOT_OWNER);
					assertThat(refused.detail()).isEqualTo("sun.li");
				});
		}
		scenario.stimulate(() -> plans.log("sun.li", plan.id(), due, "  Agreed the interview list  "))
			.andWaitForEventOfType(ContactLogged.class)
			.matching(logged -> logged.planId() == plan.id())
			.toArriveAndVerify(logged -> {
				assertThat(logged.due()).isEqualTo(due);
				assertThat(logged.note()).isEqualTo("Agreed the interview list");
				// logged before it was due: the next is one frequency after the due date, not after today
				assertThat(logged.nextDue()).isEqualTo(PlanManagement.nextDue(due, 7, plans.calendarOf(scope.projectId())));
				assertThat(logged.nextDue()).isAfter(due);
			});
		var logged = plans.plan("sun.li", plan.id());
		assertThat(logged.lastContactBy()).isEqualTo("sun.li");
		assertThat(logged.logOf(due)).map(PlanEntry::note).contains("Agreed the interview list");
		// a second click on the same reminder: told who logged it; nothing more is recorded
		assertThatThrownBy(() -> plans.log("zhang.wei", plan.id(), due, "again"))
			.isInstanceOfSatisfying(PlanRefused.class, refused -> {
				assertThat(refused.reason()).isEqualTo(Reason.ALREADY_LOGGED);
				assertThat(refused.detail()).isEqualTo("sun.li");
			});
		assertThatThrownBy(() -> plans.checkMayLog("sun.li", plan.id(), due)).isInstanceOf(PlanRefused.class);
		// the project manager and an admin may log the next one
		var next = plans.log("zhang.wei", plan.id(), logged.nextDue(), null);
		plans.log("admin", plan.id(), next.nextDue(), "");
		assertThat(plans.plan("admin", plan.id()).history()).extracting(PlanEntry::action)
			.containsExactly(PlanEntry.Action.ADDED, PlanEntry.Action.LOGGED, PlanEntry.Action.LOGGED,
					PlanEntry.Action.LOGGED);
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndNothingIsSaved() {
		var scope = client();
		var plan = plans.add("emma.wilson", scope, monthly("emma.wilson"), null);
		for (int days : new int[] { 0, -1, 366 }) {
			assertThatThrownBy(() -> new PlanDetails("Goal", ContactChannel.EMAIL, days, "Content", "emma.wilson"))
				.isInstanceOfSatisfying(PlanRefused.class, refused -> assertThat(refused.detail()).isEqualTo("every"));
		}
		assertThatThrownBy(() -> new PlanDetails("x".repeat(201), ContactChannel.EMAIL, 7, "Content", "emma.wilson"))
			.isInstanceOfSatisfying(PlanRefused.class, refused -> assertThat(refused.detail()).isEqualTo("goal"));
		assertThatThrownBy(() -> new PlanDetails("Goal", ContactChannel.EMAIL, 7, "x".repeat(1001), "emma.wilson"))
			.isInstanceOfSatisfying(PlanRefused.class, refused -> assertThat(refused.detail()).isEqualTo("content"));
		assertThatThrownBy(() -> new PlanDetails("Goal", null, 7, "Content", "emma.wilson"))
			.isInstanceOfSatisfying(PlanRefused.class, refused -> assertThat(refused.detail()).isEqualTo("channel"));
		// an over-long note: refused, the contact still due, no history written
		assertThatThrownBy(() -> plans.log("emma.wilson", plan.id(), plan.nextDue(), "x".repeat(501)))
			.isInstanceOfSatisfying(PlanRefused.class, refused -> assertThat(refused.detail()).isEqualTo("note"));
		// a first contact in the past, an owner nobody knows
		assertThatThrownBy(() -> plans.add("emma.wilson", scope, monthly("emma.wilson"), today("emma.wilson").minusDays(1)))
			.isInstanceOfSatisfying(PlanRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.DUE_PAST));
		assertThatThrownBy(() -> plans.add("emma.wilson", scope, monthly("nobody"), null))
			.isInstanceOfSatisfying(PlanRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.UNKNOWN_OWNER));
		var after = plans.plan("emma.wilson", plan.id());
		assertThat(after.nextDue()).isEqualTo(plan.nextDue());
		assertThat(after.history()).hasSize(1);
		assertThat(plans.list("admin", Optional.of(scope))).hasSize(1);
	}

	@Test
	void aStoppedPlanTakesNoLogAndNoChangeAndListsLast() {
		var scope = client();
		var stopped = plans.add("emma.wilson", scope, monthly("emma.wilson"), null);
		var running = plans.add("emma.wilson", scope, monthly("li.na"), null);
		plans.stop("li.na", stopped.id());
		assertThatThrownBy(() -> plans.log("emma.wilson", stopped.id(), stopped.nextDue(), null))
			.isInstanceOfSatisfying(PlanRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.STOPPED));
		assertThatThrownBy(() -> plans.edit("emma.wilson", stopped.id(), monthly("emma.wilson"), null))
			.isInstanceOfSatisfying(PlanRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.STOPPED));
		assertThat(plans.list("emma.wilson", Optional.of(scope))).extracting(CommunicationPlan::id)
			.containsExactly(running.id(), stopped.id());
		assertThat(plans.zoneOf("emma.wilson")).isEqualTo(ZoneId.of("Europe/London"));
	}

}
