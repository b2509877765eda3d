package dev.steward.support;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;

import dev.steward.approval.ApprovalManagement;
import dev.steward.approval.Decision;
import dev.steward.engagement.ApplicationDetails;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.engagement.Project;

/** A project as an approved application leaves it: applied by Zhang Wei, approved twice, with a team. */
public final class ApprovedProjects {

	private ApprovedProjects() {
	}

	/** The project, once the approval's last step made it, with these members (directory ids) on its team. */
	public static Project approved(EngagementManagement engagements, ApprovalManagement approvals, String title,
			Home home, String... members) {
		return approvedFor(engagements, approvals, title, "Acme", home, members);
	}

	/** The same, for a client of this name (its profile, made with only its name if there is none). */
	public static Project approvedFor(EngagementManagement engagements, ApprovalManagement approvals, String title,
			String client, Home home, String... members) {
		var application = engagements.apply("zhang.wei", new ApplicationDetails(title, client, "strategy", "",
				"Background", "Needs", "Scale", new BigDecimal("1000"), "Risks", "Reason", "Solution"), home);
		var request = engagements.approvalOf(application).orElseThrow();
		approvals.decide(request.id(), "1.0", Decision.APPROVE, "li.na", null);
		approvals.decide(request.id(), "1.1", Decision.APPROVE, "wang.fang", null);
		var project = await().atMost(Duration.ofSeconds(10))
			.until(() -> engagements.projectOf(application.id()).orElse(null), p -> p != null);
		for (var member : members) {
			engagements.addMember(project.code(), member, "Research", "zhang.wei");
		}
		return engagements.project(project.id()).orElseThrow();
	}

}
