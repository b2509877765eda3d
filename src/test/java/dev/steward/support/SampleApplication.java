package dev.steward.support;

import java.util.HashMap;
import java.util.Map;

/** A complete, valid project application, as the form's values, for tests of every door. */
public final class SampleApplication {

	private SampleApplication() {
	}

	/** Every field of the application form filled in; the map may be changed. */
	public static Map<String, String> values(String title) {
		var values = new HashMap<String, String>();
		values.put("title", title);
		values.put("client", "Acme Manufacturing");
		values.put("departmentId", "strategy");
		values.put("managerId", "");
		values.put("expectedRevenue", "250000");
		values.put("background", "Acme wants to enter new markets.");
		values.put("clientNeeds", "A market entry strategy for Southeast Asia.");
		values.put("scaleBudget", "Three consultants for twelve weeks; budget 300k.");
		values.put("keyRisks", "Tight timeline; client data quality.");
		values.put("reason", "Strategic client in a growing sector.");
		values.put("solution", "Market scan, interviews, entry options, roadmap.");
		return values;
	}

}
