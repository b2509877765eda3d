package dev.steward.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.scheduling.Scheduling;

/**
 * Reminders, escalation and delegation against a fixed clock: Thursday 24 September 2026,
 * 17:00 in Shanghai, the eve of the Mid-Autumn holiday (25–27 September).
 */
@SpringBootTest(properties = { "steward.approvals=src/test/resources/approvals-test.yaml",
		"steward.default-time-zone=Asia/Shanghai",
		// the fixed clock is in the past: the scheduler stays stopped, so the jobs stay as scheduled
		"spring.quartz.auto-startup=false" })
@ActiveProfiles("test")
@Import(ApprovalFollowUpClockTests.FixedClock.class)
class ApprovalFollowUpClockTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final Instant NOW = LocalDateTime.parse("2026-09-24T17:00").atZone(SHANGHAI).toInstant();

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(NOW, SHANGHAI);
		}

	}

	@Autowired
	ApprovalManagement approvals;

	@Autowired
	Scheduling scheduling;

	static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
	}

	@Test
	void reminderAndEscalationCountWorkingHoursOnly() {
		var request = approvals.submit("test-request", "clock-1", "zhang.wei", "strategy", "Before the holiday");
		// 17:00–18:00 on Thursday, then the holiday and the weekend, then Monday 28 September
		assertThat(scheduling.nextFire("approval", "remind-" + request.id() + "-1.0"))
			.contains(at("2026-09-28T16:00"));
		// sixteen working hours: one on Thursday, nine on Monday, six on Tuesday
		assertThat(scheduling.nextFire("approval", "escalate-" + request.id() + "-1.0"))
			.contains(at("2026-09-29T15:00"));
		assertThat(request.submittedAt()).isEqualTo(NOW);
	}

	@Test
	void aDelegationCountsOnlyOnItsDays() {
		var today = LocalDate.ofInstant(NOW, SHANGHAI);
		approvals.delegate("chen.jie", "sun.li", today.plusDays(1), today.plusDays(5));
		var notYet = approvals.submit("test-request", "clock-2", "sun.li", "digital", "Not yet away");
		assertThat(notYet.current().approvers()).containsExactly("chen.jie");

		approvals.delegate("chen.jie", "liu.yang", today, today);
		var away = approvals.submit("test-request", "clock-3", "sun.li", "digital", "Away today");
		assertThat(away.current().approvers()).containsExactly("chen.jie", "liu.yang");
		var decided = approvals.decide(away.id(), "1.0", Decision.APPROVE, "liu.yang", null);
		var entry = decided.history().get(1);
		assertThat(entry.actorId()).isEqualTo("liu.yang");
		assertThat(entry.onBehalfOf()).isEqualTo("chen.jie");
		assertThat(entry.asAdmin()).isFalse();
		assertThat(entry.at()).isEqualTo(NOW);
	}

}
