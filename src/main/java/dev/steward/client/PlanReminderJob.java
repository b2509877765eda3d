package dev.steward.client;

import java.time.ZoneId;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** Reminds the owners in one time zone of the contacts due today, then plans tomorrow's run. */
@DisallowConcurrentExecution
public class PlanReminderJob implements Job {

	static final String ZONE = "zone";

	@Autowired
	PlanReminders reminders;

	@Autowired
	PlanPlanning planning;

	@Override
	public void execute(JobExecutionContext context) {
		var zone = ZoneId.of(context.getMergedJobDataMap().getString(ZONE));
		try {
			reminders.remind(zone);
		}
		finally {
			planning.planReminders(zone);
		}
	}

}
