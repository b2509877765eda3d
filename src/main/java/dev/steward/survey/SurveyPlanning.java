package dev.steward.survey;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.steward.scheduling.Scheduling;

/**
 * When the surveys' two jobs run: the round at the soonest survey due, the follow-up at the soonest
 * reminder or close. The schedules and surveys themselves are rows, so a restart or downtime loses
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

	SurveyPlanning(Scheduling scheduling, Clock clock) {
		this.scheduling = scheduling;
		this.clock = clock;
	}

	void planRound(Optional<Instant> soonest) {
		plan(ROUND, soonest, RoundJob.class);
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
