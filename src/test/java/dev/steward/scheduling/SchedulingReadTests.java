package dev.steward.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;

import org.junit.jupiter.api.Test;
import org.quartz.JobPersistenceException;
import org.quartz.Scheduler;
import org.quartz.SimpleTrigger;
import org.quartz.TriggerKey;
import org.quartz.impl.jdbcjobstore.NoRecordFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reading a job's next run while its trigger is replaced: Quartz reads a trigger in two statements
 * without a lock, and a job planning its next run between them makes the read find half a trigger.
 * Seen at a start on PostgreSQL, where it stopped the start.
 */
class SchedulingReadTests {

	final Scheduler scheduler = mock(Scheduler.class);

	final Scheduling scheduling = new Scheduling(scheduler, mock(JdbcClient.class),
			mock(org.springframework.transaction.PlatformTransactionManager.class));

	static JobPersistenceException halfATrigger() {
		return new JobPersistenceException("Couldn't retrieve trigger: No record found",
				new NoRecordFoundException(TriggerKey.triggerKey("summary", "feedback"), "QRTZ_", "SELECT * FROM QRTZ_SIMPLE_TRIGGERS"));
	}

	@Test
	void aTriggerReplacedWhileItIsReadIsReadAgain() throws Exception {
		var at = Instant.parse("2026-12-01T09:00:00Z");
		var trigger = mock(SimpleTrigger.class);
		when(trigger.getNextFireTime()).thenReturn(Date.from(at));
		when(scheduler.getTrigger(any(TriggerKey.class))).thenThrow(halfATrigger()).thenReturn(trigger);

		assertThat(scheduling.nextFire("feedback", "summary")).contains(at);
		verify(scheduler, times(2)).getTrigger(TriggerKey.triggerKey("summary", "feedback"));
	}

	@Test
	void aTriggerThatStaysHalfReadFailsAfterAFewReads() throws Exception {
		when(scheduler.getTrigger(any(TriggerKey.class))).thenThrow(halfATrigger());

		assertThatThrownBy(() -> scheduling.nextFire("feedback", "summary")).isInstanceOf(IllegalStateException.class)
			.hasMessage("Could not read feedback/summary");
		verify(scheduler, times(5)).getTrigger(any(TriggerKey.class));
	}

	@Test
	void anyOtherFailureIsNotReadAgain() throws Exception {
		when(scheduler.getTrigger(any(TriggerKey.class))).thenThrow(new JobPersistenceException("the database is gone"));

		assertThatThrownBy(() -> scheduling.nextFire("feedback", "summary")).isInstanceOf(IllegalStateException.class);
		verify(scheduler, times(1)).getTrigger(any(TriggerKey.class));
	}

}
