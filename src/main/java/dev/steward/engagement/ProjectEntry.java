package dev.steward.engagement;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/** One line of a project's own history. */
@Table("project_entry")
public record ProjectEntry(Instant at, String actorId, Action action, String detail) {

	/** What happened to the project. */
	public enum Action {

		CREATED, HOME_CHANNEL_MOVED, MEMBER_ADDED, MEMBER_REMOVED, PAUSED, RESUMED

	}

}
