package dev.steward.risk;

/**
 * Likelihood and impact, each 1 (rare, negligible) to 5 (almost certain, severe); the score is
 * their product.
 */
public record Assessment(int likelihood, int impact) {

	public static final int MIN = 1;

	public static final int MAX = 5;

	public Assessment {
		if (likelihood < MIN || likelihood > MAX || impact < MIN || impact > MAX) {
			throw new RiskRefused(RiskRefused.Reason.OUT_OF_RANGE);
		}
	}

	public int score() {
		return likelihood * impact;
	}

	@Override
	public String toString() {
		return "L" + likelihood + "×I" + impact + "=" + score();
	}

}
