package dev.steward.engagement;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a project application says (§2.1.2–3): the basics, the opportunity assessment, the reason
 * for applying and the preliminary solution.
 */
public record ApplicationDetails(String title, String client, String departmentId, String managerId,
		String background, String clientNeeds, String scaleBudget, BigDecimal expectedRevenue, String keyRisks,
		String reason, String solution) {

	/** Field names in form order; also the keys of {@link #asMap()}. */
	public static final java.util.List<String> FIELDS = java.util.List.of("title", "client", "departmentId",
			"managerId", "expectedRevenue", "background", "clientNeeds", "scaleBudget", "keyRisks", "reason",
			"solution");

	/** Every field as text, by name, in form order. */
	public Map<String, String> asMap() {
		var map = new LinkedHashMap<String, String>();
		map.put("title", title);
		map.put("client", client);
		map.put("departmentId", departmentId);
		map.put("managerId", managerId);
		map.put("expectedRevenue", expectedRevenue == null ? "" : expectedRevenue.stripTrailingZeros().toPlainString());
		map.put("background", background);
		map.put("clientNeeds", clientNeeds);
		map.put("scaleBudget", scaleBudget);
		map.put("keyRisks", keyRisks);
		map.put("reason", reason);
		map.put("solution", solution);
		return map;
	}

	public static ApplicationDetails fromMap(Map<String, String> map) {
		var revenue = map.getOrDefault("expectedRevenue", "");
		return new ApplicationDetails(map.get("title"), map.get("client"), map.get("departmentId"), map.get("managerId"),
				map.get("background"), map.get("clientNeeds"), map.get("scaleBudget"),
				revenue.isBlank() ? null : new BigDecimal(revenue.replace(",", "")), map.get("keyRisks"),
				map.get("reason"), map.get("solution"));
	}

	/** The names of the fields that differ from another version. */
	public java.util.List<String> changedFrom(ApplicationDetails before) {
		var now = asMap();
		var then = before.asMap();
		return FIELDS.stream().filter(field -> !Objects.equals(now.get(field), then.get(field))).toList();
	}

}
