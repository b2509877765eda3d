package dev.steward.risk;

import java.time.ZoneId;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** Asks the owners in one time zone for their reviews due today, then plans tomorrow's run. */
@DisallowConcurrentExecution
public class ReviewJob implements Job {

	static final String ZONE = "zone";

	@Autowired
	RiskReviews reviews;

	@Autowired
	RiskPlanning planning;

	@Override
	public void execute(JobExecutionContext context) {
		var zone = ZoneId.of(context.getMergedJobDataMap().getString(ZONE));
		try {
			reviews.askForReviews(zone);
		}
		finally {
			planning.planReviews(zone);
		}
	}

}
