package dev.steward.engagement.chat;

/** The one mapping from an application's field to the key of its label. */
final class FieldLabels {

	private FieldLabels() {
	}

	static String key(String field) {
		return switch (field) {
			case "title" -> "engagement.field.title";
			case "client" -> "engagement.field.client";
			case "departmentId" -> "engagement.field.departmentId";
			case "managerId" -> "engagement.field.managerId";
			case "expectedRevenue" -> "engagement.field.expectedRevenue";
			case "background" -> "engagement.field.background";
			case "clientNeeds" -> "engagement.field.clientNeeds";
			case "scaleBudget" -> "engagement.field.scaleBudget";
			case "keyRisks" -> "engagement.field.keyRisks";
			case "reason" -> "engagement.field.reason";
			case "solution" -> "engagement.field.solution";
			default -> throw new IllegalArgumentException("No application field " + field);
		};
	}

}
