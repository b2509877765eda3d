package dev.steward.risk.chat;

import org.springframework.stereotype.Component;

import dev.steward.conversation.Caller;
import dev.steward.conversation.RefusalKeys;
import dev.steward.directory.DirectoryManagement;
import dev.steward.risk.RiskRefused;
import dev.steward.risk.RiskRefused.Reason;

/** Why the register refuses, as message keys; the kernel says them and rolls back. */
@Component
class RiskRefusalKeys implements RefusalKeys<Reason> {

	private DirectoryManagement directory;

	/** Names people in refusals; without it (a mapping made on its own) their ids are shown. */
	@org.springframework.beans.factory.annotation.Autowired
	void directory(DirectoryManagement directory) {
		this.directory = directory;
	}

	@Override
	public String key(Reason reason) {
		return switch (reason) {
			case NOT_FOUND -> "risk.refused.not-found";
			case NOT_VISIBLE -> "risk.refused.not-visible";
			case MAY_NOT_REGISTER -> "risk.refused.may-not-register";
			case FIRM_WIDE_ONLY_FOR_LEADERS -> "risk.refused.firm-wide";
			case NOT_REVIEWER -> "risk.refused.not-reviewer";
			case MAY_NOT_REASSIGN -> "risk.refused.may-not-reassign";
			case ALREADY_REVIEWED -> "risk.refused.already-reviewed";
			case STALE_REVIEW -> "risk.refused.stale";
			case CLOSED -> "risk.refused.closed";
			case OUT_OF_RANGE -> "risk.refused.out-of-range";
			case UNKNOWN_PROJECT -> "risk.refused.unknown-project";
			case UNKNOWN_APPLICATION -> "risk.refused.unknown-application";
			case UNKNOWN_OWNER -> "risk.refused.unknown-owner";
			case UNKNOWN_CATEGORY -> "risk.refused.unknown-category";
			case REASON_REQUIRED -> "risk.refused.reason-required";
			case REVIEW_DATE_PAST -> "risk.refused.review-date-past";
		};
	}

	@Override
	public Object[] arguments(Caller caller, RuntimeException exception) {
		if (!(exception instanceof RiskRefused refused)) {
			return new Object[] { "" };
		}
		if (refused.reason() == Reason.ALREADY_REVIEWED || refused.reason() == Reason.UNKNOWN_OWNER) {
			var person = refused.detail();
			return new Object[] { person.isEmpty() ? "—" : directory == null ? person : directory.name(person) };
		}
		return new Object[] { refused.detail() };
	}

}
