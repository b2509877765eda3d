package dev.steward.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import dev.steward.approval.ApprovalManagement;
import dev.steward.client.ClientContact;
import dev.steward.client.ClientDetails;
import dev.steward.client.ClientManagement;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.scheduling.Scheduling;
import dev.steward.support.ApprovedProjects;

/**
 * Surveys on PostgreSQL, the production database: a due schedule found and sent once by the round,
 * the follow-up's soonest time read, and two answers to one contact at the same moment (a double
 * click, chat and web at once) leaving exactly one.
 */
@SpringBootTest
@ActiveProfiles("test")
@ContextConfiguration(initializers = dev.steward.support.PostgresDatabase.class)
class SurveyPostgresTests {

	@Autowired
	SurveyManagement surveys;

	@Autowired
	ClientManagement clients;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	@Autowired
	Scheduling scheduling;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDueSurveyGoesOutOnceAndOneOfTwoAnswersAtOnceIsKept() throws Exception {
		var client = "Postgres client " + System.nanoTime();
		clients.add("zhang.wei", new ClientDetails(client, null, null, null, null,
				List.of(new ClientContact("王磊", "采购总监", "wang.lei@example.com", null, null))));
		var project = ApprovedProjects.approvedFor(engagements, approvals, "PG survey " + System.nanoTime(), client,
				new Home("test", "general", false));
		var schedule = org.awaitility.Awaitility.await()
			.until(() -> jdbc.sql("select count(*) from survey_schedule where project_id = :id")
				.param("id", project.id())
				.query(Integer.class)
				.single(), count -> count == 1);
		assertThat(schedule).isEqualTo(1);
		// its time came a minute ago
		jdbc.sql("update survey_schedule set next_at = :at where project_id = :id")
			.param("at", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1))
			.param("id", project.id())
			.update();
		assertThat(surveys.sendDue()).isEqualTo(1);
		assertThat(surveys.sendDue()).isZero();
		assertThat(surveys.schedule(project.id()).nextAt()).get().matches(at -> at.isAfter(Instant.now()));
		var survey = surveys.openSurvey(project.code(), "zhang.wei").orElseThrow();
		assertThat(scheduling.nextFire(SurveyPlanning.GROUP, SurveyPlanning.FOLLOW_UP)).isPresent();
		surveys.followUp();

		// the same contact's answer twice at once: one is kept, the other refused
		var link = new SurveyLinks.Link(survey.id(), 0, survey.closesAt());
		var start = new CountDownLatch(1);
		var answers = new ArrayList<CompletableFuture<String>>();
		for (int i = 1; i <= 2; i++) {
			int score = i;
			answers.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
					surveys.answerOnWeb(link, new int[] { score, score, score, score }, null);
					return "kept " + score;
				}
				catch (SurveyRefused refused) {
					return refused.reason().name();
				}
				catch (org.springframework.dao.OptimisticLockingFailureException race) {
					return "race";
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
			}));
		}
		start.countDown();
		var outcomes = answers.stream().map(CompletableFuture::join).toList();
		assertThat(outcomes).filteredOn(outcome -> outcome.startsWith("kept")).hasSize(1);
		assertThat(outcomes).filteredOn(outcome -> !outcome.startsWith("kept")).allMatch(o -> o.equals("race") || o.equals("ANSWERED"));
		var kept = surveys.survey(survey.id()).orElseThrow().invitation(0);
		assertThat(kept.answered()).isTrue();
		assertThat(outcomes).contains("kept " + kept.answer(4)[0]);
	}

}
