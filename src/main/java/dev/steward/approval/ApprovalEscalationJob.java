package dev.steward.approval;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** Lets people one level up decide a step that still waits (scheduled by {@link ApprovalFollowUp}). */
@DisallowConcurrentExecution
public class ApprovalEscalationJob implements Job {

	@Autowired
	ApprovalManagement approvals;

	@Override
	public void execute(JobExecutionContext context) {
		var data = context.getMergedJobDataMap();
		approvals.escalate(data.getLong(ApprovalReminderJob.REQUEST), data.getString(ApprovalReminderJob.TOKEN));
	}

}
