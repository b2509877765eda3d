package dev.steward.risk;

/** A risk's level, from the matrix in {@code config/risk.yaml}; higher ranks are worse. */
public enum RiskLevel {

	LOW, MEDIUM, HIGH;

	/** Whether this level is worse than another. */
	public boolean above(RiskLevel other) {
		return compareTo(other) > 0;
	}

	/** The level as configuration writes it: {@code high}. */
	public String id() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	static RiskLevel parse(String text) {
		var value = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
		for (var level : values()) {
			if (level.name().equals(value)) {
				return level;
			}
		}
		throw new IllegalArgumentException("\"" + text + "\" is no level; write high, medium or low");
	}

}
