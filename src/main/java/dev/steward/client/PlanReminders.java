package dev.steward.client;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import dev.steward.firm.Separately;

/**
 * Reminds owners of the contacts due (§5.2.2): each day, at the reminder time in each owner's zone,
 * every owner who lives there gets one reminder a contact due by today (days missed while Steward
 * was down caught up), on working days of the plan's calendar only. One job a time zone, never a
 * trigger a plan; each plan in a transaction of its own, so one plan's trouble holds up no other.
 */
@Service
class PlanReminders {

	private static final Logger log = LoggerFactory.getLogger(PlanReminders.class);

	private final CommunicationPlans plans;

	private final PlanManagement management;

	private final Clock clock;

	private final Separately separately;

	PlanReminders(CommunicationPlans plans, PlanManagement management, Clock clock, Separately separately) {
		this.plans = plans;
		this.management = management;
		this.clock = clock;
		this.separately = separately;
	}

	/**
	 * Reminds the owners who live in a zone of the contacts due by today there.
	 * @return how many reminders were sent
	 */
	int remind(ZoneId zone) {
		var now = clock.instant();
		var today = LocalDate.ofInstant(now, zone);
		var zones = new HashMap<String, ZoneId>();
		int reminded = 0;
		for (var due : plans.findDue(today)) {
			if (!zone.equals(zones.computeIfAbsent(due.ownerId(), management::zoneOf))) {
				continue;
			}
			try {
				reminded += separately.call(() -> remind(due.id(), today, now)) ? 1 : 0;
			}
			catch (OptimisticLockingFailureException ex) {
				log.debug("Plan {} changed while its owner was reminded; the next run looks again", due.id());
			}
			catch (RuntimeException ex) {
				log.error("Could not remind the owner of communication plan {}; the next run tries again", due.id(), ex);
			}
		}
		log.info("Reminded owners in {} of {} contacts due", zone, reminded);
		return reminded;
	}

	private boolean remind(long planId, LocalDate today, java.time.Instant now) {
		var plan = plans.findById(planId).orElse(null);
		if (plan == null || !management.calendarOf(plan.projectId()).isWorkingDay(today) || !plan.remind(today, now)) {
			return false;
		}
		plans.save(plan);
		return true;
	}

	/** The zones the owners of active plans live in, so each has its daily job. */
	Set<ZoneId> ownerZones() {
		var zones = new LinkedHashSet<ZoneId>();
		plans.activeOwners().forEach(owner -> zones.add(management.zoneOf(owner)));
		return zones;
	}

}
