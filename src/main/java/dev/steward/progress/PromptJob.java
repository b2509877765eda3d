package dev.steward.progress;

import java.time.ZoneId;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** Prompts a project's members in one time zone for the week (thin: the module's API decides). */
@DisallowConcurrentExecution
public class PromptJob implements Job {

	static final String PROJECT = "projectId";

	static final String ZONE = "zone";

	@Autowired
	ProgressManagement progress;

	@Override
	public void execute(JobExecutionContext context) {
		var data = context.getMergedJobDataMap();
		progress.prompt(data.getLong(PROJECT), ZoneId.of(data.getString(ZONE)),
				context.getScheduledFireTime().toInstant());
	}

}
