package dev.steward.risk;

import java.time.LocalDate;
import java.util.List;

/** What the risk register announces; the chat face and other modules react to these. */
public final class RiskEvents {

	private RiskEvents() {
	}

	/** A risk was identified and assessed. */
	public record RiskRegistered(long riskId, Long projectId, Long applicationId, String title, RiskLevel level,
			int score, String ownerId, String actorId) {
	}

	/** A risk was assessed again; the level or score may have changed. */
	public record RiskReassessed(long riskId, String title, RiskLevel fromLevel, RiskLevel toLevel, int fromScore,
			int toScore, String actorId, boolean inReview) {
	}

	/** A review round of a risk was settled (unchanged, reassessed, escalated or closed). */
	public record RiskReviewed(long riskId, int round, RiskEntry.Action outcome, String actorId, String cardKey) {
	}

	/** A risk was closed, with a reason. */
	public record RiskClosed(long riskId, String title, String actorId, String reason) {
	}

	/** In a review, the owner escalated the risk to the people above. */
	public record RiskEscalatedByOwner(long riskId, String actorId, List<String> toIds) {
	}

	/** A risk has a new owner. */
	public record OwnerChanged(long riskId, String fromId, String toId, String actorId) {
	}

	/**
	 * Someone must be warned at once (§6.3 预警): a new high risk, a level that rose, or a review
	 * that found it worse.
	 * @param recipientIds the project manager, and management for high risks
	 */
	public record EarlyWarning(long riskId, Trigger trigger, RiskLevel fromLevel, RiskLevel toLevel, int fromScore,
			int toScore, String actorId, List<String> recipientIds) {

		public EarlyWarning {
			recipientIds = List.copyOf(recipientIds);
		}

		/** What set the warning off. */
		public enum Trigger {

			NEW_HIGH, LEVEL_ROSE, REVIEW_WORSE

		}

	}

	/**
	 * Some of an owner's reviews due today: one card, a group of risks (what one message may carry).
	 * @param card the card's outbox key and the risks on it
	 */
	public record ReviewsDue(String ownerId, LocalDate day, Card card) {
	}

	/** One message of due reviews: its key and its risks as they stood when their rounds were opened. */
	public record Card(String key, List<DueReview> reviews) {

		public Card {
			reviews = List.copyOf(reviews);
		}

		public List<Long> riskIds() {
			return reviews.stream().map(DueReview::id).toList();
		}

	}

	/** A risk whose review round has just been opened on a card: what the card's line shows. */
	public record DueReview(Long id, String title, RiskLevel level, int likelihood, int impact, int score,
			Strategy strategy, Long projectId, Long applicationId, String ownerId, LocalDate nextReview, int reviewRound)
			implements RiskLine {

		@Override
		public boolean open() {
			return true;
		}

	}

	/** A review not done by its deadline: the owner is reminded once. */
	public record ReviewReminded(long riskId, int round, String ownerId) {
	}

	/** A review still not done went to the next person up (the manager, then the department head). */
	public record ReviewEscalated(long riskId, int round, int stage, List<String> toIds, String ownerId) {

		public ReviewEscalated {
			toIds = List.copyOf(toIds);
		}

	}

	/** An application's risks now belong to the project it became. */
	public record MovedToProject(List<Long> riskIds, long applicationId, long projectId) {

		public MovedToProject {
			riskIds = List.copyOf(riskIds);
		}

	}

	/**
	 * A department head's weekly digest: the week's new risks, those whose level rose, reviews
	 * overdue, and risks closed.
	 */
	public record DigestReady(String departmentId, String headId, java.time.Instant since, java.time.Instant until,
			List<Long> added, List<Long> rising, List<Long> overdue, List<Long> closed) {

		public DigestReady {
			added = List.copyOf(added);
			rising = List.copyOf(rising);
			overdue = List.copyOf(overdue);
			closed = List.copyOf(closed);
		}

		static Builder builder(String departmentId) {
			return new Builder(departmentId);
		}

		/** Collects one department's digest. */
		static final class Builder {

			private final String departmentId;

			private final List<Long> added = new java.util.ArrayList<>();

			private final List<Long> rising = new java.util.ArrayList<>();

			private final List<Long> overdue = new java.util.ArrayList<>();

			private final List<Long> closed = new java.util.ArrayList<>();

			private Builder(String departmentId) {
				this.departmentId = departmentId;
			}

			void added(long id) {
				added.add(id);
			}

			void rising(long id) {
				rising.add(id);
			}

			void overdue(long id) {
				overdue.add(id);
			}

			void closed(long id) {
				closed.add(id);
			}

			DigestReady build(String headId, java.time.Instant since, java.time.Instant until) {
				return new DigestReady(departmentId, headId, since, until, added, rising, overdue, closed);
			}

		}

	}

}
