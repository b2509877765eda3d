package dev.steward.engagement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A project the firm took on (§2.1.4), with a readable code such as {@code P-2026-0001}. */
@Table("project")
public class Project extends AbstractAggregateRoot<Project> {

	/** Where a project stands. */
	public enum Status {

		ACTIVE, PAUSED

	}

	@Id
	private Long id;

	@Version
	private Integer version;

	private final String code;

	private final Long applicationId;

	private final String title;

	private final String client;

	private final Long clientId;

	private final String departmentId;

	private final String managerId;

	@Embedded.Empty(prefix = "home_")
	private Home home;

	private Status status;

	private final Instant createdAt;

	@MappedCollection(idColumn = "project_id", keyColumn = "seq")
	private final List<ProjectEntry> history;

	@MappedCollection(idColumn = "project_id", keyColumn = "seq")
	private final List<TeamMember> team;

	@PersistenceCreator
	Project(Long id, Integer version, String code, Long applicationId, String title, String client, Long clientId,
			String departmentId, String managerId, Home home, Status status, Instant createdAt,
			List<ProjectEntry> history, List<TeamMember> team) {
		this.id = id;
		this.version = version;
		this.code = code;
		this.applicationId = applicationId;
		this.title = title;
		this.client = client;
		this.clientId = clientId;
		this.departmentId = departmentId;
		this.managerId = managerId;
		this.home = home;
		this.status = status;
		this.createdAt = createdAt;
		this.history = new ArrayList<>(history);
		this.team = new ArrayList<>(team);
	}

	static Project create(String code, Application application, String approverId, Instant now) {
		var details = application.details();
		var project = new Project(null, null, code, application.id(), details.title(), details.client(),
				application.clientId(), details.departmentId(), details.managerId(), application.home(), Status.ACTIVE, now, List.of(), List.of());
		project.history.add(new ProjectEntry(now, approverId, ProjectEntry.Action.CREATED, null));
		return project;
	}

	/** Announces the new project once it has its id. */
	Project announce() {
		registerEvent(new ProjectCreated(id, code, applicationId));
		return this;
	}

	/** Moves the project's home; only its manager or an admin may. */
	void moveHome(Home to, String actorId, boolean actorIsAdmin, Instant now) {
		requireManager(actorId, actorIsAdmin);
		this.home = to;
		history.add(new ProjectEntry(now, actorId, ProjectEntry.Action.HOME_CHANNEL_MOVED, to.channel()));
	}

	/** Adds a member with a duty, or changes their duty; only the manager or an admin may. */
	void addMember(String personId, String duty, String actorId, boolean actorIsAdmin, Instant now) {
		requireManager(actorId, actorIsAdmin);
		var cleanDuty = duty == null || duty.isBlank() ? null : duty.strip();
		team.removeIf(member -> member.personId().equals(personId));
		team.add(new TeamMember(personId, cleanDuty, now, actorId));
		history.add(new ProjectEntry(now, actorId, ProjectEntry.Action.MEMBER_ADDED,
				cleanDuty == null ? personId : personId + ": " + cleanDuty));
		registerEvent(new TeamEvents.MemberAdded(id, code, personId, cleanDuty, actorId));
	}

	/** Takes a member off the team; answers whether they were on it. */
	boolean removeMember(String personId, String actorId, boolean actorIsAdmin, Instant now) {
		requireManager(actorId, actorIsAdmin);
		if (!team.removeIf(member -> member.personId().equals(personId))) {
			return false;
		}
		history.add(new ProjectEntry(now, actorId, ProjectEntry.Action.MEMBER_REMOVED, personId));
		registerEvent(new TeamEvents.MemberRemoved(id, code, personId, actorId));
		return true;
	}

	/** Pauses the project (no prompts) or resumes it; answers whether anything changed. */
	boolean setPaused(boolean paused, String actorId, boolean actorIsAdmin, Instant now) {
		requireManager(actorId, actorIsAdmin);
		var wanted = paused ? Status.PAUSED : Status.ACTIVE;
		if (status == wanted) {
			return false;
		}
		status = wanted;
		history.add(new ProjectEntry(now, actorId, paused ? ProjectEntry.Action.PAUSED : ProjectEntry.Action.RESUMED,
				null));
		registerEvent(new TeamEvents.RunningChanged(id, code, paused, actorId));
		return true;
	}

	private void requireManager(String actorId, boolean actorIsAdmin) {
		if (!managerId.equals(actorId) && !actorIsAdmin) {
			throw new NotProjectManager(managerId);
		}
	}

	/** Whether the person is its manager or on its team. */
	public boolean hasMember(String personId) {
		return personId != null
				&& (managerId.equals(personId) || team.stream().anyMatch(member -> member.personId().equals(personId)));
	}

	public List<TeamMember> team() {
		return List.copyOf(team);
	}

	public Long id() {
		return id;
	}

	public String code() {
		return code;
	}

	public Long applicationId() {
		return applicationId;
	}

	public String title() {
		return title;
	}

	public String client() {
		return client;
	}

	/** The client's profile. */
	public Long clientId() {
		return clientId;
	}

	public String departmentId() {
		return departmentId;
	}

	public String managerId() {
		return managerId;
	}

	public Home home() {
		return home;
	}

	public Status status() {
		return status;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public List<ProjectEntry> history() {
		return List.copyOf(history);
	}

	/** Refused: only the project's manager (or an admin) may do that. */
	public static class NotProjectManager extends RuntimeException {

		private final String managerId;

		NotProjectManager(String managerId) {
			super("Only " + managerId + " may do that");
			this.managerId = managerId;
		}

		public String managerId() {
			return managerId;
		}

	}

}
