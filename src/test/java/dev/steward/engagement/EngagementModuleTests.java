package dev.steward.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.approval.ApprovalManagement;
import dev.steward.approval.Decision;
import dev.steward.client.ClientManagement;

/** The engagement module: the final approval of an application creates its project, once. */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class EngagementModuleTests {

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	@Autowired
	ClientManagement clients;

	static ApplicationDetails details(String title) {
		return new ApplicationDetails(title, "Beta Retail", "digital", "", "Background", "Needs", "Two people",
				new BigDecimal("120000"), "Risks", "Reason", "Solution");
	}

	@Test
	void finalApprovalCreatesTheProjectWithTheNextCode(Scenario scenario) {
		var application = engagements.apply("sun.li", details("Beta loyalty"), new Home("test", "general", false));
		assertThat(application.details().managerId()).isEqualTo("sun.li");
		var request = engagements.approvalOf(application).orElseThrow();
		assertThat(request.current().approvers()).containsExactly("chen.jie");
		approvals.decide(request.id(), "1.0", Decision.APPROVE, "chen.jie", null);

		scenario.stimulate(() -> approvals.decide(request.id(), "1.1", Decision.APPROVE, "david.miller", null))
			.andWaitForEventOfType(ProjectCreated.class)
			.matching(created -> created.applicationId() == application.id())
			.toArriveAndVerify(created -> {
				var project = engagements.project(created.code()).orElseThrow();
				assertThat(project.code()).matches("P-\\d{4}-\\d{4}");
				assertThat(project.managerId()).isEqualTo("sun.li");
				assertThat(project.home()).isEqualTo(new Home("test", "general", false));
				assertThat(project.history()).extracting(ProjectEntry::actorId).containsExactly("david.miller");
				// the same project as one row, for jobs that touch every project
				assertThat(engagements.summary(project.id())).contains(new ProjectSummary(project.id(), project.code(),
						project.title(), project.clientId(), "sun.li", Project.Status.ACTIVE));
			});
	}

	@Test
	void aProjectsClientIsAProfileWhoseCircleIsTheProjectsPeopleAndItsHead() {
		var name = "Beta Wholesale " + System.nanoTime();
		var details = new ApplicationDetails("Beta pricing", "  " + name.toUpperCase() + " ", "digital", "",
				"Background", "Needs", "Two people", new BigDecimal("120000"), "Risks", "Reason", "Solution");
		var application = engagements.apply("sun.li", details, new Home("test", "general", false));
		var client = clients.byName(name).orElseThrow();
		assertThat(application.clientId()).isEqualTo(client.id());
		// the client's name as written first is kept; the application's text stays as typed
		assertThat(client.name()).isEqualTo(name.toUpperCase());
		assertThat(application.details().client()).isEqualTo("  " + name.toUpperCase() + " ");
		// before approval there is no project: only management and admins may read the details
		assertThat(clients.mayReadDetails(client.id(), "sun.li")).isFalse();

		var request = engagements.approvalOf(application).orElseThrow();
		approvals.decide(request.id(), "1.0", Decision.APPROVE, "chen.jie", null);
		approvals.decide(request.id(), "1.1", Decision.APPROVE, "wang.fang", null);
		var project = org.awaitility.Awaitility.await()
			.until(() -> engagements.projectOf(application.id()).orElse(null), found -> found != null);
		assertThat(project.clientId()).isEqualTo(client.id());
		engagements.addMember(project.code(), "emma.wilson", "Research", "sun.li");

		assertThat(clients.mayReadDetails(client.id(), "sun.li")).as("the project manager").isTrue();
		assertThat(clients.mayReadDetails(client.id(), "emma.wilson")).as("on the team").isTrue();
		assertThat(clients.mayReadDetails(client.id(), "chen.jie")).as("head of digital").isTrue();
		assertThat(clients.mayReadDetails(client.id(), "li.na")).as("head of another department").isFalse();
		assertThat(clients.mayReadDetails(client.id(), "zhang.wei")).as("on no project of the client").isFalse();
	}

	@Test
	void projectCodesCountUpWithoutGaps() {
		var codes = new java.util.ArrayList<String>();
		for (int i = 0; i < 3; i++) {
			var application = engagements.apply("sun.li", details("Code " + i), new Home("test", "general", false));
			var request = engagements.approvalOf(application).orElseThrow();
			approvals.decide(request.id(), "1.0", Decision.APPROVE, "chen.jie", null);
			approvals.decide(request.id(), "1.1", Decision.APPROVE, "wang.fang", null);
			codes.add(org.awaitility.Awaitility.await()
				.until(() -> engagements.projectOf(application.id()).map(Project::code).orElse(null),
						code -> code != null));
		}
		var numbers = codes.stream().map(code -> Integer.parseInt(code.substring(code.lastIndexOf('-') + 1))).toList();
		assertThat(numbers.get(1)).isEqualTo(numbers.get(0) + 1);
		assertThat(numbers.get(2)).isEqualTo(numbers.get(1) + 1);
	}

}
