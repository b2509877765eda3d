package dev.steward.risk.chat;

import java.util.Optional;

import dev.steward.conversation.Interaction;

/** The risk register's buttons and forms, each with its typed arguments. */
final class RiskInteractions {

	private RiskInteractions() {
	}

	/**
	 * The form that registers a risk: on a project, on an application still in review, or (neither)
	 * firm-wide.
	 * <p>
	 * One argument, what {@code RiskManagement.target} reads: a project code, {@code APP-12} for an
	 * application, nothing for the firm. (Two optional arguments could not name an application
	 * without a project: an empty optional argument ends an id.)
	 * @param target a project code or {@code APP-<id>}; empty: the firm
	 */
	@Interaction("risk-register")
	record Register(Optional<String> target) {

		/** How an application is written in the target, as {@code /risk add APP-12} takes it too. */
		static final String APPLICATION = "APP-";

		static Register onProject(String code) {
			return new Register(Optional.of(code));
		}

		static Register onApplication(long id) {
			return new Register(Optional.of(APPLICATION + id));
		}

		static Register firmWide() {
			return new Register(Optional.empty());
		}

		/** The project's code, when it registers on a project. */
		Optional<String> project() {
			return target.filter(text -> application().isEmpty());
		}

		/** The application's number, when it registers on an application in review. */
		Optional<Long> application() {
			return target.filter(text -> text.startsWith(APPLICATION))
				.map(text -> text.substring(APPLICATION.length()))
				.filter(number -> number.matches("\\d{1,18}"))
				.map(Long::parseLong);
		}

	}

	/**
	 * The form that assesses a risk again, filled in with what it says now.
	 * @param round the review round it answers, or 0 outside a review
	 */
	@Interaction("risk-assess")
	record Reassess(long risk, int round) {
	}

	/** What a review card's buttons answer. */
	enum Answer {

		UNCHANGED, REASSESS, CLOSE, ESCALATE

	}

	/**
	 * A button of a review card (or of {@code /risk show}, with round 0 for Reassess and Close).
	 * @param round the review round the card was for, so a stale click is seen
	 */
	@Interaction("risk-review")
	record Review(long risk, int round, Answer answer) {
	}

	/** The form that closes a risk: why. */
	@Interaction("risk-close")
	record Close(long risk, int round) {
	}

	/**
	 * The next page of {@code /risk list}: the same filter, one page on.
	 * @param scope a project code, {@code firm}, {@code app.<id>} or {@code all}
	 * @param level {@code high}, {@code medium}, {@code low} or {@code any}
	 * @param status {@code open}, {@code closed} or {@code any}
	 */
	@Interaction("risk-page")
	record ListPage(String scope, String level, boolean mine, String status, int page) {
	}

}
