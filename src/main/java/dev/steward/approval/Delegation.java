package dev.steward.approval;

import java.time.LocalDate;

/** Someone who decides in an approver's place between two dates (inclusive), while they are away. */
public record Delegation(long id, String personId, String delegateId, LocalDate startsOn, LocalDate endsOn) {

	public boolean activeOn(LocalDate date) {
		return !date.isBefore(startsOn) && !date.isAfter(endsOn);
	}

}
