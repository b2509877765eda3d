package dev.steward.risk;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.steward.firm.FirmDefaults;
import dev.steward.scheduling.Scheduling;
import dev.steward.scheduling.Shift;
import dev.steward.scheduling.WeeklySchedule;
import dev.steward.scheduling.WorkingCalendars;

/**
 * When the register's jobs run: a daily review job a time zone owners live in, one follow-up job
 * at the soonest follow-up of any review, and the weekly digest. The group and names are what
 * Quartz's tables hold; keep them.
 */
@Component
class RiskPlanning {

	static final String GROUP = "risk";

	static final String FOLLOW_UP = "follow-up";

	static final String DIGEST = "digest";

	private final Scheduling scheduling;

	private final RiskSettings settings;

	private final WorkingCalendars calendars;

	private final Clock clock;

	private final ZoneId firmZone;

	RiskPlanning(Scheduling scheduling, RiskSettings settings, WorkingCalendars calendars, Clock clock,
			FirmDefaults firm) {
		this.scheduling = scheduling;
		this.settings = settings;
		this.calendars = calendars;
		this.clock = clock;
		this.firmZone = firm.zone();
	}

	/** The name of a zone's daily review job: {@code review-<Zone.Id>}. */
	static String reviewJob(ZoneId zone) {
		return "review-" + zone.getId().replace('/', '.');
	}

	/** Gives the zone its daily review job unless it has one. */
	void ensureReviews(ZoneId zone) {
		if (scheduling.nextFire(GROUP, reviewJob(zone)).isEmpty()) {
			planReviews(zone);
		}
	}

	/** Schedules the zone's next review run: the next review time there, today's if still ahead. */
	void planReviews(ZoneId zone) {
		var now = clock.instant();
		var local = now.atZone(zone);
		var at = local.toLocalDate().atTime(settings.reviewTime()).atZone(zone);
		if (!at.toInstant().isAfter(now)) {
			at = local.toLocalDate().plusDays(1).atTime(settings.reviewTime()).atZone(zone);
		}
		scheduling.runAt(GROUP, reviewJob(zone), at.toInstant(), ReviewJob.class, Map.of(ReviewJob.ZONE, zone.getId()));
	}

	/** Moves the one follow-up job to the soonest follow-up (now, if it is past); none cancels it. */
	void planFollowUps(Optional<Instant> soonest) {
		scheduling.keepAt(GROUP, FOLLOW_UP, soonest, clock.instant(), FollowUpJob.class, Map.of());
	}

	/** Schedules the next weekly digest, in the firm's zone and on its default calendar. */
	void planDigest() {
		new WeeklySchedule(settings.digestDay(), settings.digestTime(), firmZone, Shift.NEXT)
			.next(clock.instant(), calendars.defaultCalendar())
			.ifPresent(at -> scheduling.runAt(GROUP, DIGEST, at, DigestJob.class, Map.of()));
	}

}
