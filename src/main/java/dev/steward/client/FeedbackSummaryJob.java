package dev.steward.client;

import java.time.YearMonth;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** Sends management last month's feedback summary, then plans next month's. */
@DisallowConcurrentExecution
public class FeedbackSummaryJob implements Job {

	@Autowired
	FeedbackManagement feedback;

	@Autowired
	FeedbackPlanning planning;

	@Override
	public void execute(JobExecutionContext context) {
		try {
			var fired = context.getScheduledFireTime().toInstant().atZone(feedback.firmZone());
			feedback.summarise(YearMonth.from(fired).minusMonths(1));
		}
		finally {
			planning.planSummary();
		}
	}

}
