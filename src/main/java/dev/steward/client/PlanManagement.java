package dev.steward.client;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.steward.client.PlanRefused.Reason;
import dev.steward.directory.DirectoryManagement;
import dev.steward.firm.FirmDefaults;
import dev.steward.scheduling.ProjectCalendars;
import dev.steward.scheduling.Shift;
import dev.steward.scheduling.WorkingCalendar;
import dev.steward.scheduling.WorkingCalendars;

/**
 * The communication plans' API (沟通计划, §5.2.1–2). A plan belongs to a client's profile, so it is
 * for the client's circle ({@link ClientManagement#mayReadDetails}); a project's plan is for those
 * who may see the project. They read it, add, change and stop it. Its contacts are logged by its
 * owner, the project manager (for a client's own plan, a manager of one of its projects) or an
 * admin; each moves the next due date on by the frequency, on a working day of the plan's calendar
 * (its project's, else the firm's) in the owner's zone.
 */
@Service
public class PlanManagement {

	/** The longest note on a logged contact. */
	public static final int NOTE = 500;

	private final CommunicationPlans plans;

	private final ClientManagement clients;

	private final ObjectProvider<ClientProjects> projects;

	private final DirectoryManagement directory;

	private final WorkingCalendars calendars;

	private final ObjectProvider<ProjectCalendars> projectCalendars;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId firmZone;

	PlanManagement(CommunicationPlans plans, ClientManagement clients, ObjectProvider<ClientProjects> projects,
			DirectoryManagement directory, WorkingCalendars calendars, ObjectProvider<ProjectCalendars> projectCalendars,
			ApplicationEventPublisher events, Clock clock, FirmDefaults firm) {
		this.plans = plans;
		this.clients = clients;
		this.projects = projects;
		this.directory = directory;
		this.calendars = calendars;
		this.projectCalendars = projectCalendars;
		this.events = events;
		this.clock = clock;
		this.firmZone = firm.zone();
	}

	// --- what a plan is for --------------------------------------------------------------------

	/**
	 * What typed text names: a project by its code ({@code P-2026-0001}), else a client by its name
	 * (trimmed, whatever its case).
	 * @throws PlanRefused if no project has the code, or the project names no client
	 * @throws ClientRefused if no client has the name
	 */
	@Transactional(readOnly = true)
	public PlanScope scope(String typed) {
		var text = typed == null ? "" : typed.strip();
		if (text.matches("(?i)P-\\d{4}-\\d+")) {
			var project = projects().byCode(text.toUpperCase(java.util.Locale.ROOT))
				.orElseThrow(() -> new PlanRefused(Reason.UNKNOWN_PROJECT, text));
			if (project.clientId() == null) {
				throw new PlanRefused(Reason.NO_CLIENT, project.code());
			}
			return new PlanScope(project.clientId(), clients.name(project.clientId()).orElse(""), project.id(),
					project.code());
		}
		var client = clients.byName(text).orElseThrow(() -> new ClientRefused(ClientRefused.Reason.UNKNOWN_CLIENT, text));
		return new PlanScope(client.id(), client.name(), null, null);
	}

	/** What a plan is for, as people name it. */
	@Transactional(readOnly = true)
	public PlanScope scopeOf(CommunicationPlan plan) {
		var code = plan.projectId() == null ? null
				: projects().byId(plan.projectId()).map(ClientProjects.ClientProject::code).orElse("#" + plan.projectId());
		return new PlanScope(plan.clientId(), clients.name(plan.clientId()).orElse(""), plan.projectId(), code);
	}

	// --- changes -------------------------------------------------------------------------------

	/** Refuses, before the form is filled, someone who may not add a plan there. */
	public void checkMayAdd(String actorId, PlanScope scope) {
		checkMayManage(scope.clientId(), scope.projectId(), actorId);
	}

	/**
	 * Adds a plan; its first contact is due on {@code firstDue} (the next working day if that is not
	 * one), or one frequency from today where the owner lives.
	 */
	@Transactional
	public CommunicationPlan add(String actorId, PlanScope scope, PlanDetails details, LocalDate firstDue) {
		checkMayManage(scope.clientId(), scope.projectId(), actorId);
		checkOwner(details.ownerId(), scope.clientId(), scope.projectId());
		var calendar = calendarOf(scope.projectId());
		var due = firstDue == null ? nextDue(today(details.ownerId()), details.everyDays(), calendar)
				: asked(firstDue, details.ownerId(), calendar);
		var plan = plans.save(CommunicationPlan.create(scope.clientId(), scope.projectId(), details, due, actorId,
				clock.instant()));
		events.publishEvent(plan.added());
		return plan;
	}

	/** Changes a plan; a new next due date, when given, falls on a working day and not in the past. */
	@Transactional
	public CommunicationPlan edit(String actorId, long planId, PlanDetails details, LocalDate nextDue) {
		var plan = find(planId);
		checkMayManage(plan.clientId(), plan.projectId(), actorId);
		checkOwner(details.ownerId(), plan.clientId(), plan.projectId());
		var due = nextDue == null || nextDue.equals(plan.nextDue()) ? plan.nextDue()
				: asked(nextDue, details.ownerId(), calendarOf(plan.projectId()));
		plan.edit(details, due, actorId, clock.instant());
		return plans.save(plan);
	}

	/** Stops a plan: no more reminders, and nothing overdue. */
	@Transactional
	public CommunicationPlan stop(String actorId, long planId) {
		var plan = find(planId);
		checkMayManage(plan.clientId(), plan.projectId(), actorId);
		plan.stop(actorId, clock.instant());
		return plans.save(plan);
	}

	/**
	 * Refuses, before a note is typed, a log the plan would refuse: by someone who may not, of a
	 * contact no longer due.
	 */
	@Transactional(readOnly = true)
	public CommunicationPlan checkMayLog(String actorId, long planId, LocalDate due) {
		var plan = find(planId);
		checkMayLog(plan, actorId);
		plan.checkMayLog(due);
		return plan;
	}

	/**
	 * Logs the contact due on a day, with an optional note; the next is due one frequency after the
	 * due date, or after today where the owner lives if that is later, on a working day of the
	 * plan's calendar.
	 */
	@Transactional
	public CommunicationPlan log(String actorId, long planId, LocalDate due, String note) {
		var plan = find(planId);
		checkMayLog(plan, actorId);
		var text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > NOTE) {
			throw new PlanRefused(Reason.INVALID, "note");
		}
		// from the later of the due date and the day of the contact: a contact made early keeps the
		// rhythm, one made late restarts it, and the next due date is always after this one
		var today = today(plan.ownerId());
		var from = today.isAfter(plan.nextDue()) ? today : plan.nextDue();
		var next = nextDue(from, plan.everyDays(), calendarOf(plan.projectId()));
		plan.log(due, actorId, text, clock.instant(), next);
		return plans.save(plan);
	}

	// --- reading -------------------------------------------------------------------------------

	/** A plan, for those who may read it. */
	@Transactional(readOnly = true)
	public CommunicationPlan plan(String actorId, long planId) {
		var plan = find(planId);
		if (!mayRead(plan, actorId)) {
			throw new PlanRefused(Reason.NOT_ALLOWED, null);
		}
		return plan;
	}

	/** A plan as it is, for the firm's own work (messages written for its owner): no person asks. */
	@Transactional(readOnly = true)
	public Optional<CommunicationPlan> find(Long planId) {
		return planId == null ? Optional.empty() : plans.findById(planId);
	}

	/**
	 * The plans of a client (its own and its projects') or of a project, or with no scope every plan,
	 * each only if the person may read it; active ones first, by id.
	 */
	@Transactional(readOnly = true)
	public List<CommunicationPlan> list(String actorId, Optional<PlanScope> scope) {
		List<CommunicationPlan> found;
		if (scope.isEmpty()) {
			found = plans.findAllByOrderById();
		}
		else if (scope.get().ofProject()) {
			checkMayManage(scope.get().clientId(), scope.get().projectId(), actorId);
			found = plans.findByProjectIdOrderById(scope.get().projectId());
		}
		else {
			checkMayManage(scope.get().clientId(), null, actorId);
			found = plans.findByClientIdOrderById(scope.get().clientId());
		}
		var readable = new ArrayList<CommunicationPlan>();
		found.stream().filter(CommunicationPlan::active).filter(plan -> mayRead(plan, actorId)).forEach(readable::add);
		found.stream().filter(plan -> !plan.active()).filter(plan -> mayRead(plan, actorId)).forEach(readable::add);
		return readable;
	}

	/**
	 * The plans of a project's digest whose contact is overdue by more than their frequency at a
	 * moment (each in its owner's zone): the project's own, and its client's own.
	 */
	@Transactional(readOnly = true)
	public List<CommunicationPlan> overdue(long projectId, Long clientId, Instant at) {
		var found = new ArrayList<>(plans.findByProjectIdOrderById(projectId));
		if (clientId != null) {
			found.addAll(plans.findClientWide(clientId));
		}
		return found.stream().filter(plan -> plan.overdue(LocalDate.ofInstant(at, zoneOf(plan.ownerId())))).toList();
	}

	/** Whether the person may read a plan: a project's plan for who may see the project, else the client's circle. */
	public boolean mayRead(CommunicationPlan plan, String personId) {
		return mayManage(plan.clientId(), plan.projectId(), personId);
	}

	/** Whether the person may log a plan's contacts: its owner, the project manager, or an admin. */
	public boolean mayLog(CommunicationPlan plan, String personId) {
		if (personId.equals(plan.ownerId()) || directory.isAdmin(personId)) {
			return true;
		}
		if (plan.projectId() != null) {
			return projects().byId(plan.projectId()).map(project -> personId.equals(project.managerId())).orElse(false);
		}
		return projects().managersOf(plan.clientId()).contains(personId);
	}

	// --- time ----------------------------------------------------------------------------------

	/** A person's time zone: theirs in the directory, else the firm's. */
	public ZoneId zoneOf(String personId) {
		return directory.person(personId).map(person -> person.zone()).filter(Objects::nonNull).orElse(firmZone);
	}

	/** The calendar a plan's contacts fall on: its project's (its reporting schedule's), else the firm's default. */
	public WorkingCalendar calendarOf(Long projectId) {
		if (projectId == null) {
			return calendars.defaultCalendar();
		}
		var named = projectCalendars.orderedStream()
			.map(source -> source.calendarOf(projectId))
			.flatMap(Optional::stream)
			.findFirst()
			.orElse(null);
		return calendars.forId(named);
	}

	/** One frequency after a day, on a working day of the calendar. */
	static LocalDate nextDue(LocalDate from, int everyDays, WorkingCalendar calendar) {
		var nominal = from.plusDays(everyDays);
		return calendar.shift(nominal, Shift.NEXT).orElse(nominal);
	}

	private LocalDate asked(LocalDate due, String ownerId, WorkingCalendar calendar) {
		if (due.isBefore(today(ownerId))) {
			throw new PlanRefused(Reason.DUE_PAST, due.toString());
		}
		return calendar.shift(due, Shift.NEXT).orElse(due);
	}

	LocalDate today(String personId) {
		return LocalDate.now(clock.withZone(zoneOf(personId)));
	}

	// --- rules ---------------------------------------------------------------------------------

	private CommunicationPlan find(long planId) {
		return plans.findById(planId).orElseThrow(() -> new PlanRefused(Reason.UNKNOWN_PLAN, String.valueOf(planId)));
	}

	private boolean mayManage(long clientId, Long projectId, String personId) {
		if (projectId != null) {
			return projects().maySee(projectId, personId);
		}
		return clients.mayReadDetails(clientId, personId);
	}

	private void checkMayManage(long clientId, Long projectId, String personId) {
		if (!mayManage(clientId, projectId, personId)) {
			throw new PlanRefused(Reason.NOT_ALLOWED, null);
		}
	}

	private void checkMayLog(CommunicationPlan plan, String personId) {
		if (!mayRead(plan, personId) || !mayLog(plan, personId)) {
			throw new PlanRefused(Reason.NOT_OWNER, plan.ownerId());
		}
	}

	/** The owner is someone in the directory who may read the plan: reminders say what it is. */
	private void checkOwner(String ownerId, long clientId, Long projectId) {
		if (directory.person(ownerId).isEmpty()) {
			throw new PlanRefused(Reason.UNKNOWN_OWNER, ownerId);
		}
		if (!mayManage(clientId, projectId, ownerId)) {
			throw new PlanRefused(Reason.OWNER_OUTSIDE, ownerId);
		}
	}

	/** The projects, as the module that holds them tells; none known when it is absent (a module test). */
	private ClientProjects projects() {
		return projects.getIfAvailable(() -> ClientProjects.NONE);
	}


}
