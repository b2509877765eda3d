package dev.steward.survey;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** Reminds the owners of improvement actions past their deadline, then plans itself at the next. */
@DisallowConcurrentExecution
public class ActionJob implements Job {

	@Autowired
	SurveyManagement surveys;

	@Override
	public void execute(JobExecutionContext context) {
		surveys.remindActions();
	}

}
