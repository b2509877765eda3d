package dev.steward.risk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.steward.approval.ApprovalEvents;
import dev.steward.approval.ApprovalStatus;
import dev.steward.directory.DirectoryManagement;
import dev.steward.directory.Role;
import dev.steward.engagement.Application;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Project;
import dev.steward.engagement.ProjectCreated;
import dev.steward.firm.FirmDefaults;
import dev.steward.progress.ProgressManagement;
import dev.steward.risk.Risk.Details;
import dev.steward.risk.Risk.Scope;
import dev.steward.risk.RiskEvents.EarlyWarning;
import dev.steward.risk.RiskEvents.EarlyWarning.Trigger;
import dev.steward.risk.RiskEvents.MovedToProject;
import dev.steward.risk.RiskEvents.RiskEscalatedByOwner;
import dev.steward.risk.RiskRefused.Reason;
import dev.steward.scheduling.Shift;
import dev.steward.scheduling.WorkingCalendar;
import dev.steward.scheduling.WorkingCalendars;

/**
 * The risk register's API: identify and assess (§6.1), answer (§6.2), review and warn (§6.3). Who
 * may do what is decided here; the rules of one risk live in {@link Risk}; when reviews are asked
 * for is {@link RiskReviews}' business.
 */
@Service
@Transactional
public class RiskManagement {

	/** Where a new risk goes: a project, an application still in review, or the firm. */
	public sealed interface Target {

		/** A project, by its code. */
		record OfProject(String code) implements Target {
		}

		/** An application in review, by its number. */
		record OfApplication(long id) implements Target {
		}

		/** The whole firm. */
		record FirmWide() implements Target {
		}

		/**
		 * Reads what a person typed: nothing for the firm, {@code #12} or {@code APP-12} for an
		 * application, anything else a project code.
		 */
		static Target parse(String text) {
			var value = text == null ? "" : text.strip();
			if (value.isEmpty() || value.equalsIgnoreCase("firm")) {
				return new FirmWide();
			}
			var application = value.toUpperCase(Locale.ROOT).replaceFirst("^(#|APP-?)", "");
			if (!application.equals(value.toUpperCase(Locale.ROOT)) && application.matches("\\d{1,18}")) {
				return new OfApplication(Long.parseLong(application));
			}
			return new OfProject(value.toUpperCase(Locale.ROOT));
		}

	}

	/**
	 * What to list: a project's risks (or the firm's, or everything the person may see), a level,
	 * only the person's own, open or closed ones.
	 */
	public record Filter(Target scope, RiskLevel level, boolean mine, Risk.Status status) {

		public static Filter everything() {
			return new Filter(null, null, false, null);
		}

	}

	/** What approvers of an application should know of its risks. */
	public record ApplicationRisks(int open, RiskLevel highest, boolean highToAvoid) {
	}

	private final Risks risks;

	private final RiskPolicy policy;

	private final EngagementManagement engagements;

	private final DirectoryManagement directory;

	private final ProgressManagement progress;

	private final WorkingCalendars calendars;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId firmZone;

	RiskManagement(Risks risks, RiskPolicy policy, EngagementManagement engagements, DirectoryManagement directory,
			ProgressManagement progress, WorkingCalendars calendars, ApplicationEventPublisher events, Clock clock,
			FirmDefaults firm) {
		this.risks = risks;
		this.policy = policy;
		this.engagements = engagements;
		this.directory = directory;
		this.progress = progress;
		this.calendars = calendars;
		this.events = events;
		this.clock = clock;
		this.firmZone = firm.zone();
	}

	public RiskPolicy policy() {
		return policy;
	}

	/** Reads a typed target (a project code, {@code #12}, or nothing for the firm). */
	public Target target(String text) {
		return Target.parse(text);
	}

	// --- identify and assess ---------------------------------------------------------------------

	/**
	 * Registers a risk (§6.1). A project's team registers on its project, an application's applicant
	 * (and its approvers) on the application, department heads, management and admins firm-wide.
	 * @param ownerId who answers for it; {@code null}: the project manager (the actor, firm-wide)
	 * @param nextReview its first review; {@code null}: one cadence of its level from today
	 */
	public Risk register(String actorId, Target target, Details details, String ownerId, LocalDate nextReview) {
		checkCategory(details.category());
		var level = policy.level(details.assessment());
		var scope = scopeFor(actorId, target);
		var owner = ownerId == null || ownerId.isBlank() ? defaultOwner(actorId, target) : ownerId;
		checkOwner(owner);
		if (target instanceof Target.FirmWide) {
			scope = Scope.firmWide(directory.person(owner).map(person -> person.departmentId()).orElse(null));
		}
		var calendar = calendarOf(scope.projectId());
		var review = firstReview(nextReview, level, owner, calendar);
		var risk = risks.save(Risk.register(scope, details, level, owner, review, actorId, clock.instant()));
		events.publishEvent(risk.registered());
		if (level == RiskLevel.HIGH) {
			warn(risk, Trigger.NEW_HIGH, null, level, 0, risk.score(), actorId);
		}
		return risk;
	}

	/**
	 * Assesses a risk again, possibly with a new strategy (§6.1.2, §6.2); in a review round this
	 * settles the review. Warns at once when its level rises or a review finds it worse.
	 * @param round the review round answered, or 0
	 */
	public Risk reassess(long riskId, String actorId, Details details, int round) {
		var risk = reviewable(riskId, actorId);
		checkCategory(details.category());
		var fromLevel = risk.level();
		int fromScore = risk.score();
		var level = policy.level(details.assessment());
		var today = today(risk.ownerId());
		var calendar = calendarOf(risk.projectId());
		LocalDate next;
		if (round > 0 || level != fromLevel) {
			next = nextReview(today, level, calendar);
		}
		else {
			next = null;
		}
		risk.reassess(details, level, next, actorId, clock.instant(), round);
		var saved = risks.save(risk);
		if (level.above(fromLevel)) {
			warn(saved, Trigger.LEVEL_ROSE, fromLevel, level, fromScore, saved.score(), actorId);
		}
		else if (round > 0 && saved.score() > fromScore) {
			warn(saved, Trigger.REVIEW_WORSE, fromLevel, level, fromScore, saved.score(), actorId);
		}
		return saved;
	}

	/** A review finds the risk unchanged (§6.3): its next review is one cadence away. */
	public Risk reviewUnchanged(long riskId, int round, String actorId) {
		var risk = reviewable(riskId, actorId);
		risk.reviewUnchanged(round, actorId, clock.instant(), nextReview(today(risk.ownerId()), risk.level(),
				calendarOf(risk.projectId())));
		return risks.save(risk);
	}

	/**
	 * A review escalates the risk: the project manager and the department head (firm-wide: the head
	 * and management) are told at once.
	 */
	public Risk reviewEscalate(long riskId, int round, String actorId, String note) {
		var risk = reviewable(riskId, actorId);
		risk.reviewEscalated(round, actorId, clock.instant(),
				nextReview(today(risk.ownerId()), risk.level(), calendarOf(risk.projectId())), note);
		var saved = risks.save(risk);
		var to = new LinkedHashSet<String>();
		chain(saved).forEach(to::addAll);
		to.remove(actorId);
		events.publishEvent(new RiskEscalatedByOwner(riskId, actorId, List.copyOf(to)));
		return saved;
	}

	/**
	 * Closes a risk with a reason, at any time or as a review's answer.
	 * @param round the review round answered, or 0
	 */
	public Risk close(long riskId, String actorId, String reason, int round) {
		var risk = reviewable(riskId, actorId);
		risk.close(reason, actorId, clock.instant(), round);
		return risks.save(risk);
	}

	/** The project manager, the department head or an admin hands a risk to another owner. */
	public Risk changeOwner(long riskId, String actorId, String newOwnerId) {
		var risk = visible(riskId, actorId);
		if (!mayReassign(risk, actorId)) {
			throw new RiskRefused(Reason.MAY_NOT_REASSIGN);
		}
		checkOwner(newOwnerId);
		risk.changeOwner(newOwnerId, actorId, clock.instant());
		return risks.save(risk);
	}

	/** Checks the person may register a risk there, before they fill in the form; throws if not. */
	@Transactional(readOnly = true)
	public void checkMayRegister(String actorId, Target target) {
		scopeFor(actorId, target);
	}

	/** The risks on one message of due reviews, by its outbox key. */
	@Transactional(readOnly = true)
	public List<Risk> onCard(String cardKey) {
		var onCard = new ArrayList<>(risks.findByReviewCard(cardKey));
		onCard.sort(Comparator.comparing(Risk::level).reversed().thenComparing(Risk::id));
		return onCard;
	}

	/** A project's code, without loading the project. */
	@Transactional(readOnly = true)
	public Optional<String> projectCode(long projectId) {
		return engagements.code(projectId);
	}

	/** What a target names as people read it: a project's code, {@code #12}, or empty for the firm. */
	public Optional<Project> project(Long projectId) {
		return projectId == null ? Optional.empty() : engagements.project(projectId);
	}

	/**
	 * Checks the person may answer for the risk now, before a form opens: allowed, the risk open,
	 * and for a review's round, that round still waiting; throws {@link RiskRefused} if not.
	 * @param round the review round answered, or 0 outside a review
	 */
	@Transactional(readOnly = true)
	public Risk checkMayAnswer(long riskId, int round, String actorId) {
		var risk = reviewable(riskId, actorId);
		risk.checkAnswerable(round);
		return risk;
	}

	/** Checks the person may answer a risk's reviews; throws {@link RiskRefused} if not. */
	@Transactional(readOnly = true)
	public Risk checkMayReview(long riskId, String actorId) {
		return reviewable(riskId, actorId);
	}

	// --- read ---------------------------------------------------------------------------------------

	/** A risk the person may see. */
	@Transactional(readOnly = true)
	public Risk visible(long riskId, String personId) {
		var risk = risks.findById(riskId).orElseThrow(() -> new RiskRefused(Reason.NOT_FOUND, "#" + riskId));
		if (!maySee(risk, personId)) {
			throw new RiskRefused(Reason.NOT_VISIBLE, "#" + riskId);
		}
		return risk;
	}

	@Transactional(readOnly = true)
	public Optional<Risk> find(long riskId) {
		return risks.findById(riskId);
	}

	/** The risks a person may see that pass the filter, newest first. */
	@Transactional(readOnly = true)
	public List<Risk> list(String personId, Filter filter) {
		List<Risk> found;
		if (filter.scope() instanceof Target.OfProject project0) {
			var code = project0.code();
			var project = engagements.project(code).orElseThrow(() -> new RiskRefused(Reason.UNKNOWN_PROJECT, code));
			if (!engagements.maySee(project, personId)) {
				throw new RiskRefused(Reason.NOT_VISIBLE, code);
			}
			found = risks.findByProjectIdOrderByIdDesc(project.id());
		}
		else if (filter.scope() instanceof Target.OfApplication application0) {
			long id = application0.id();
			var application = engagements.application(id)
				.orElseThrow(() -> new RiskRefused(Reason.UNKNOWN_APPLICATION, "#" + id));
			if (!maySeeApplication(application, personId)) {
				throw new RiskRefused(Reason.NOT_VISIBLE, "#" + id);
			}
			found = risks.findByApplicationIdOrderByIdDesc(id);
		}
		else if (filter.scope() instanceof Target.FirmWide) {
			if (!maySeeFirmWide(personId)) {
				throw new RiskRefused(Reason.NOT_VISIBLE);
			}
			found = risks.findFirmWide();
		}
		else {
			var seer = new Seer(personId);
			found = risks.findAllByOrderByIdDesc().stream().filter(seer::maySee).toList();
		}
		return found.stream()
			.filter(risk -> filter.level() == null || risk.level() == filter.level())
			.filter(risk -> !filter.mine() || personId.equals(risk.ownerId()))
			.filter(risk -> filter.status() == null || risk.status() == filter.status())
			.toList();
	}

	/** Whether the person may see the risk: as its project, application or the firm's risks are seen. */
	@Transactional(readOnly = true)
	public boolean maySee(Risk risk, String personId) {
		return new Seer(personId).maySee(risk);
	}

	/** Whether the person may see the firm-wide risks (and the firm's matrix): leaders and admins. */
	public boolean maySeeFirmWide(String personId) {
		return directory.isAdmin(personId) || directory.holds(personId, Role.MANAGEMENT) || headsADepartment(personId);
	}

	/** Whether the person may see the firm-wide matrix of every risk: management and admins. */
	public boolean maySeeEverything(String personId) {
		return directory.isAdmin(personId) || directory.holds(personId, Role.MANAGEMENT);
	}

	/** Whether the person may answer the risk's reviews: its owner, the manager, the head, an admin. */
	@Transactional(readOnly = true)
	public boolean mayReview(Risk risk, String personId) {
		if (personId.equals(risk.ownerId()) || directory.isAdmin(personId)
				|| directory.heads(personId, risk.departmentId())) {
			return true;
		}
		if (risk.projectId() != null) {
			return engagements.project(risk.projectId()).map(p -> personId.equals(p.managerId())).orElse(false);
		}
		if (risk.applicationId() != null) {
			return engagements.application(risk.applicationId())
				.map(a -> personId.equals(a.applicantId()) || personId.equals(a.details().managerId()))
				.orElse(false);
		}
		return directory.holds(personId, Role.MANAGEMENT);
	}

	/** Whether the person may hand the risk to another owner. */
	public boolean mayReassign(Risk risk, String personId) {
		return directory.isAdmin(personId) || directory.heads(personId, risk.departmentId())
				|| (risk.projectId() != null && engagements.project(risk.projectId())
					.map(p -> personId.equals(p.managerId()))
					.orElse(false))
				|| (risk.firmWide() && directory.holds(personId, Role.MANAGEMENT));
	}

	/** What approvers of an application should see of its open risks. */
	@Transactional(readOnly = true)
	public ApplicationRisks ofApplication(long applicationId) {
		var open = risks.findByApplicationIdOrderByIdDesc(applicationId).stream().filter(Risk::open).toList();
		var highest = open.stream().map(Risk::level).max(Comparator.naturalOrder()).orElse(null);
		boolean avoid = open.stream().anyMatch(r -> r.level() == RiskLevel.HIGH && r.strategy() == Strategy.AVOID);
		return new ApplicationRisks(open.size(), highest, avoid);
	}

	/**
	 * How many open risks each cell of the matrix holds, counted by the database: {@code
	 * counts[likelihood - 1][impact - 1]}, of a project or, with {@code null}, of the whole firm.
	 */
	@Transactional(readOnly = true)
	public int[][] openCounts(Long projectId) {
		var counts = new int[Assessment.MAX][Assessment.MAX];
		var cells = projectId == null ? risks.countOpenByCell() : risks.countOpenByCell(projectId);
		cells.forEach(cell -> counts[cell.likelihood() - 1][cell.impact() - 1] = (int) cell.risks());
		return counts;
	}


	/** The project a code names, when the person may see it. */
	@Transactional(readOnly = true)
	public Project visibleProject(String code, String personId) {
		var project = engagements.project(code).orElseThrow(() -> new RiskRefused(Reason.UNKNOWN_PROJECT, code));
		if (!engagements.maySee(project, personId)) {
			throw new RiskRefused(Reason.NOT_VISIBLE, code);
		}
		return project;
	}

	/** Who is above a risk's owner, nearest first: the manager then the head; firm-wide the head then management. */
	List<List<String>> chain(Risk risk) {
		var chain = new ArrayList<List<String>>();
		if (risk.projectId() != null) {
			engagements.project(risk.projectId()).ifPresent(project -> chain.add(List.of(project.managerId())));
		}
		else if (risk.applicationId() != null) {
			engagements.application(risk.applicationId()).ifPresent(application -> chain.add(List.of(
					Optional.ofNullable(application.details().managerId()).orElse(application.applicantId()))));
		}
		chain.add(directory.headOf(risk.departmentId()).map(head -> List.of(head.id())).orElse(List.of()));
		if (risk.firmWide()) {
			chain.add(directory.withRole(Role.MANAGEMENT).stream().map(person -> person.id()).toList());
		}
		return chain.stream().filter(people -> !people.isEmpty()).toList();
	}

	// --- application risks become the project's -------------------------------------------------------

	/** Final approval of an application made a project: its risks are now the project's (§6.2.1). */
	@ApplicationModuleListener
	void on(ProjectCreated created) {
		var moved = risks.findByApplicationIdAndProjectIdIsNull(created.applicationId());
		if (moved.isEmpty()) {
			return;
		}
		var now = clock.instant();
		moved.forEach(risk -> risk.moveToProject(created.projectId(), now));
		risks.saveAll(moved);
		events.publishEvent(new MovedToProject(moved.stream().map(Risk::id).toList(), created.applicationId(),
				created.projectId()));
	}

	/**
	 * An application rejected or withdrawn never becomes a project: its open risks are closed, so
	 * nobody is asked to review them.
	 */
	@ApplicationModuleListener
	void on(ApprovalEvents.Completed completed) {
		if (!EngagementManagement.APPLICATION.equals(completed.type())
				|| completed.outcome() == ApprovalStatus.APPROVED) {
			return;
		}
		var now = clock.instant();
		var reason = completed.outcome() == ApprovalStatus.WITHDRAWN ? Risk.APPLICATION_WITHDRAWN
				: Risk.APPLICATION_REJECTED;
		var open = risks.findByApplicationIdAndProjectIdIsNull(Long.parseLong(completed.subjectId()))
			.stream()
			.filter(Risk::open)
			.toList();
		open.forEach(risk -> risk.close(reason, Risk.STEWARD, now, 0));
		risks.saveAll(open);
	}

	// --- helpers ----------------------------------------------------------------------------------------

	private Risk reviewable(long riskId, String actorId) {
		var risk = risks.findById(riskId).orElseThrow(() -> new RiskRefused(Reason.NOT_FOUND, "#" + riskId));
		if (!mayReview(risk, actorId)) {
			throw new RiskRefused(maySee(risk, actorId) ? Reason.NOT_REVIEWER : Reason.NOT_VISIBLE, "#" + riskId);
		}
		return risk;
	}

	private Scope scopeFor(String actorId, Target target) {
		if (target instanceof Target.OfProject ofProject) {
			var code = ofProject.code();
			var project = engagements.project(code).orElseThrow(() -> new RiskRefused(Reason.UNKNOWN_PROJECT, code));
			if (!engagements.maySee(project, actorId)) {
				throw new RiskRefused(Reason.MAY_NOT_REGISTER, code);
			}
			return new Scope(project.id(), project.applicationId(), project.departmentId());
		}
		if (target instanceof Target.OfApplication ofApplication) {
			long id = ofApplication.id();
			var application = engagements.application(id)
				.filter(this::inReview)
				.orElseThrow(() -> new RiskRefused(Reason.UNKNOWN_APPLICATION, "#" + id));
			if (!maySeeApplication(application, actorId)) {
				throw new RiskRefused(Reason.MAY_NOT_REGISTER, "#" + id);
			}
			return new Scope(null, id, application.details().departmentId());
		}
		if (!maySeeFirmWide(actorId)) {
			throw new RiskRefused(Reason.FIRM_WIDE_ONLY_FOR_LEADERS);
		}
		return Scope.firmWide(null);
	}

	private boolean inReview(Application application) {
		return engagements.approvalOf(application)
			.map(request -> request.status() == ApprovalStatus.IN_REVIEW
					|| request.status() == ApprovalStatus.CHANGES_REQUESTED)
			.orElse(false);
	}

	private String defaultOwner(String actorId, Target target) {
		if (target instanceof Target.OfProject ofProject) {
			return engagements.project(ofProject.code()).map(Project::managerId).orElse(actorId);
		}
		if (target instanceof Target.OfApplication ofApplication) {
			return engagements.application(ofApplication.id())
				.map(a -> a.details().managerId() == null || a.details().managerId().isBlank() ? a.applicantId()
						: a.details().managerId())
				.orElse(actorId);
		}
		return actorId;
	}

	private boolean maySeeApplication(Application application, String personId) {
		return personId.equals(application.applicantId()) || personId.equals(application.details().managerId())
				|| directory.heads(personId, application.details().departmentId())
				|| directory.holds(personId, Role.MANAGEMENT) || directory.isAdmin(personId);
	}

	private boolean headsADepartment(String personId) {
		return directory.departments().stream().anyMatch(department -> personId.equals(department.headId()));
	}

	private void checkCategory(String category) {
		if (!policy.hasCategory(category)) {
			throw new RiskRefused(Reason.UNKNOWN_CATEGORY, category);
		}
	}

	private void checkOwner(String ownerId) {
		if (directory.person(ownerId).isEmpty()) {
			throw new RiskRefused(Reason.UNKNOWN_OWNER, ownerId);
		}
	}

	private LocalDate firstReview(LocalDate asked, RiskLevel level, String ownerId, WorkingCalendar calendar) {
		var today = today(ownerId);
		if (asked == null) {
			return nextReview(today, level, calendar);
		}
		if (asked.isBefore(today)) {
			throw new RiskRefused(Reason.REVIEW_DATE_PAST, asked.toString());
		}
		return calendar.shift(asked, Shift.NEXT).orElse(asked);
	}

	/** One cadence of the level after a day, on a working day of the calendar. */
	LocalDate nextReview(LocalDate from, RiskLevel level, WorkingCalendar calendar) {
		var nominal = from.plusDays(policy.reviewEvery(level).toDays());
		return calendar.shift(nominal, Shift.NEXT).orElse(nominal);
	}

	/** The calendar a project's reviews fall on: its progress schedule's; the firm's default otherwise. */
	WorkingCalendar calendarOf(Long projectId) {
		return projectId == null ? calendars.defaultCalendar()
				: calendars.forId(progress.schedule(projectId).calendarId());
	}

	/** A person's time zone: theirs in the directory, else the firm's. */
	ZoneId zoneOf(String personId) {
		return directory.person(personId).map(person -> person.zone()).filter(java.util.Objects::nonNull).orElse(firmZone);
	}

	private LocalDate today(String personId) {
		return LocalDate.now(clock.withZone(zoneOf(personId)));
	}

	private void warn(Risk risk, Trigger trigger, RiskLevel from, RiskLevel to, int fromScore, int toScore,
			String actorId) {
		var recipients = new LinkedHashSet<String>();
		var chain = chain(risk);
		if (!chain.isEmpty()) {
			recipients.addAll(chain.get(0));
		}
		if (to == RiskLevel.HIGH) {
			directory.withRole(Role.MANAGEMENT).forEach(person -> recipients.add(person.id()));
		}
		recipients.remove(actorId);
		if (!recipients.isEmpty()) {
			events.publishEvent(new EarlyWarning(risk.id(), trigger, from, to, fromScore, toScore, actorId,
					List.copyOf(recipients)));
		}
	}

	/** Answers "may see" for one person over many risks, asking the directory once. */
	private final class Seer {

		private final String personId;

		private final boolean everything;

		private final boolean firmWide;

		private final java.util.Map<Long, Boolean> projects = new java.util.HashMap<>();

		Seer(String personId) {
			this.personId = personId;
			this.everything = maySeeEverything(personId);
			this.firmWide = everything || headsADepartment(personId);
		}

		boolean maySee(Risk risk) {
			if (everything || personId.equals(risk.ownerId())) {
				return true;
			}
			if (risk.projectId() != null) {
				return projects.computeIfAbsent(risk.projectId(), id -> engagements.project(id)
					.map(project -> engagements.maySee(project, personId))
					.orElse(false));
			}
			if (risk.applicationId() != null) {
				return engagements.application(risk.applicationId())
					.map(application -> maySeeApplication(application, personId))
					.orElse(false);
			}
			return firmWide;
		}

	}

}
