package dev.steward.risk;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One line of a risk's history: who did what, when, and the assessment and strategy after it.
 *
 * @param round the review round it answers, for reviews; else 0
 * @param comment a reason, a note, a person (for owner changes) or what changed
 */
@Table("risk_entry")
public record RiskEntry(Instant at, String actorId, Action action, int likelihood, int impact, RiskLevel level,
		Strategy strategy, int round, String comment) {

	/** What happened. */
	public enum Action {

		/** Identified and first assessed (§6.1). */
		REGISTERED,
		/** Assessed again (§6.1.2), outside a review. */
		REASSESSED,
		/** The response strategy or its actions changed (§6.2). */
		STRATEGY_CHANGED,
		/** A review found it unchanged (§6.3). */
		REVIEWED_UNCHANGED,
		/** A review assessed it again. */
		REVIEWED_REASSESSED,
		/** A review escalated it to the people above. */
		REVIEWED_ESCALATED,
		/** Closed, with a reason (a review, or at any time). */
		CLOSED,
		/** Handed to another owner. */
		OWNER_CHANGED,
		/** A review was asked for. */
		REVIEW_DUE,
		/** The owner was reminded of a review past its deadline. */
		REMINDED,
		/** A review past its deadline went to the next person up. */
		REVIEW_ESCALATED,
		/** Its application was approved: it is now the project's. */
		MOVED_TO_PROJECT;

		/** Whether this settles a review round. */
		public boolean reviews() {
			return this == REVIEWED_UNCHANGED || this == REVIEWED_REASSESSED || this == REVIEWED_ESCALATED
					|| this == CLOSED;
		}

	}

}
