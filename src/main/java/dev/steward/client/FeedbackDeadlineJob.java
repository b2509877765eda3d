package dev.steward.client;

import java.time.Duration;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Follows up one feedback item past its deadline: reminds its owner, later the project manager;
 * {@link FeedbackManagement#followUp} plans the next run.
 */
@DisallowConcurrentExecution
public class FeedbackDeadlineJob implements Job {

	private static final Logger log = LoggerFactory.getLogger(FeedbackDeadlineJob.class);

	static final String FEEDBACK = "feedback";

	@Autowired
	FeedbackManagement feedback;

	@Autowired
	FeedbackPlanning planning;

	@Autowired
	java.time.Clock clock;

	@Override
	public void execute(JobExecutionContext context) {
		long id = context.getMergedJobDataMap().getLong(FEEDBACK);
		try {
			feedback.followUp(id);
		}
		catch (OptimisticLockingFailureException ex) {
			// someone took a step at the same moment: look again shortly, and see what they did
			log.debug("Feedback #{} changed while it was followed up; again in a minute", id);
			planning.planFollowUp(id, clock.instant().plus(Duration.ofMinutes(1)));
		}
	}

}
