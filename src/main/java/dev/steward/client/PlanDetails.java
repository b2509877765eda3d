package dev.steward.client;

/**
 * What a communication plan says (§5.2.1): its goal, the channel, how often (every so many days),
 * what each contact covers, and who owns it. Checked when made: a value missing, too long or out
 * of range is refused, naming the field.
 *
 * @param everyDays days from one contact to the next due, {@value #FEWEST_DAYS} to {@value #MOST_DAYS}
 */
public record PlanDetails(String goal, ContactChannel channel, int everyDays, String content, String ownerId) {

	/** The longest goal. */
	public static final int GOAL = 200;

	/** The longest content. */
	public static final int CONTENT = 1000;

	/** The most frequent plan: a contact every day. */
	public static final int FEWEST_DAYS = 1;

	/** The least frequent plan: a contact a year. */
	public static final int MOST_DAYS = 365;

	public PlanDetails {
		goal = required(goal, "goal", GOAL);
		if (channel == null) {
			throw new PlanRefused(PlanRefused.Reason.INVALID, "channel");
		}
		if (everyDays < FEWEST_DAYS || everyDays > MOST_DAYS) {
			throw new PlanRefused(PlanRefused.Reason.INVALID, "every");
		}
		content = required(content, "content", CONTENT);
		if (ownerId == null || ownerId.isBlank()) {
			throw new PlanRefused(PlanRefused.Reason.INVALID, "owner");
		}
	}

	static String required(String value, String field, int max) {
		if (value == null || value.isBlank() || value.strip().length() > max) {
			throw new PlanRefused(PlanRefused.Reason.INVALID, field);
		}
		return value.strip();
	}

}
