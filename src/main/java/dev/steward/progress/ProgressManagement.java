package dev.steward.progress;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.steward.directory.DirectoryManagement;
import dev.steward.directory.Person;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Project;
import dev.steward.engagement.TeamMember;
import dev.steward.firm.FirmDefaults;
import dev.steward.progress.ProgressRefused.Reason;
import dev.steward.scheduling.Shift;
import dev.steward.firm.Separately;

/**
 * The progress module's API. Its jobs call {@link #prompt}, {@link #remind}, {@link #close} and
 * {@link #portfolio} when due; each step happens once a week however often it is called. The
 * rules live in {@link Cycle}; when jobs run is {@link ProgressPlanning}'s business.
 */
@Service
@Transactional
public class ProgressManagement {

	private static final Logger log = LoggerFactory.getLogger(ProgressManagement.class);

	static final String GROUP = "progress";

	/** How often a job's step that lost a race with another change of the same week is run again. */
	private static final int ATTEMPTS = 3;

	private final Cycles cycles;

	private final ReportingSchedules schedules;

	private final EngagementManagement engagements;

	private final DirectoryManagement directory;

	private final ProgressPlanning planning;

	private final ProgressSettings settings;

	private final Clock clock;

	private final ZoneId firmZone;

	private final Separately separately;

	ProgressManagement(Cycles cycles, ReportingSchedules schedules, EngagementManagement engagements,
			DirectoryManagement directory, ProgressPlanning planning, ProgressSettings settings, Clock clock,
			FirmDefaults firm, Separately separately) {
		this.cycles = cycles;
		this.schedules = schedules;
		this.engagements = engagements;
		this.directory = directory;
		this.planning = planning;
		this.settings = settings;
		this.clock = clock;
		this.firmZone = firm.zone();
		this.separately = separately;
	}

	// --- schedule -------------------------------------------------------------------------------

	/** The project's schedule, or the firm's defaults. */
	@Transactional(readOnly = true)
	public ReportingSchedule schedule(long projectId) {
		return schedules.findById(projectId).orElseGet(() -> defaultSchedule(projectId));
	}

	/** The firm's defaults, for a project that has no schedule of its own. */
	private ReportingSchedule defaultSchedule(long projectId) {
		return ReportingSchedule.of(projectId, settings.reportDay(), settings.reportTime(), settings.deadlineDay(),
				settings.deadlineTime(), firmZone, planning.defaultCalendarId(), Shift.PREVIOUS);
	}

	/** The schedules of several projects at once (a round through many), the firm's defaults where one has none. */
	@Transactional(readOnly = true)
	public java.util.Map<Long, ReportingSchedule> schedules(java.util.Collection<Long> projectIds) {
		var found = new java.util.HashMap<Long, ReportingSchedule>();
		schedules.findAllById(projectIds).forEach(schedule -> found.put(schedule.projectId(), schedule));
		for (var projectId : projectIds) {
			found.computeIfAbsent(projectId, this::defaultSchedule);
		}
		return found;
	}

	/**
	 * The project manager (or an admin) changes when the project reports; its jobs move at once.
	 * @throws ProgressRefused if the actor may not
	 */
	public ReportingSchedule changeSchedule(long projectId, String actorId, DayOfWeek day, LocalTime time,
			DayOfWeek deadlineDay, LocalTime deadlineTime, ZoneId zone) {
		var project = engagements.project(projectId).orElseThrow();
		requireManager(project, actorId);
		var schedule = schedule(projectId);
		schedule.change(day, time, deadlineDay, deadlineTime, zone);
		var saved = schedules.save(schedule);
		plan(projectId);
		return saved;
	}

	/**
	 * (Re)schedules the project's prompt jobs, one a time zone its members live in, and cancels those
	 * of zones none of its members live in any more (all of them, if the project is gone).
	 */
	public void plan(long projectId) {
		var zones = engagements.project(projectId).map(this::memberZones).orElse(Set.of());
		planning.planPrompts(projectId, schedule(projectId), zones);
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
			var deadline = planning.deadlineAfter(schedule(projectId), scheduledFor)
				.orElse(scheduledFor.plus(Duration.ofDays(3)));
			var cycle = cycleFor(projectId, Cycle.week(scheduledFor, zone), deadline);
			boolean isLate = late.compareTo(Duration.ofMinutes(5)) > 0;
			var members = memberIds(project).stream().filter(person -> zoneOf(person).equals(zone)).toList();
			var team = memberIds(project);
			// the zone's prompts, their messages and the channel's line together: all of them or none,
			// and a member already prompted this week (a run again after a crash) is not prompted twice
			step(cycle, week -> !week.prompt(members, now, isLate).isEmpty() | week.announce(team, now));
			planning.scheduleFollowUps(projectId, cycle.deadlineAt());
		}
		finally {
			// next week's prompts; the team's changes have already moved or cancelled other zones' jobs
			if (project != null) {
				planning.schedulePrompts(projectId, schedule(projectId), memberZones(project));
			}
		}
	}

	/** Reminds, once, the members of the current week who have not reported. */
	@Transactional(propagation = Propagation.NOT_SUPPORTED) // the step has a transaction of its own
	public void remind(long projectId) {
		var cycle = cycles.findFirstByProjectIdOrderByWeekDesc(projectId).orElse(null);
		var project = engagements.project(projectId).orElse(null);
		if (cycle == null || project == null || project.status() == Project.Status.PAUSED) {
			return;
		}
		var team = memberIds(project);
		step(cycle, week -> week.remind(team, clock.instant()));
	}

	/** Closes the current week at its deadline: the project manager gets the digest, once. */
	@Transactional(propagation = Propagation.NOT_SUPPORTED) // the step has a transaction of its own
	public void close(long projectId) {
		cycles.findFirstByProjectIdOrderByWeekDesc(projectId)
			.ifPresent(cycle -> step(cycle, week -> week.close(clock.instant())));
	}

	/** Announces management's weekly roll-up and schedules the next one. */
	public void portfolio(Instant scheduledFor) {
		planning.portfolioDue(Cycle.week(scheduledFor, firmZone));
		planPortfolio();
	}

	/** Schedules the next portfolio roll-up, in the firm's time zone and calendar. */
	public void planPortfolio() {
		planning.planPortfolio(firmZone);
	}

	// --- reports --------------------------------------------------------------------------------

	/**
	 * Saves a member's report for the current week (editable until the digest goes out).
	 * @throws ProgressRefused if the person is not on the team or this week's digest already went out
	 */
	public ProgressReport submit(long projectId, String personId, String done, String nextWeek, String blockers,
			int percent, Rag rag) {
		var project = engagements.project(projectId).orElseThrow();
		requireMember(project, personId);
		var cycle = openCycle(project, zoneOf(personId));
		var report = cycle.submit(personId, done, nextWeek, blockers, percent, rag, clock.instant());
		cycles.save(cycle);
		return report;
	}

	/**
	 * Throws {@link ProgressRefused} unless the person may report on the project now: they are on its
	 * team, and this week's digest has not gone out.
	 */
	@Transactional(readOnly = true)
	public void checkCanReport(long projectId, String personId) {
		var project = engagements.project(projectId).orElseThrow();
		requireMember(project, personId);
		cycles.findFirstByProjectIdOrderByWeekDesc(projectId)
			.ifPresent(latest -> latest.checkAcceptsReportsFor(Cycle.week(clock.instant(), zoneOf(personId))));
	}

	/** Members who were prompted in a week. */
	@Transactional(readOnly = true)
	public List<String> prompted(long cycleId) {
		return cycles.findById(cycleId).map(Cycle::prompted).orElse(List.of());
	}

	/** The project's current week, for a member: theirs to report in, with what they reported so far. */
	@Transactional(readOnly = true)
	public Optional<Cycle> currentCycle(long projectId) {
		return cycles.findFirstByProjectIdOrderByWeekDesc(projectId);
	}

	/**
	 * Excuses a member (on leave) from this week's report.
	 * @throws ProgressRefused unless the actor is the project manager or an admin
	 */
	public Cycle excuse(long projectId, String personId, String actorId, String note) {
		var project = engagements.project(projectId).orElseThrow();
		requireManager(project, actorId);
		var cycle = openCycle(project, zoneOf(personId));
		cycle.excuse(personId, actorId, note, clock.instant());
		return cycles.save(cycle);
	}

	/**
	 * The project manager sends the closed week's digest on, with a comment, once.
	 * @throws ProgressRefused if the actor may not, the week is not closed, or it went on already
	 */
	public Cycle forward(long cycleId, String actorId, String comment) {
		var cycle = cycles.findById(cycleId).orElseThrow();
		var project = engagements.project(cycle.projectId()).orElseThrow();
		requireManager(project, actorId);
		cycle.forward(actorId, comment, clock.instant());
		return cycles.save(cycle);
	}

	/**
	 * Checks the actor may send the closed week's digest on now, before they write their comment.
	 * @throws ProgressRefused if the actor may not, the week is not closed, or it went on already
	 */
	@Transactional(readOnly = true)
	public Cycle checkMayForward(long cycleId, String actorId) {
		var cycle = cycles.findById(cycleId).orElseThrow();
		requireManager(engagements.project(cycle.projectId()).orElseThrow(), actorId);
		cycle.checkForwardable();
		return cycle;
	}

	@Transactional(readOnly = true)
	public Optional<Cycle> cycle(long cycleId) {
		return cycles.findById(cycleId);
	}

	@Transactional(readOnly = true)
	public List<ProgressReport> reports(long cycleId) {
		return cycles.findById(cycleId).map(Cycle::reports).orElse(List.of());
	}

	@Transactional(readOnly = true)
	public Optional<ProgressReport> report(long cycleId, String personId) {
		return cycles.findById(cycleId).flatMap(cycle -> cycle.report(personId));
	}

	/** Team members excused from the week. */
	@Transactional(readOnly = true)
	public List<String> excused(long cycleId) {
		return cycles.findById(cycleId).map(Cycle::excused).orElse(List.of());
	}

	/** Team members who have not reported, excused ones aside. */
	@Transactional(readOnly = true)
	public List<String> missing(Cycle cycle) {
		return cycle.missing(memberIds(engagements.project(cycle.projectId()).orElseThrow()));
	}

	// --- helpers --------------------------------------------------------------------------------

	/** The week a report now goes into: the latest not yet sent on, or this week's. */
	private Cycle openCycle(Project project, ZoneId zone) {
		var now = clock.instant();
		var thisWeek = Cycle.week(now, zone);
		var latest = cycles.findFirstByProjectIdOrderByWeekDesc(project.id()).orElse(null);
		if (latest != null && !latest.forwarded()) {
			return latest;
		}
		if (latest != null) {
			latest.checkAcceptsReportsFor(thisWeek);
		}
		var deadline = planning.deadlineAfter(schedule(project.id()), now).orElse(now);
		return cycleFor(project.id(), thisWeek, deadline);
	}

	/** The week's cycle, made (in a transaction of its own, so a race lost to another node spoils nothing) when missing. */
	private Cycle cycleFor(long projectId, String week, Instant deadline) {
		return cycles.findByProjectIdAndWeek(projectId, week).orElseGet(() -> {
			try {
				separately.run(() -> cycles.save(Cycle.of(projectId, week, deadline)));
			}
			catch (DuplicateKeyException raced) {
				// another node made it first
			}
			return cycles.findByProjectIdAndWeek(projectId, week).orElseThrow();
		});
	}

	/**
	 * Runs a job's step of a week in a transaction of its own, saving the week if the step changed
	 * it (its events then write their messages in the same transaction). A step that lost a race
	 * with another change of the week (a report, another zone's prompts) runs again on what won, so
	 * the job neither fails nor does its step twice.
	 */
	private void step(Cycle read, Predicate<Cycle> step) {
		long cycleId = read.id();
		for (int attempt = 1;; attempt++) {
			try {
				separately.run(() -> {
					var cycle = cycles.findById(cycleId).orElseThrow();
					if (step.test(cycle)) {
						cycles.save(cycle);
					}
				});
				return;
			}
			catch (OptimisticLockingFailureException race) {
				if (attempt >= ATTEMPTS) {
					throw race;
				}
				log.debug("Week {} changed meanwhile, running the step again (attempt {})", cycleId, attempt + 1);
			}
		}
	}

	private void requireMember(Project project, String personId) {
		if (!memberIds(project).contains(personId)) {
			throw new ProgressRefused(Reason.NOT_MEMBER);
		}
	}

	private void requireManager(Project project, String actorId) {
		if (!project.managerId().equals(actorId) && !isAdmin(actorId)) {
			throw new ProgressRefused(Reason.NOT_MANAGER);
		}
	}

	private boolean isAdmin(String personId) {
		return directory.isAdmin(personId);
	}

	private static List<String> memberIds(Project project) {
		return project.team().stream().map(TeamMember::personId).toList();
	}

	private Set<ZoneId> memberZones(Project project) {
		var zones = new LinkedHashSet<ZoneId>();
		project.team().forEach(member -> zones.add(zoneOf(member.personId())));
		return zones;
	}

	private ZoneId zoneOf(String personId) {
		return directory.person(personId).map(Person::zone).filter(Objects::nonNull).orElse(firmZone);
	}

}
