package dev.steward.engagement;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/** A member of a project's team and their duty (职责分工). */
@Table("project_member")
public record TeamMember(String personId, String duty, Instant addedAt, String addedBy) {
}
