package dev.steward.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.steward.approval.ApprovalEntry;
import dev.steward.approval.ApprovalManagement;
import dev.steward.approval.ApprovalStatus;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;

/**
 * The one scenario every door runs: a project application sent back for changes, resubmitted,
 * approved by the department head and by management; then the same outcome is asserted in the
 * database, whichever door carried it.
 */
public final class CrossDoorScenario {

	private CrossDoorScenario() {
	}

	public static Map<String, String> application(String title) {
		return SampleApplication.values(title);
	}

	public static void run(DoorDriver driver, EngagementManagement engagements, ApprovalManagement approvals) {
		var title = driver.door() + " scenario " + System.nanoTime();

		assertThat(driver.apply("zhang.wei", application(title))).contains(title);
		assertThat(driver.click("li.na", title, "要求修改", "Name the client's decision maker.")).contains("要求修改");
		assertThat(driver.edit("zhang.wei", "decision maker", "修改并重新提交",
				Map.of("client", "Acme Group (CEO decides)"))).contains("重新提交");
		assertThat(driver.click("li.na", "CEO decides", "批准", null)).contains("你已批准");
		assertThat(driver.click("wang.fang", title, "批准", null)).contains("你已批准");

		var request = approvals.requestedBy("zhang.wei").stream()
			.filter(r -> r.title().equals(title))
			.findFirst()
			.orElseThrow();
		assertThat(request.status()).isEqualTo(ApprovalStatus.APPROVED);
		assertThat(request.history()).extracting(ApprovalEntry::action)
			.containsExactly(ApprovalEntry.Action.SUBMITTED, ApprovalEntry.Action.CHANGES_REQUESTED,
					ApprovalEntry.Action.RESUBMITTED, ApprovalEntry.Action.APPROVED, ApprovalEntry.Action.APPROVED);
		assertThat(request.history()).extracting(ApprovalEntry::actorId)
			.containsExactly("zhang.wei", "li.na", "zhang.wei", "li.na", "wang.fang");
		assertThat(request.history().get(1).comment()).isEqualTo("Name the client's decision maker.");
		var applicationId = Long.parseLong(request.subjectId());
		assertThat(engagements.application(applicationId).orElseThrow().details().client())
			.isEqualTo("Acme Group (CEO decides)");
		var project = await().atMost(Duration.ofSeconds(20))
			.until(() -> engagements.projectOf(applicationId).orElse(null), p -> p != null);
		assertThat(project.code()).matches("P-\\d{4}-\\d{4}");
		assertThat(project.managerId()).isEqualTo("zhang.wei");
		assertThat(project.home()).isEqualTo(new Home(driver.door(), driver.channel(), false));
	}

}
