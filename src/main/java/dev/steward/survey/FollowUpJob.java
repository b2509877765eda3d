package dev.steward.survey;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** Reminds and closes every survey whose time came, then plans itself at the next. */
@DisallowConcurrentExecution
public class FollowUpJob implements Job {

	@Autowired
	SurveyManagement surveys;

	@Override
	public void execute(JobExecutionContext context) {
		surveys.followUp();
	}

}
