package dev.steward.client;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import dev.steward.scheduling.Scheduling;

/**
 * When the plans' reminders run: one daily job a time zone owners live in, at the reminder time
 * there. The group and names are what Quartz's tables hold; keep them.
 */
@Component
@EnableConfigurationProperties(PlanSettings.class)
class PlanPlanning {

	static final String GROUP = "client-plan";

	private final Scheduling scheduling;

	private final PlanSettings settings;

	private final Clock clock;

	PlanPlanning(Scheduling scheduling, PlanSettings settings, Clock clock) {
		this.scheduling = scheduling;
		this.settings = settings;
		this.clock = clock;
	}

	/** The name of a zone's daily reminder job: {@code remind-<Zone.Id>}. */
	static String reminderJob(ZoneId zone) {
		return "remind-" + zone.getId().replace('/', '.');
	}

	/** Gives the zone its daily reminder job unless it has one. */
	void ensureReminders(ZoneId zone) {
		if (scheduling.nextFire(GROUP, reminderJob(zone)).isEmpty()) {
			planReminders(zone);
		}
	}

	/** Schedules the zone's next reminder run: the next reminder time there, today's if still ahead. */
	void planReminders(ZoneId zone) {
		var now = clock.instant();
		var local = now.atZone(zone);
		var at = local.toLocalDate().atTime(settings.reminderTime()).atZone(zone);
		if (!at.toInstant().isAfter(now)) {
			at = local.toLocalDate().plusDays(1).atTime(settings.reminderTime()).atZone(zone);
		}
		scheduling.runAt(GROUP, reminderJob(zone), at.toInstant(), PlanReminderJob.class,
				Map.of(PlanReminderJob.ZONE, zone.getId()));
	}

}
