package dev.steward.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.client.ClientProjects.ClientProject;
import dev.steward.client.Feedback.Details;
import dev.steward.client.Feedback.Severity;
import dev.steward.client.Feedback.Step;
import dev.steward.client.FeedbackEvents.AnswerRecorded;
import dev.steward.client.FeedbackEvents.FeedbackAssigned;
import dev.steward.client.FeedbackEvents.FeedbackClosed;
import dev.steward.client.FeedbackEvents.FeedbackRecorded;
import dev.steward.client.FeedbackEvents.SolutionProposed;
import dev.steward.client.FeedbackRefused.Reason;

/**
 * Client feedback with what the client module depends on, its projects told by a stand-in (as the
 * engagement module tells them): each step's event, who may take which step, the order of the
 * steps, who may record (the team and the client's own contacts), and bad input refused with
 * nothing saved.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class FeedbackModuleTests {

	@TestConfiguration(proxyBeanMethods = false)
	static class Projects {

		@Bean
		StandInProjects standInProjects() {
			return new StandInProjects();
		}

	}

	/** Projects as the engagement module would tell them: a code, a client, a manager, a team. */
	static class StandInProjects implements ClientProjects {

		final Map<Long, ClientProject> projects = new ConcurrentHashMap<>();

		final Map<Long, Set<String>> teams = new ConcurrentHashMap<>();

		@Override
		public Optional<ClientProject> byCode(String code) {
			return projects.values().stream().filter(p -> p.code().equalsIgnoreCase(code.strip())).findFirst();
		}

		@Override
		public Optional<ClientProject> byId(long projectId) {
			return Optional.ofNullable(projects.get(projectId));
		}

		@Override
		public List<ClientProject> ofClient(long clientId) {
			return projects.values().stream().filter(p -> p.clientId() != null && p.clientId() == clientId).toList();
		}

		@Override
		public List<ClientProject> onTeam(String personId) {
			return projects.values().stream().filter(p -> isOnTeam(p.id(), personId)).toList();
		}

		@Override
		public boolean isOnTeam(long projectId, String personId) {
			return teams.getOrDefault(projectId, Set.of()).contains(personId);
		}

		@Override
		public boolean maySee(long projectId, String personId) {
			// the team, Li Na (head of strategy), management and the admin
			return isOnTeam(projectId, personId) || Set.of("li.na", "wang.fang", "david.miller", "admin").contains(personId);
		}

	}

	@Autowired
	FeedbackManagement feedback;

	@Autowired
	ClientManagement clients;

	@Autowired
	StandInProjects projects;

	ClientProject project;

	ClientProject otherClientsProject;

	String contactId;

	@BeforeEach
	void aProjectOfAClientWithAContact() {
		contactId = "U" + System.nanoTime();
		var client = clients.add("zhang.wei", new ClientDetails("Initech " + contactId, null, null, null, null,
				List.of(new ClientContact("Joanna", "Sponsor", null, "slack", contactId))));
		var other = clients.add("zhang.wei", ClientDetails.named("Umbrella " + contactId));
		long id = System.nanoTime() % 1_000_000_000L;
		project = new ClientProject(id, "P-2026-" + id, "Audit", client.id(), "zhang.wei", "strategy");
		otherClientsProject = new ClientProject(id + 1, "P-2026-" + (id + 1), "Other", other.id(), "zhang.wei",
				"strategy");
		projects.projects.put(project.id(), project);
		projects.projects.put(otherClientsProject.id(), otherClientsProject);
		projects.teams.put(project.id(), Set.of("zhang.wei", "emma.wilson", "sun.li"));
		projects.teams.put(otherClientsProject.id(), Set.of("zhang.wei"));
	}

	static Details details(String summary) {
		return new Details("quality", Severity.MEDIUM, summary);
	}

	@Test
	void eachStepIsAnnouncedAndRecordedOnce(Scenario scenario) {
		scenario.stimulate(() -> feedback.record("emma.wilson", project.code(), details("Slides had typos")))
			.andWaitForEventOfType(FeedbackRecorded.class)
			.toArriveAndVerify(recorded -> {
				assertThat(recorded.actorId()).isEqualTo("emma.wilson");
				assertThat(recorded.managerId()).isEqualTo("zhang.wei");
				assertThat(recorded.projectId()).isEqualTo(project.id());
			});
		var recorded = feedback.list("emma.wilson", new FeedbackManagement.Filter(project.code(), true, false)).get(0);
		long id = recorded.id();
		assertThat(recorded.status()).isEqualTo(Feedback.Status.OPEN);
		assertThat(recorded.next()).contains(Step.ASSIGN);

		scenario.stimulate(() -> feedback.assign(id, "zhang.wei", Step.ASSIGN, "sun.li"))
			.andWaitForEventOfType(FeedbackAssigned.class)
			.toArriveAndVerify(assigned -> {
				assertThat(assigned.ownerId()).isEqualTo("sun.li");
				assertThat(assigned.fromId()).isNull();
			});
		scenario.stimulate(() -> feedback.assign(id, "li.na", Step.REASSIGN, "emma.wilson"))
			.andWaitForEventOfType(FeedbackAssigned.class)
			.matching(assigned -> "emma.wilson".equals(assigned.ownerId()))
			.toArriveAndVerify(assigned -> assertThat(assigned.fromId()).isEqualTo("sun.li"));
		scenario.stimulate(() -> feedback.propose(id, "emma.wilson", "Proof-read by a second person"))
			.andWaitForEventOfType(SolutionProposed.class)
			.toArriveAndVerify(proposed -> assertThat(proposed.actorId()).isEqualTo("emma.wilson"));
		scenario.stimulate(() -> feedback.answer(id, "emma.wilson", "Told the sponsor by e-mail"))
			.andWaitForEventOfType(AnswerRecorded.class)
			.toArriveAndVerify(answered -> assertThat(answered.feedbackId()).isEqualTo(id));
		scenario.stimulate(() -> feedback.close(id, "emma.wilson"))
			.andWaitForEventOfType(FeedbackClosed.class)
			.toArriveAndVerify(closed -> assertThat(closed.actorId()).isEqualTo("emma.wilson"));

		var closed = feedback.find(id).orElseThrow();
		assertThat(closed.status()).isEqualTo(Feedback.Status.CLOSED);
		assertThat(closed.solution()).isEqualTo("Proof-read by a second person");
		assertThat(closed.answer()).isEqualTo("Told the sponsor by e-mail");
		assertThat(closed.history()).extracting(FeedbackEntry::action, FeedbackEntry::actorId)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(FeedbackEntry.Action.RECORDED, "emma.wilson"),
					org.assertj.core.groups.Tuple.tuple(FeedbackEntry.Action.ASSIGNED, "zhang.wei"),
					org.assertj.core.groups.Tuple.tuple(FeedbackEntry.Action.REASSIGNED, "li.na"),
					org.assertj.core.groups.Tuple.tuple(FeedbackEntry.Action.PROPOSED, "emma.wilson"),
					org.assertj.core.groups.Tuple.tuple(FeedbackEntry.Action.ANSWERED, "emma.wilson"),
					org.assertj.core.groups.Tuple.tuple(FeedbackEntry.Action.CLOSED, "emma.wilson"));
		// the cards went to the manager and to both owners
		assertThat(closed.cardReaders()).containsExactly("zhang.wei", "sun.li", "emma.wilson");
	}

	@Test
	void stepsComeInOrderEachOnceAndOnlyFromWhoseTheyAre() {
		long id = feedback.record("sun.li", project.code(), details("Workshop ran over")).id();
		// a member may not assign; the head, management and an admin may, as the manager
		assertRefused(() -> feedback.assign(id, "sun.li", Step.ASSIGN, "sun.li"), Reason.MAY_NOT_ASSIGN);
		// out of order: nothing to propose before an owner
		assertRefused(() -> feedback.propose(id, "sun.li", "x"), Reason.OUT_OF_ORDER);
		assertRefused(() -> feedback.assign(id, "zhang.wei", Step.REASSIGN, "sun.li"), Reason.OUT_OF_ORDER);
		// the owner must be on the team
		assertRefused(() -> feedback.assign(id, "zhang.wei", Step.ASSIGN, "chen.jie"), Reason.OWNER_NOT_ON_TEAM);
		assertRefused(() -> feedback.assign(id, "zhang.wei", Step.ASSIGN, "nobody"), Reason.OWNER_NOT_ON_TEAM);
		feedback.assign(id, "wang.fang", Step.ASSIGN, "sun.li");
		// assigned twice: the second is a step already taken, naming who took it
		assertThatThrownBy(() -> feedback.assign(id, "zhang.wei", Step.ASSIGN, "emma.wilson"))
			.isInstanceOfSatisfying(FeedbackRefused.class, refused -> {
				assertThat(refused.reason()).isEqualTo(Reason.STEP_DONE);
				assertThat(refused.detail()).isEqualTo("wang.fang");
			});
		// only the owner proposes and answers; not even the manager
		assertRefused(() -> feedback.propose(id, "zhang.wei", "x"), Reason.NOT_OWNER);
		assertRefused(() -> feedback.close(id, "sun.li"), Reason.OUT_OF_ORDER);
		feedback.propose(id, "sun.li", "Shorter agenda");
		assertRefused(() -> feedback.propose(id, "sun.li", "Again"), Reason.STEP_DONE);
		assertRefused(() -> feedback.answer(id, "emma.wilson", "x"), Reason.NOT_OWNER);
		feedback.answer(id, "sun.li", "Agreed with the client");
		// closing: the owner or the manager, not another member
		assertRefused(() -> feedback.close(id, "emma.wilson"), Reason.MAY_NOT_CLOSE);
		feedback.close(id, "zhang.wei");
		assertThatThrownBy(() -> feedback.close(id, "sun.li")).isInstanceOfSatisfying(FeedbackRefused.class, refused -> {
			assertThat(refused.reason()).isEqualTo(Reason.CLOSED);
			assertThat(refused.detail()).isEqualTo("zhang.wei");
		});
		// people outside the project see nothing of it
		assertRefused(() -> feedback.visible(id, "chen.jie"), Reason.NOT_VISIBLE);
		assertThat(feedback.list("chen.jie", FeedbackManagement.Filter.everything())).extracting(Feedback::id)
			.doesNotContain(id);
		assertThat(feedback.find(id).orElseThrow().history()).hasSize(5);
	}

	@Test
	void aContactRecordsOnlyOnTheirClientsProjects() {
		var item = feedback.recordAsContact("slack", contactId, "guest:slack:" + contactId, project.code(),
				details("Thank you for the clear minutes"));
		assertThat(item.contactName()).startsWith("Joanna (Initech ");
		assertThat(item.recordedBy()).isEqualTo("guest:slack:" + contactId);
		assertThat(item.clientId()).isEqualTo(project.clientId());
		assertThat(feedback.contactProjects("slack", contactId)).extracting(ClientProject::code)
			.containsExactly(project.code());
		assertRefused(() -> feedback.recordAsContact("slack", contactId, "guest:slack:" + contactId,
				otherClientsProject.code(), details("x")), Reason.MAY_NOT_RECORD);
		// the same id on another platform is nobody's contact
		assertRefused(() -> feedback.recordAsContact("discord", contactId, "guest:discord:" + contactId,
				project.code(), details("x")), Reason.NOT_A_CONTACT);
		// a person outside the project records nothing on it
		assertRefused(() -> feedback.record("chen.jie", project.code(), details("x")), Reason.MAY_NOT_RECORD);
		assertRefused(() -> feedback.record("zhang.wei", "P-1999-0001", details("x")), Reason.UNKNOWN_PROJECT);
	}

	@Test
	void badInputIsRefusedAndNothingIsSaved() {
		int before = feedback.list("admin", FeedbackManagement.Filter.everything()).size();
		assertRefused(() -> details("x".repeat(Feedback.TEXT + 1)), Reason.INVALID_TEXT);
		assertRefused(() -> details("   "), Reason.INVALID_TEXT);
		assertRefused(() -> feedback.record("emma.wilson", project.code(), new Details("weather", Severity.LOW, "Rain")),
				Reason.UNKNOWN_CATEGORY);
		long id = feedback.record("emma.wilson", project.code(), details("Late invoice")).id();
		feedback.assign(id, "zhang.wei", Step.ASSIGN, "emma.wilson");
		assertRefused(() -> feedback.propose(id, "emma.wilson", "y".repeat(Feedback.TEXT + 1)), Reason.INVALID_TEXT);
		assertThat(feedback.find(id).orElseThrow().status()).isEqualTo(Feedback.Status.ASSIGNED);
		assertThat(feedback.find(id).orElseThrow().solution()).isNull();
		assertThat(feedback.list("admin", FeedbackManagement.Filter.everything())).hasSize(before + 1);
	}

	static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
		assertThatThrownBy(call).isInstanceOfSatisfying(FeedbackRefused.class,
				refused -> assertThat(refused.reason()).isEqualTo(reason));
	}

}
