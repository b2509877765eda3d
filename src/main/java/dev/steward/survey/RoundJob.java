package dev.steward.survey;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** Sends every survey due, then plans itself at the next one due. */
@DisallowConcurrentExecution
public class RoundJob implements Job {

	@Autowired
	SurveyManagement surveys;

	@Override
	public void execute(JobExecutionContext context) {
		surveys.sendDue();
	}

}
