package dev.steward.risk;

/** How a risk is answered (§6.2). */
public enum Strategy {

	/** Change the plan so the risk cannot happen (§6.2.1). */
	AVOID,
	/** Lower its likelihood or impact (§6.2.2). */
	REDUCE,
	/** Hand it to someone better placed: a contract, insurance (§6.2.3). */
	TRANSFER,
	/** Live with it, watched by a monitoring measure (§6.2.4). */
	ACCEPT;

	public String id() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	static Strategy parse(String text) {
		var value = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
		for (var strategy : values()) {
			if (strategy.name().equals(value)) {
				return strategy;
			}
		}
		throw new IllegalArgumentException("\"" + text + "\" is no strategy; write avoid, reduce, transfer or accept");
	}

}
