package dev.steward.progress;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** Management's weekly roll-up of every active project. */
@DisallowConcurrentExecution
public class PortfolioJob implements Job {

	@Autowired
	ProgressManagement progress;

	@Override
	public void execute(JobExecutionContext context) {
		progress.portfolio(context.getScheduledFireTime().toInstant());
	}

}
