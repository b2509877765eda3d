package dev.steward.survey;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.steward.scheduling.Scheduling;

/**
 * When the surveys' jobs run: the round a little before the soonest survey due
 * ({@code steward.survey.round-lead}: it prepares the surveys then, and their messages are kept until
 * their time), the follow-up at the soonest reminder or close, the improvement actions' reminders at
 * the soonest one. The schedules and surveys themselves are rows, so a restart or downtime loses
 * nothing: a job planned in the past runs at once and does all that fell due. Never a trigger a
 * project. The group and names are what Quartz's tables hold; keep them.
 */
@Component
class SurveyPlanning {

	static final String GROUP = "survey";

	static final String ROUND = "round";

	static final String FOLLOW_UP = "follow-up";

	static final String ACTIONS = "actions";

	private final Scheduling scheduling;

	private final Clock clock;

	private final java.time.Duration lead;

	SurveyPlanning(Scheduling scheduling, Clock clock, SurveySettings settings) {
		this.scheduling = scheduling;
		this.clock = clock;
		this.lead = settings.roundLead();
	}

	/** Plans the round for the surveys due soonest: it starts the round's lead before. */
	void planRound(Optional<Instant> soonest) {
		plan(ROUND, soonest.map(due -> due.minus(lead)), RoundJob.class);
	}

	void planFollowUp(Optional<Instant> soonest) {
		plan(FOLLOW_UP, soonest, FollowUpJob.class);
	}

	void planActions(Optional<Instant> soonest) {
		plan(ACTIONS, soonest, ActionJob.class);
	}

	private void plan(String name, Optional<Instant> soonest, Class<? extends org.quartz.Job> job) {
		scheduling.keepAt(GROUP, name, soonest, clock.instant(), job, Map.of());
	}

}
