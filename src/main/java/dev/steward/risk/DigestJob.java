package dev.steward.risk;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** Sends each department head the week's risk digest, then plans next week's. */
@DisallowConcurrentExecution
public class DigestJob implements Job {

	@Autowired
	RiskReviews reviews;

	@Autowired
	RiskPlanning planning;

	@Override
	public void execute(JobExecutionContext context) {
		try {
			reviews.digest(context.getScheduledFireTime().toInstant());
		}
		finally {
			planning.planDigest();
		}
	}

}
