package dev.steward.client;

import java.time.YearMonth;
import java.util.List;

/** What happens to client feedback; the chat face and other modules react to these. */
public final class FeedbackEvents {

	private FeedbackEvents() {
	}

	/**
	 * An item was recorded.
	 * @param actorId who recorded it: a directory person id or a client contact's guest id
	 * @param managerId the project manager, who is given its card
	 */
	public record FeedbackRecorded(long feedbackId, long projectId, String actorId, String managerId) {
	}

	/** An item was given an owner ({@code fromId} {@code null} the first time). */
	public record FeedbackAssigned(long feedbackId, String ownerId, String fromId, String actorId) {
	}

	/** The owner proposed a solution. */
	public record SolutionProposed(long feedbackId, String actorId) {
	}

	/** The owner recorded the answer given to the client. */
	public record AnswerRecorded(long feedbackId, String actorId) {
	}

	/** An item was closed. */
	public record FeedbackClosed(long feedbackId, String actorId) {
	}

	/** An item open past its deadline: its owner (or, unassigned, the project manager) is reminded. */
	public record FeedbackReminded(long feedbackId, String toId) {
	}

	/** An item still open after the reminder went to the next person up: the project manager, or the head. */
	public record FeedbackEscalated(long feedbackId, List<String> toIds) {

		public FeedbackEscalated {
			toIds = List.copyOf(toIds);
		}

	}

	/**
	 * A month's feedback for management (§5.2.3: 共性问题): per client, what came in by category,
	 * the categories that recur, and how many are still open.
	 * @param recipientIds management, each reads it in their language
	 */
	public record MonthlySummary(YearMonth month, List<ClientMonth> clients, List<String> recipientIds) {

		public MonthlySummary {
			clients = List.copyOf(clients);
			recipientIds = List.copyOf(recipientIds);
		}

	}

	/**
	 * One client's month: items received, closed and still open, and the count of each category,
	 * most first; a category is recurring when it came {@code recurring-at} times or more.
	 */
	public record ClientMonth(Long clientId, String clientName, int received, int closed, int open,
			List<CategoryCount> categories) {

		public ClientMonth {
			categories = List.copyOf(categories);
		}

		/** The categories that recur this month. */
		public List<CategoryCount> recurring() {
			return categories.stream().filter(CategoryCount::recurring).toList();
		}

	}

	/** How often a category came from one client in the month, and whether that makes it recurring. */
	public record CategoryCount(String category, int count, boolean recurring) {
	}

}
