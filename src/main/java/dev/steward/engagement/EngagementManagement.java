package dev.steward.engagement;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.steward.approval.ApprovalEvents;
import dev.steward.approval.ApprovalManagement;
import dev.steward.approval.ApprovalRequest;
import dev.steward.approval.ApprovalStatus;
import dev.steward.approval.DecisionRefused;
import dev.steward.client.ClientManagement;
import dev.steward.directory.DirectoryManagement;
import dev.steward.directory.Person;
import dev.steward.directory.Role;
import dev.steward.firm.FirmDefaults;

import org.springframework.modulith.events.ApplicationModuleListener;

import tools.jackson.databind.json.JsonMapper;

/** The engagement module's API: apply for a project, revise an application, find projects. */
@Service
@Transactional
public class EngagementManagement {

	/** The approval request type of a project application, as in {@code config/approvals.yaml}. */
	public static final String APPLICATION = "project-application";

	private final Applications applications;

	private final Projects projects;

	private final ProjectCodes codes;

	private final ApprovalManagement approvals;

	private final ClientManagement clients;

	private final DirectoryManagement directory;

	private final JsonMapper json;

	private final Clock clock;

	private final ZoneId firmZone;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	EngagementManagement(Applications applications, Projects projects, ProjectCodes codes,
			ApprovalManagement approvals, DirectoryManagement directory, ClientManagement clients, JsonMapper json,
			Clock clock, FirmDefaults firm, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.applications = applications;
		this.clients = clients;
		this.projects = projects;
		this.codes = codes;
		this.approvals = approvals;
		this.directory = directory;
		this.json = json;
		this.clock = clock;
		this.firmZone = firm.zone();
	}

	/** Files an application from a channel and starts its approval chain. */
	public Application apply(String applicantId, ApplicationDetails details, Home from) {
		var client = clients.named(details.client(), applicantId);
		var application = applications.save(Application.submit(applicantId, withManager(details, applicantId),
				client.id(), from, clock.instant()));
		approvals.submit(APPLICATION, String.valueOf(application.id()), applicantId,
				application.details().departmentId(), application.details().title());
		return application;
	}

	/**
	 * Revises an application whose approver asked for changes, and sends it back to them.
	 * @throws ApplicationRefused if the person may not, or the application is not waiting for changes
	 */
	public Application revise(long applicationId, String personId, ApplicationDetails details) {
		var application = checkMayRevise(applicationId, personId);
		var request = approvalOf(application).orElseThrow();
		var revised = withManager(details, application.applicantId());
		application.revise(revised, clients.named(revised.client(), personId).id(),
				json.writeValueAsString(application.details()));
		application = applications.save(application);
		approvals.resubmit(request.id(), personId, revised.title());
		return application;
	}

	/** Throws {@link ApplicationRefused} unless the person may revise the application now. */
	@Transactional(readOnly = true)
	public Application checkMayRevise(long applicationId, String personId) {
		var application = applications.findById(applicationId)
			.orElseThrow(() -> new ApplicationRefused(ApplicationRefused.Reason.NOT_FOUND));
		var request = approvalOf(application).orElseThrow();
		if (!application.applicantId().equals(personId) && !isAdmin(personId)) {
			throw new ApplicationRefused(ApplicationRefused.Reason.NOT_APPLICANT);
		}
		if (request.status() != ApprovalStatus.CHANGES_REQUESTED) {
			throw new ApplicationRefused(ApplicationRefused.Reason.NOT_WAITING_FOR_CHANGES);
		}
		return application;
	}

	@Transactional(readOnly = true)
	public Optional<Application> application(long id) {
		return applications.findById(id);
	}

	/** The details as they were before the last revision, if it was revised. */
	@Transactional(readOnly = true)
	public Optional<ApplicationDetails> previousDetails(Application application) {
		return Optional.ofNullable(application.previous())
			.map(previous -> json.readValue(previous, ApplicationDetails.class));
	}

	@Transactional(readOnly = true)
	public Optional<ApprovalRequest> approvalOf(Application application) {
		return approvals.latestFor(APPLICATION, String.valueOf(application.id()));
	}

	@Transactional(readOnly = true)
	public Optional<Project> project(String code) {
		return projects.findByCode(code.strip().toUpperCase(java.util.Locale.ROOT));
	}

	@Transactional(readOnly = true)
	public Optional<Project> project(long id) {
		return projects.findById(id);
	}

	/** A project as one row, without loading its team and history. */
	public Optional<ProjectSummary> summary(long projectId) {
		return Optional.ofNullable(summaries(List.of(projectId)).get(projectId));
	}

	/** Several projects as rows, by id (those that are gone are missing): one query for a job's page. */
	public java.util.Map<Long, ProjectSummary> summaries(java.util.Collection<Long> projectIds) {
		var found = new java.util.HashMap<Long, ProjectSummary>();
		if (projectIds.isEmpty()) {
			return found;
		}
		jdbc.sql("select id, code, title, client_id, manager_id, status from project where id in (:ids)")
			.param("ids", List.copyOf(projectIds))
			.query((rs, row) -> new ProjectSummary(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
					rs.getObject("client_id", Long.class), rs.getString("manager_id"),
					Project.Status.valueOf(rs.getString("status"))))
			.list()
			.forEach(summary -> found.put(summary.id(), summary));
		return found;
	}

	/**
	 * A project's code, without loading the project (for lists of many things of many projects). A
	 * code never changes once given, so each is read once.
	 */
	public Optional<String> code(long projectId) {
		var known = codesById.get(projectId);
		if (known != null) {
			return Optional.of(known);
		}
		var code = projects.findCodeById(projectId);
		code.ifPresent(found -> codesById.put(projectId, found));
		return code;
	}

	/** Project codes read so far, by project id: as many as the firm has projects. */
	private final java.util.Map<Long, String> codesById = new java.util.concurrent.ConcurrentHashMap<>();

	@Transactional(readOnly = true)
	public Optional<Project> projectOf(long applicationId) {
		return projects.findByApplicationId(applicationId);
	}

	@Transactional(readOnly = true)
	public List<Project> projects() {
		return projects.findAllByOrderByCodeDesc();
	}

	@Transactional(readOnly = true)
	public List<Project> managedBy(String personId) {
		return projects.findByManagerIdOrderByCodeDesc(personId);
	}

	/** Moves a project's home channel; only its manager or an admin may. */
	public Project moveHome(String code, String personId, Home to) {
		var project = project(code).orElseThrow();
		project.moveHome(to, personId, isAdmin(personId), clock.instant());
		return projects.save(project);
	}

	/** Adds a person to a project's team with a duty; only its manager or an admin may. */
	public Project addMember(String code, String personId, String duty, String actorId) {
		var project = project(code).orElseThrow();
		if (directory.person(personId).isEmpty()) {
			throw new IllegalArgumentException("Not in the directory: " + personId);
		}
		project.addMember(personId, duty, actorId, isAdmin(actorId), clock.instant());
		return projects.save(project);
	}

	/** Takes a person off a project's team; answers whether they were on it. */
	public boolean removeMember(String code, String personId, String actorId) {
		var project = project(code).orElseThrow();
		boolean removed = project.removeMember(personId, actorId, isAdmin(actorId), clock.instant());
		projects.save(project);
		return removed;
	}

	/** Pauses or resumes a project; answers whether anything changed. */
	public boolean setPaused(String code, boolean paused, String actorId) {
		var project = project(code).orElseThrow();
		boolean changed = project.setPaused(paused, actorId, isAdmin(actorId), clock.instant());
		projects.save(project);
		return changed;
	}

	private boolean isAdmin(String personId) {
		return directory.isAdmin(personId);
	}

	// --- authority over projects: the one place modules ask who may see or act on one ------------

	/** Whether the person is on the project's team (its manager included). */
	@Transactional(readOnly = true)
	public boolean isOnTeam(String code, String personId) {
		return project(code).map(project -> project.hasMember(personId)).orElse(false);
	}

	/** Whether the person is on the project's team (its manager included). */
	@Transactional(readOnly = true)
	public boolean isOnTeam(long projectId, String personId) {
		return project(projectId).map(project -> project.hasMember(personId)).orElse(false);
	}

	/**
	 * Whether the person may see the project and what hangs off it (reports, risks, clients'
	 * details): its team, the head of its department, management and admins.
	 */
	@Transactional(readOnly = true)
	public boolean maySee(String code, String personId) {
		return project(code).map(project -> maySee(project, personId)).orElse(false);
	}

	/** {@link #maySee(String, String)} for a project already at hand. */
	public boolean maySee(Project project, String personId) {
		return project.hasMember(personId) || directory.heads(personId, project.departmentId())
				|| directory.holds(personId, Role.MANAGEMENT) || directory.isAdmin(personId);
	}

	/** Final approval of an application creates its project (§2.1.4), once. */
	@ApplicationModuleListener
	void on(ApprovalEvents.Completed completed) {
		if (!APPLICATION.equals(completed.type()) || completed.outcome() != ApprovalStatus.APPROVED) {
			return;
		}
		long applicationId = Long.parseLong(completed.subjectId());
		if (projects.findByApplicationId(applicationId).isPresent()) {
			return;
		}
		var application = applications.findById(applicationId).orElseThrow();
		var request = approvals.find(completed.requestId()).orElseThrow();
		var approver = request.history().get(request.history().size() - 1).actorId();
		var now = clock.instant();
		var code = codes.next(now.atZone(firmZone).getYear());
		var project = projects.save(Project.create(code, application, approver, now));
		projects.save(project.announce());
	}

	private static ApplicationDetails withManager(ApplicationDetails details, String applicantId) {
		if (details.managerId() != null && !details.managerId().isBlank()) {
			return details;
		}
		return new ApplicationDetails(details.title(), details.client(), details.departmentId(), applicantId,
				details.background(), details.clientNeeds(), details.scaleBudget(), details.expectedRevenue(),
				details.keyRisks(), details.reason(), details.solution());
	}

}
