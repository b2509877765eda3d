package dev.steward.progress;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.directory.DirectoryManagement;
import dev.steward.directory.Person;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Project;
import dev.steward.engagement.TeamMember;
import dev.steward.progress.ProgressEvents.CycleAnnounced;
import dev.steward.progress.ProgressEvents.CycleClosed;
import dev.steward.progress.ProgressEvents.DigestForwarded;
import dev.steward.progress.ProgressEvents.MembersPrompted;
import dev.steward.progress.ProgressEvents.ReminderDue;
import dev.steward.progress.ProgressEvents.ReportSubmitted;
import dev.steward.progress.ProgressStore.PromptStatus;
import dev.steward.scheduling.Scheduling;
import dev.steward.scheduling.WeeklySchedule;
import dev.steward.scheduling.WorkingCalendars;

/**
 * The progress module's API. Its jobs call {@link #prompt}, {@link #remind}, {@link #close} and
 * {@link #portfolio} when due; each step happens once a week however often it is called.
 */
@Service
@Transactional
public class ProgressManagement {

	private static final Logger log = LoggerFactory.getLogger(ProgressManagement.class);

	static final String GROUP = "progress";

	private final ProgressStore store;

	private final EngagementManagement engagements;

	private final DirectoryManagement directory;

	private final WorkingCalendars calendars;

	private final Scheduling scheduling;

	private final ProgressSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId firmZone;

	private final TransactionTemplate inOneGo;

	ProgressManagement(ProgressStore store, EngagementManagement engagements, DirectoryManagement directory,
			WorkingCalendars calendars, Scheduling scheduling, ProgressSettings settings,
			ApplicationEventPublisher events, Clock clock, @Value("${steward.default-time-zone:UTC}") ZoneId firmZone,
			PlatformTransactionManager transactions) {
		this.store = store;
		this.engagements = engagements;
		this.directory = directory;
		this.calendars = calendars;
		this.scheduling = scheduling;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
		this.firmZone = firmZone;
		this.inOneGo = new TransactionTemplate(transactions);
		this.inOneGo.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	// --- schedule -------------------------------------------------------------------------------

	/** The project's schedule, or the firm's defaults. */
	@Transactional(readOnly = true)
	public ReportingSchedule schedule(long projectId) {
		return store.schedule(projectId)
			.orElseGet(() -> new ReportingSchedule(projectId, settings.reportDay(), settings.reportTime(),
					settings.deadlineDay(), settings.deadlineTime(), firmZone, calendars.defaultCalendar().id(),
					dev.steward.scheduling.Shift.PREVIOUS));
	}

	/** The project manager (or an admin) changes when the project reports; its jobs move at once. */
	public ReportingSchedule changeSchedule(long projectId, String actorId, DayOfWeek day, LocalTime time,
			DayOfWeek deadlineDay, LocalTime deadlineTime, ZoneId zone) {
		var project = engagements.project(projectId).orElseThrow();
		requireManager(project, actorId);
		var changed = schedule(projectId).with(day, time, deadlineDay, deadlineTime, zone);
		store.save(changed);
		plan(projectId);
		return changed;
	}

	/**
	 * (Re)schedules the project's prompt jobs, one a time zone its members live in, and cancels those
	 * of zones none of its members live in any more.
	 */
	public void plan(long projectId) {
		var project = engagements.project(projectId).orElse(null);
		var prefix = promptJobPrefix(projectId);
		var zones = project == null ? Set.<ZoneId>of() : memberZones(project);
		var wanted = zones.stream().map(zone -> promptJob(projectId, zone)).toList();
		scheduling.jobNames(GROUP)
			.stream()
			.filter(name -> name.startsWith(prefix) && !wanted.contains(name))
			.forEach(name -> scheduling.cancel(GROUP, name));
		if (project != null) {
			schedulePrompts(project, zones);
		}
	}

	/** Schedules the next prompt in each of these zones (a job already there is moved). */
	private void schedulePrompts(Project project, Set<ZoneId> zones) {
		long projectId = project.id();
		var schedule = schedule(projectId);
		var calendar = calendars.forId(schedule.calendarId());
		var now = clock.instant();
		for (var zone : zones) {
			schedule.promptIn(zone).next(now, calendar).ifPresent(at -> scheduling.runAt(GROUP, promptJob(projectId, zone), at,
					PromptJob.class, Map.of(PromptJob.PROJECT, projectId, PromptJob.ZONE, zone.getId())));
		}
	}

	// --- the weekly steps -----------------------------------------------------------------------

	/**
	 * Prompts the project's members who live in a time zone, for the week of the scheduled moment.
	 * A prompt later than the grace period (Steward was down) is skipped and logged; a member is
	 * never prompted twice in a week.
	 */
	public void prompt(long projectId, ZoneId zone, Instant scheduledFor) {
		var now = clock.instant();
		var project = engagements.project(projectId).orElse(null);
		try {
			if (project == null || project.status() == Project.Status.PAUSED) {
				return;
			}
			var late = Duration.between(scheduledFor, now);
			if (late.compareTo(settings.grace()) > 0) {
				log.warn("Progress prompt of {} for {} was due {} and is {} late, beyond the grace of {}: skipped",
						project.code(), zone, scheduledFor, late, settings.grace());
				return;
			}
			var schedule = schedule(projectId);
			var calendar = calendars.forId(schedule.calendarId());
			var week = week(scheduledFor, zone);
			var deadline = schedule.deadline().next(scheduledFor, calendar).orElse(scheduledFor.plus(Duration.ofDays(3)));
			var cycle = store.cycleFor(projectId, week, deadline);
			boolean isLate = late.compareTo(Duration.ofMinutes(5)) > 0;
			// the zone's prompts, their messages and the channel's line together: all of them or none,
			// and a member already prompted this week (a run again after a crash) is not prompted twice
			inOneGo.executeWithoutResult(status -> {
				var prompted = new java.util.ArrayList<String>();
				for (var member : project.team()) {
					if (zoneOf(member.personId()).equals(zone)
							&& store.recordPrompt(cycle.id(), member.personId(), PromptStatus.SENT, now, null)) {
						prompted.add(member.personId());
					}
				}
				if (!prompted.isEmpty()) {
					events.publishEvent(new MembersPrompted(projectId, cycle.id(), List.copyOf(prompted), isLate));
				}
				if (store.mark(cycle.id(), "announced_at", now)) {
					events.publishEvent(new CycleAnnounced(projectId, cycle.id(),
							project.team().stream().map(TeamMember::personId).toList()));
				}
			});
			var remindAt = cycle.deadlineAt().minus(settings.reminderBefore());
			scheduling.runAt(GROUP, "reminder-" + projectId, remindAt.isAfter(now) ? remindAt : now, ReminderJob.class,
					Map.of(PromptJob.PROJECT, projectId));
			scheduling.runAt(GROUP, "deadline-" + projectId, cycle.deadlineAt(), DeadlineJob.class,
					Map.of(PromptJob.PROJECT, projectId));
		}
		finally {
			// next week's prompts; the team's changes have already moved or cancelled other zones' jobs
			if (project != null) {
				schedulePrompts(project, memberZones(project));
			}
		}
	}

	/** Reminds, once, the members of the current week who have not reported. */
	public void remind(long projectId) {
		var cycle = store.latestCycle(projectId).orElse(null);
		var project = engagements.project(projectId).orElse(null);
		if (cycle == null || project == null || cycle.closed() || project.status() == Project.Status.PAUSED) {
			return;
		}
		if (store.mark(cycle.id(), "reminded_at", clock.instant())) {
			var missing = missing(cycle);
			if (!missing.isEmpty()) {
				events.publishEvent(new ReminderDue(projectId, cycle.id(), missing));
			}
		}
	}

	/** Closes the current week at its deadline: the project manager gets the digest, once. */
	public void close(long projectId) {
		var cycle = store.latestCycle(projectId).orElse(null);
		if (cycle != null && store.mark(cycle.id(), "closed_at", clock.instant())) {
			events.publishEvent(new CycleClosed(projectId, cycle.id()));
		}
	}

	/** Announces management's weekly roll-up and schedules the next one. */
	public void portfolio(Instant scheduledFor) {
		events.publishEvent(new ProgressEvents.PortfolioDue(week(scheduledFor, firmZone)));
		planPortfolio();
	}

	/** Schedules the next portfolio roll-up, in the firm's time zone and calendar. */
	public void planPortfolio() {
		new WeeklySchedule(settings.portfolioDay(), settings.portfolioTime(), firmZone, dev.steward.scheduling.Shift.NEXT)
			.next(clock.instant(), calendars.defaultCalendar())
			.ifPresent(at -> scheduling.runAt(GROUP, "portfolio", at, PortfolioJob.class, Map.of()));
	}

	// --- reports --------------------------------------------------------------------------------

	/**
	 * Saves a member's report for the current week (editable until the digest goes out).
	 * @throws ProgressRefused if the person is not on the team or this week's digest already went out
	 */
	public ProgressReport submit(long projectId, String personId, String done, String nextWeek, String blockers,
			int percent, Rag rag) {
		var project = engagements.project(projectId).orElseThrow();
		if (project.team().stream().noneMatch(member -> member.personId().equals(personId))) {
			throw new ProgressRefused(ProgressRefused.Reason.NOT_MEMBER);
		}
		var cycle = openCycle(project, zoneOf(personId));
		var now = clock.instant();
		var existing = store.report(cycle.id(), personId);
		var report = new ProgressReport(cycle.id(), personId, done, nextWeek, blockers, percent, rag,
				existing.map(ProgressReport::submittedAt).orElse(now), now);
		boolean edited = store.save(report);
		events.publishEvent(new ReportSubmitted(projectId, cycle.id(), personId, edited));
		return report;
	}

	/**
	 * Throws {@link ProgressRefused} unless the person may report on the project now: they are on its
	 * team, and this week's digest has not gone out.
	 */
	@Transactional(readOnly = true)
	public void checkCanReport(long projectId, String personId) {
		var project = engagements.project(projectId).orElseThrow();
		if (project.team().stream().noneMatch(member -> member.personId().equals(personId))) {
			throw new ProgressRefused(ProgressRefused.Reason.NOT_MEMBER);
		}
		var latest = store.latestCycle(projectId).orElse(null);
		if (latest != null && latest.forwarded() && latest.week().equals(week(clock.instant(), zoneOf(personId)))) {
			throw new ProgressRefused(ProgressRefused.Reason.FORWARDED);
		}
	}

	/** Members who were prompted in a week. */
	@Transactional(readOnly = true)
	public List<String> prompted(long cycleId) {
		return store.prompts(cycleId).stream().filter(p -> p.status() == PromptStatus.SENT)
			.map(ProgressStore.Prompt::personId).toList();
	}

	/** The week a report now goes into: the latest not yet sent on, or this week's. */
	Cycle openCycle(Project project, ZoneId zone) {
		var now = clock.instant();
		var thisWeek = week(now, zone);
		var latest = store.latestCycle(project.id()).orElse(null);
		if (latest != null && !latest.forwarded()) {
			return latest;
		}
		if (latest != null && latest.week().equals(thisWeek)) {
			throw new ProgressRefused(ProgressRefused.Reason.FORWARDED);
		}
		var schedule = schedule(project.id());
		var deadline = schedule.deadline().next(now, calendars.forId(schedule.calendarId())).orElse(now);
		return store.cycleFor(project.id(), thisWeek, deadline);
	}

	/** The project's current week, for a member: theirs to report in, with what they reported so far. */
	@Transactional(readOnly = true)
	public Optional<Cycle> currentCycle(long projectId) {
		return store.latestCycle(projectId);
	}

	/** Excuses a member (on leave) from this week's report; only the manager or an admin may. */
	public Cycle excuse(long projectId, String personId, String actorId, String note) {
		var project = engagements.project(projectId).orElseThrow();
		requireManager(project, actorId);
		var cycle = openCycle(project, zoneOf(personId));
		store.excuse(cycle.id(), personId, note, clock.instant());
		return cycle;
	}

	/** The project manager sends the closed week's digest on, with a comment, once. */
	public Cycle forward(long cycleId, String actorId, String comment) {
		var cycle = store.cycle(cycleId).orElseThrow();
		var project = engagements.project(cycle.projectId()).orElseThrow();
		requireManager(project, actorId);
		if (!cycle.closed()) {
			throw new ProgressRefused(ProgressRefused.Reason.NOT_CLOSED);
		}
		if (!store.forward(cycleId, actorId, comment == null || comment.isBlank() ? null : comment.strip(),
				clock.instant())) {
			throw new ProgressRefused(ProgressRefused.Reason.ALREADY_FORWARDED);
		}
		events.publishEvent(new DigestForwarded(project.id(), cycleId, actorId));
		return store.cycle(cycleId).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<Cycle> cycle(long cycleId) {
		return store.cycle(cycleId);
	}

	@Transactional(readOnly = true)
	public List<ProgressReport> reports(long cycleId) {
		return store.reports(cycleId);
	}

	@Transactional(readOnly = true)
	public Optional<ProgressReport> report(long cycleId, String personId) {
		return store.report(cycleId, personId);
	}

	/** Team members excused from the week. */
	@Transactional(readOnly = true)
	public List<String> excused(long cycleId) {
		return store.prompts(cycleId).stream().filter(p -> p.status() == PromptStatus.EXCUSED)
			.map(ProgressStore.Prompt::personId).toList();
	}

	/** Team members who were prompted (or are on the team) and have not reported, excused ones aside. */
	@Transactional(readOnly = true)
	public List<String> missing(Cycle cycle) {
		var project = engagements.project(cycle.projectId()).orElseThrow();
		var reported = store.reports(cycle.id()).stream().map(ProgressReport::personId).toList();
		var excused = excused(cycle.id());
		return project.team().stream().map(TeamMember::personId)
			.filter(person -> !reported.contains(person) && !excused.contains(person))
			.toList();
	}

	// --- helpers --------------------------------------------------------------------------------

	private void requireManager(Project project, String actorId) {
		if (!project.managerId().equals(actorId) && !directory.person(actorId).map(Person::isAdmin).orElse(false)) {
			throw new ProgressRefused(ProgressRefused.Reason.NOT_MANAGER);
		}
	}

	private Set<ZoneId> memberZones(Project project) {
		var zones = new LinkedHashSet<ZoneId>();
		project.team().forEach(member -> zones.add(zoneOf(member.personId())));
		return zones;
	}

	ZoneId zoneOf(String personId) {
		return directory.person(personId).map(Person::zone).filter(java.util.Objects::nonNull).orElse(firmZone);
	}

	static String week(Instant at, ZoneId zone) {
		var date = at.atZone(zone).toLocalDate();
		return "%d-W%02d".formatted(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	/** The name of a project's prompt job for one zone: {@code prompt-<project>-<Zone.Id>}. */
	static String promptJob(long projectId, ZoneId zone) {
		return promptJobPrefix(projectId) + zone.getId().replace('/', '.');
	}

	private static String promptJobPrefix(long projectId) {
		return "prompt-" + projectId + "-";
	}

}
