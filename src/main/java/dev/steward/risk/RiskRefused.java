package dev.steward.risk;

import dev.steward.firm.Refused;

/**
 * Why someone may not do this to a risk now. The transaction is rolled back; the chat face says
 * the reason politely, with {@link #detail()} where it names something (a code, a person).
 */
public class RiskRefused extends Refused {

	/** The kinds of refusal. */
	public enum Reason {

		/** No such risk. */
		NOT_FOUND,
		/** The person may not see this risk (or this project's risks). */
		NOT_VISIBLE,
		/** The person may not register a risk there. */
		MAY_NOT_REGISTER,
		/** Firm-wide risks are registered by department heads, management and admins. */
		FIRM_WIDE_ONLY_FOR_LEADERS,
		/** Neither the owner, the project manager, the department head nor an admin. */
		NOT_REVIEWER,
		/** Only the project manager, the department head or an admin may hand a risk to someone else. */
		MAY_NOT_REASSIGN,
		/** This review was already done (a double click, or someone else was first). */
		ALREADY_REVIEWED,
		/** The card is older than the risk's current review. */
		STALE_REVIEW,
		/** The risk is closed. */
		CLOSED,
		/** Likelihood and impact are each 1 to 5. */
		OUT_OF_RANGE,
		/** No project with that code. */
		UNKNOWN_PROJECT,
		/** No application with that number, or it is no longer in review. */
		UNKNOWN_APPLICATION,
		/** The owner is not in the directory. */
		UNKNOWN_OWNER,
		/** The category is not among the firm's. */
		UNKNOWN_CATEGORY,
		/** Closing needs a reason. */
		REASON_REQUIRED,
		/** The next review date is in the past. */
		REVIEW_DATE_PAST

	}

	public RiskRefused(Reason reason, String detail) {
		super(reason, detail);
	}

	@Override
	public Reason reason() {
		return (Reason) super.reason();
	}

	public RiskRefused(Reason reason) {
		this(reason, null);
	}

	/** What the refusal names (a project code, an application number, a person), or empty. */
	public String detail() {
		var detail = super.detail();
		return detail == null ? "" : detail;
	}

}
