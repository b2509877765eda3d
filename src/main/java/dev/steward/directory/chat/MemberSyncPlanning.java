package dev.steward.directory.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.steward.scheduling.Scheduling;

/**
 * Plans the match by e-mail: once at start (as a Quartz job, so it runs beside the start and once
 * in a cluster), then daily. Nothing is planned when no platform tells e-mails.
 */
@Component
class MemberSyncPlanning {

	static final String GROUP = "directory";

	static final String NAME = "member-sync";

	static final Duration EVERY = Duration.ofDays(1);

	private final Scheduling scheduling;

	private final Onboarding onboarding;

	private final Clock clock;

	MemberSyncPlanning(Scheduling scheduling, Onboarding onboarding, Clock clock) {
		this.scheduling = scheduling;
		this.onboarding = onboarding;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		if (onboarding.platforms().isEmpty()) {
			scheduling.cancel(GROUP, NAME);
			return;
		}
		scheduling.runAt(GROUP, NAME, clock.instant(), MemberSyncJob.class, Map.of());
	}

	void planNext() {
		// Quartz fires by the wall clock, whatever clock the application keeps
		scheduling.runAt(GROUP, NAME, java.time.Instant.now().plus(EVERY), MemberSyncJob.class, Map.of());
	}

}
