package dev.steward.risk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.steward.risk.RiskEvents.OwnerChanged;
import dev.steward.risk.RiskEvents.RiskRegistered;
import dev.steward.scheduling.Scheduling;

/**
 * Keeps the register's jobs in step: an owner in a new time zone gets that zone its daily review
 * job (in the transaction of the change); at start every zone, the follow-ups and the digest are
 * planned if they lack their jobs (a new zone, a restored database).
 */
@Component
class RiskPlanner {

	private static final Logger log = LoggerFactory.getLogger(RiskPlanner.class);

	private final RiskPlanning planning;

	private final RiskReviews reviews;

	private final RiskManagement management;

	private final Risks risks;

	private final Scheduling scheduling;

	RiskPlanner(RiskPlanning planning, RiskReviews reviews, RiskManagement management, Risks risks,
			Scheduling scheduling) {
		this.planning = planning;
		this.reviews = reviews;
		this.management = management;
		this.risks = risks;
		this.scheduling = scheduling;
	}

	@EventListener
	void on(RiskRegistered registered) {
		planning.ensureReviews(management.zoneOf(registered.ownerId()));
	}

	@EventListener
	void on(OwnerChanged changed) {
		planning.ensureReviews(management.zoneOf(changed.toId()));
	}

	@EventListener(ApplicationReadyEvent.class)
	void planAll() {
		if (scheduling.nextFire(RiskPlanning.GROUP, RiskPlanning.DIGEST).isEmpty()) {
			planning.planDigest();
		}
		var zones = reviews.ownerZones();
		zones.forEach(planning::ensureReviews);
		planning.planFollowUps(risks.nextFollowUp());
		log.info("Risk register: daily reviews planned in {} time zones", zones.size());
	}

}
