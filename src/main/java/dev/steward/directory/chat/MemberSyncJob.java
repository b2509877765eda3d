package dev.steward.directory.chat;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** Matches the platforms' members to the directory by e-mail, then plans the next run a day later. */
@DisallowConcurrentExecution
public class MemberSyncJob implements Job {

	@Autowired
	Onboarding onboarding;

	@Autowired
	MemberSyncPlanning planning;

	@Override
	public void execute(JobExecutionContext context) {
		try {
			onboarding.syncAll();
		}
		finally {
			planning.planNext();
		}
	}

}
