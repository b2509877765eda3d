package dev.steward.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.test.context.ActiveProfiles;

/** Many approvers clicking one step at the same moment: exactly one decision is recorded. */
@SpringBootTest(properties = "steward.approvals=src/test/resources/approvals-test.yaml")
@ActiveProfiles("test")
class ConcurrentDecisionTests {

	static final int CLICKS = 16;

	@Autowired
	ApprovalManagement approvals;

	@Test
	void manyConcurrentDecisionsOnOneStepMakeExactlyOne() throws Exception {
		var request = approvals.submit("test-request", "race-" + System.nanoTime(), "zhang.wei", "strategy",
				"Race");
		approvals.decide(request.id(), "1.0", Decision.APPROVE, "li.na", null);
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(CLICKS);
		var outcomes = new ArrayList<Future<String>>();
		try {
			for (int i = 0; i < CLICKS; i++) {
				var who = i % 2 == 0 ? "wang.fang" : "david.miller";
				var decision = i % 3 == 0 ? Decision.REJECT : Decision.APPROVE;
				outcomes.add(pool.submit(() -> {
					start.await();
					try {
						approvals.decide(request.id(), "1.1", decision, who, "because");
						return "decided";
					}
					catch (DecisionRefused refused) {
						return refused.reason().name();
					}
					catch (ConcurrencyFailureException lost) {
						return "lost-race";
					}
				}));
			}
			start.countDown();
			var results = new ArrayList<String>();
			for (var outcome : outcomes) {
				results.add(outcome.get());
			}
			assertThat(results).filteredOn("decided"::equals).hasSize(1);
			assertThat(results).filteredOn(result -> !result.equals("decided"))
				.allMatch(result -> List.of("ALREADY_DECIDED", "lost-race").contains(result));
		}
		finally {
			pool.shutdownNow();
		}
		var settled = approvals.find(request.id()).orElseThrow();
		assertThat(settled.status()).isIn(ApprovalStatus.APPROVED, ApprovalStatus.REJECTED);
		assertThat(settled.history()).filteredOn(entry -> "1.1".equals(entry.token())).hasSize(1);
	}

}
