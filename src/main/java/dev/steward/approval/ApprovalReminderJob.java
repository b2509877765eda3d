package dev.steward.approval;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** Reminds the approvers of a step that still waits (scheduled by {@link ApprovalFollowUp}). */
@DisallowConcurrentExecution
public class ApprovalReminderJob implements Job {

	static final String REQUEST = "requestId";

	static final String TOKEN = "token";

	@Autowired
	ApprovalManagement approvals;

	@Override
	public void execute(JobExecutionContext context) {
		var data = context.getMergedJobDataMap();
		approvals.remind(data.getLong(REQUEST), data.getString(TOKEN));
	}

}
