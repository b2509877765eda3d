package dev.steward.risk;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** Follows up every review past its deadline; plans itself at the next one. */
@DisallowConcurrentExecution
public class FollowUpJob implements Job {

	@Autowired
	RiskReviews reviews;

	@Override
	public void execute(JobExecutionContext context) {
		reviews.followUp();
	}

}
