package dev.steward.progress;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** Reminds, once, the members who have not reported before the deadline. */
@DisallowConcurrentExecution
public class ReminderJob implements Job {

	@Autowired
	ProgressManagement progress;

	@Override
	public void execute(JobExecutionContext context) {
		progress.remind(context.getMergedJobDataMap().getLong(PromptJob.PROJECT));
	}

}
