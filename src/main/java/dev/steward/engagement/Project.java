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

		ACTIVE

	}

	@Id
	private Long id;

	@Version
	private Integer version;

	private final String code;

	private final Long applicationId;

	private final String title;

	private final String client;

	private final String departmentId;

	private final String managerId;

	@Embedded.Empty(prefix = "home_")
	private Home home;

	private final Status status;

	private final Instant createdAt;

	@MappedCollection(idColumn = "project_id", keyColumn = "seq")
	private final List<ProjectEntry> history;

	@PersistenceCreator
	Project(Long id, Integer version, String code, Long applicationId, String title, String client,
			String departmentId, String managerId, Home home, Status status, Instant createdAt,
			List<ProjectEntry> history) {
		this.id = id;
		this.version = version;
		this.code = code;
		this.applicationId = applicationId;
		this.title = title;
		this.client = client;
		this.departmentId = departmentId;
		this.managerId = managerId;
		this.home = home;
		this.status = status;
		this.createdAt = createdAt;
		this.history = new ArrayList<>(history);
	}

	static Project create(String code, Application application, String approverId, Instant now) {
		var details = application.details();
		var project = new Project(null, null, code, application.id(), details.title(), details.client(),
				details.departmentId(), details.managerId(), application.home(), Status.ACTIVE, now, List.of());
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
		if (!managerId.equals(actorId) && !actorIsAdmin) {
			throw new NotProjectManager(managerId);
		}
		this.home = to;
		history.add(new ProjectEntry(now, actorId, ProjectEntry.Action.HOME_CHANNEL_MOVED, to.channel()));
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
