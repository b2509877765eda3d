package dev.steward.progress;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** Closes the week at its deadline: the project manager gets the digest and who is missing. */
@DisallowConcurrentExecution
public class DeadlineJob implements Job {

	@Autowired
	ProgressManagement progress;

	@Override
	public void execute(JobExecutionContext context) {
		progress.close(context.getMergedJobDataMap().getLong(PromptJob.PROJECT));
	}

}
