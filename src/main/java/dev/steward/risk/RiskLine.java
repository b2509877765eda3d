package dev.steward.risk;

import java.time.LocalDate;

/**
 * What one line about a risk shows, whether read from the whole risk or from a card of due reviews
 * (which carries only this, so an owner's daily message is written without loading their risks).
 */
public interface RiskLine {

	Long id();

	String title();

	RiskLevel level();

	int likelihood();

	int impact();

	int score();

	Strategy strategy();

	/** The project, or {@code null} for an application's or a firm-wide risk. */
	Long projectId();

	/** The application in review, or {@code null}. */
	Long applicationId();

	String ownerId();

	boolean open();

	LocalDate nextReview();

	/** The review round waiting, or the last one. */
	int reviewRound();

}
