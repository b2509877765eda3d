package dev.steward.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.steward.directory.Role;

/** Approver rules are read once, at start, into typed rules; a wrong one stops the start saying where. */
class ApprovalChainsTests {

	@TempDir
	Path folder;

	ApprovalChains chains(String yaml) throws IOException {
		var file = folder.resolve("approvals.yaml");
		Files.writeString(file, yaml);
		return new ApprovalChains(new ApprovalSettings(file));
	}

	@Test
	void readsEachStepsApproverIntoATypedRule() throws IOException {
		var steps = chains("""
				chains:
				  purchase:
				    steps:
				      - name: review
				        approver: department-head
				      - name: sign-off
				        approver: role:management
				""").stepsFor("purchase");
		assertThat(steps).extracting(ApprovalStep::approverRule)
			.containsExactly(new ApproverRule.DepartmentHead(), new ApproverRule.HoldsRole(Role.MANAGEMENT));
	}

	@Test
	void anUnknownRuleStopsTheStartNamingTheFileTheLineAndTheRule() {
		assertThatThrownBy(() -> chains("""
				chains:
				  purchase:
				    steps:
				      - name: review
				        approver: department-head
				      - name: sign-off
				        approver: role:cfo
				"""))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("approvals.yaml line 7")
			.hasMessageContaining("sign-off")
			.hasMessageContaining("role:cfo");
		assertThatThrownBy(() -> chains("""
				chains:
				  purchase:
				    steps:
				      - name: review
				        approver: the-boss
				"""))
			.hasMessageContaining("approvals.yaml line 5")
			.hasMessageContaining("'the-boss' is not an approver");
	}

	@Test
	void aRuleIsStoredAsTheWordsConfigurationUses() {
		for (var words : new String[] { "department-head", "role:management", "role:hr" }) {
			var rule = ApproverRule.Reading.INSTANCE.convert(words);
			assertThat(ApproverRule.Writing.INSTANCE.convert(rule)).isEqualTo(words);
		}
	}

}
