package dev.steward.client;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.steward.client.PlanEvents.PlanAdded;
import dev.steward.client.PlanEvents.PlanChanged;

/**
 * Keeps the reminder jobs in step: an owner in a new time zone gets that zone its daily job (in the
 * transaction of the change); at start every owner's zone gets one if it lacks it (a restored
 * database).
 */
@Component
class PlanPlanner {

	private static final Logger log = LoggerFactory.getLogger(PlanPlanner.class);

	private final PlanPlanning planning;

	private final PlanReminders reminders;

	private final PlanManagement management;

	PlanPlanner(PlanPlanning planning, PlanReminders reminders, PlanManagement management) {
		this.planning = planning;
		this.reminders = reminders;
		this.management = management;
	}

	@EventListener
	void on(PlanAdded added) {
		planning.ensureReminders(management.zoneOf(added.ownerId()));
	}

	@EventListener
	void on(PlanChanged changed) {
		planning.ensureReminders(management.zoneOf(changed.ownerId()));
	}

	@EventListener(ApplicationReadyEvent.class)
	void planAll() {
		var zones = reminders.ownerZones();
		zones.forEach(planning::ensureReminders);
		log.info("Communication plans: daily reminders planned in {} time zones", zones.size());
	}

}
