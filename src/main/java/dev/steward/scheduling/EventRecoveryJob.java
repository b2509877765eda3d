package dev.steward.scheduling;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** Runs {@link EventRecovery}: on one instance of the cluster at a time. */
@DisallowConcurrentExecution
public class EventRecoveryJob implements Job {

	@Autowired
	EventRecovery recovery;

	@Override
	public void execute(JobExecutionContext context) {
		recovery.recover();
	}

}
