package dev.steward.survey;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.steward.client.ClientContact;
import dev.steward.client.ClientManagement;
import dev.steward.directory.DirectoryManagement;
import dev.steward.directory.Role;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Project;
import dev.steward.engagement.ProjectSummary;
import dev.steward.firm.Separately;
import dev.steward.progress.ProgressManagement;
import dev.steward.scheduling.Shift;
import dev.steward.scheduling.WorkingCalendars;
import dev.steward.survey.QualityPolicy.Cadence;
import dev.steward.survey.SurveyEvents.ScheduleChanged;
import dev.steward.survey.SurveyRefused.Reason;

/**
 * The surveys' API (§5.3). Each active project's client is surveyed on a schedule (the policy's
 * cadence unless its manager sets another), at the send time in the project's zone on a working day
 * of its calendar; its manager may also send one now. A survey asks the contacts the client's profile
 * names, each answering once, in chat or on the signed web page; those who have not are reminded
 * once, and the survey closes at its time.
 */
@Service
public class SurveyManagement {

	private static final Logger log = LoggerFactory.getLogger(SurveyManagement.class);

	private final Surveys surveys;

	private final ImprovementActions actions;

	private final SurveySchedules schedules;

	private final RoundStatements rounds;

	private final QualityPolicy policy;

	private final SurveySettings settings;

	private final EngagementManagement engagements;

	private final ClientManagement clients;

	private final ProgressManagement progress;

	private final WorkingCalendars calendars;

	private final DirectoryManagement directory;

	private final SurveyPlanning planning;

	private final SurveyLinks links;

	private final Separately separately;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SurveyManagement(Surveys surveys, ImprovementActions actions, SurveySchedules schedules, RoundStatements rounds,
			QualityPolicy policy, SurveySettings settings,
			EngagementManagement engagements, ClientManagement clients, ProgressManagement progress,
			WorkingCalendars calendars, DirectoryManagement directory, SurveyPlanning planning, SurveyLinks links,
			Separately separately, ApplicationEventPublisher events, Clock clock) {
		this.surveys = surveys;
		this.actions = actions;
		this.schedules = schedules;
		this.rounds = rounds;
		this.policy = policy;
		this.settings = settings;
		this.engagements = engagements;
		this.clients = clients;
		this.progress = progress;
		this.calendars = calendars;
		this.directory = directory;
		this.planning = planning;
		this.links = links;
		this.separately = separately;
		this.events = events;
		this.clock = clock;
	}

	// --- schedules ---

	/** The project's schedule, the policy's default if it has none yet. */
	@Transactional
	public SurveySchedule schedule(long projectId) {
		return schedules.findById(projectId).orElseGet(() -> {
			var made = schedules.save(SurveySchedule.of(projectId, Optional.of(policy.every()),
					nextAt(projectId, policy.every()), null, clock.instant()));
			planning.planRound(schedules.findSoonest());
			return made;
		});
	}

	/**
	 * Changes how often the project's client is surveyed (empty: not on a schedule); the next survey
	 * goes out one period from today. For its manager, management and admins.
	 */
	@Transactional
	public SurveySchedule changeSchedule(String code, String actorId, Optional<Cadence> cadence) {
		var project = managed(code, actorId);
		var schedule = schedule(project.id());
		var now = clock.instant();
		schedule.change(cadence, cadence.map(every -> nextAt(project.id(), every)).orElse(null),
				actorId, now);
		var saved = schedules.save(schedule);
		events.publishEvent(new ScheduleChanged(project.id(), cadence.orElse(null), actorId));
		planning.planRound(schedules.findSoonest());
		return saved;
	}

	/** The project a person may run surveys of: its manager, management, admins. */
	private Project managed(String code, String actorId) {
		var project = engagements.project(code).orElseThrow(() -> new SurveyRefused(Reason.UNKNOWN_PROJECT, code));
		if (!mayRun(project, actorId)) {
			throw new SurveyRefused(Reason.NOT_MANAGER, code);
		}
		return project;
	}

	/** Whether the person may schedule and send the project's surveys and read their links and results. */
	public boolean mayRun(Project project, String personId) {
		return project.managerId().equals(personId) || directory.holds(personId, Role.MANAGEMENT)
				|| directory.isAdmin(personId);
	}

	// --- sending ---

	/** Sends the project's survey now (closing one still open). For its manager, management, admins. */
	@Transactional
	public Survey sendNow(String code, String actorId) {
		var project = managed(code, actorId);
		if (project.status() != Project.Status.ACTIVE) {
			throw new SurveyRefused(Reason.NOT_ACTIVE, code);
		}
		var survey = send(project, actorId);
		planning.planFollowUp(surveys.findSoonestFollowUp());
		return survey;
	}

	private Survey send(Project project, String requestedBy) {
		return send(project.id(), project.code(), project.clientId(),
				project.clientId() == null ? List.of() : clients.contactsOf(project.clientId()), requestedBy);
	}

	private Survey send(long projectId, String code, Long clientId, List<ClientContact> contacts,
			String requestedBy) {
		var now = clock.instant();
		var survey = survey(projectId, code, clientId, contacts, requestedBy, now);
		// one survey takes answers at a time: the one before closes as this one goes out
		for (var open : surveys.findOpenByProjectId(projectId)) {
			close(open, now, true);
		}
		// saved once: its rows are written once, and the event names the id they got
		var saved = surveys.save(survey);
		announce(saved, null);
		return saved;
	}

	private Survey survey(long projectId, String code, Long clientId, List<ClientContact> contacts,
			String requestedBy, Instant now) {
		var invitations = contacts.stream()
			.map(contact -> Invitation.of(contact.name(), contact.email(), contact.door(), contact.chatId()))
			.toList();
		return Survey.send(projectId, code, clientId, policy.dimensions(), invitations, now, policy.remindAfter(),
				policy.openFor(), requestedBy);
	}

	/**
	 * Publishes that the survey went out. The messages that announce it are drawn while it is
	 * published: they read it as saved, and what it was sent for as the sender read it, not again.
	 */
	private void announce(Survey saved, Announced about) {
		announcing.put(saved.id(), new Announcing(saved, about));
		try {
			events.publishEvent(saved.sent());
		}
		finally {
			announcing.remove(saved.id());
		}
	}

	/** How many due projects the round sends in one transaction at most. */
	static final int PROJECTS_A_TRANSACTION = 20;

	/**
	 * Sends every survey due, then plans the round at the next one due. A page of due projects is
	 * cut into groups sent side by side, each group in one transaction with set-based reads and
	 * writes; a group that fails is sent again project by project, each in a transaction of its own,
	 * so one project's trouble holds up no other.
	 * @return how many went out
	 */
	public int sendDue() {
		var started = System.nanoTime();
		var now = clock.instant();
		// the round starts its lead ahead: what falls due by then is prepared now and goes out at its time
		var by = now.plus(settings.roundLead());
		var sent = new java.util.concurrent.atomic.AtomicInteger();
		var failed = java.util.concurrent.ConcurrentHashMap.<Long>newKeySet();
		var workers = java.util.concurrent.Executors.newFixedThreadPool(settings.roundThreads(), runnable -> {
			var thread = new Thread(runnable, "survey-round");
			thread.setDaemon(true);
			return thread;
		});
		try {
			while (true) {
				var due = schedules.findDue(by, settings.roundPage())
					.stream()
					.filter(project -> !failed.contains(project.projectId()))
					.toList();
				if (due.isEmpty()) {
					break;
				}
				var tasks = new ArrayList<java.util.concurrent.Callable<Void>>();
				for (int from = 0; from < due.size(); from += PROJECTS_A_TRANSACTION) {
					var group = due.subList(from, Math.min(due.size(), from + PROJECTS_A_TRANSACTION));
					tasks.add(() -> {
						sendGroup(group, now, by, sent, failed);
						return null;
					});
				}
				try {
					workers.invokeAll(tasks);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					log.warn("The survey round was stopped; the next round sends the rest");
					break;
				}
			}
		}
		finally {
			workers.shutdownNow();
			planning.planRound(soonestRound(failed, now));
			// once for the whole round: each survey's reminder is a moment after the one before
			planning.planFollowUp(surveys.findSoonestFollowUp());
		}
		log.info("Sent {} satisfaction surveys in {} ms", sent.get(), (System.nanoTime() - started) / 1_000_000);
		return sent.get();
	}

	/** A group of due projects in one transaction; if it fails, each project alone. */
	private void sendGroup(List<SurveySchedules.Due> group, Instant now, Instant by,
			java.util.concurrent.atomic.AtomicInteger sent, java.util.Set<Long> failed) {
		try {
			sent.addAndGet(separately.call(() -> sendScheduled(group, now, by)));
			return;
		}
		catch (RuntimeException groupFailed) {
			log.debug("A group of {} surveys could not go out together; each is sent alone", group.size(), groupFailed);
		}
		for (var project : group) {
			try {
				sent.addAndGet(separately.call(() -> sendScheduled(List.of(project), now, by)));
			}
			catch (RuntimeException ex) {
				log.warn("The survey of project {} could not go out; it is tried again at the next round",
						project.projectId(), ex);
				failed.add(project.projectId());
			}
		}
	}

	/**
	 * Sends the scheduled surveys of a few due projects in the caller's transaction: their reporting
	 * schedules, rows, clients' contacts and names each read once for all, the schedules moved on in
	 * one batch (those still due: another instance's round, or a change, may have come first), the
	 * surveys saved together. What each survey's messages name of its project and client is handed
	 * to them, not read again. Each survey goes out at its schedule's time, or now if that has
	 * passed: one prepared ahead is dated then, and its messages are kept until then.
	 * @param by the time up to which the round takes what is due
	 * @return how many went out
	 */
	private int sendScheduled(List<SurveySchedules.Due> due, Instant now, Instant by) {
		var reporting = progress.schedules(due.stream().map(SurveySchedules.Due::projectId).toList());
		var sendAt = new java.util.HashMap<Long, Instant>();
		var nextAt = new java.util.LinkedHashMap<Long, Instant>();
		for (var project : due) {
			var at = project.nextAt().isAfter(now) ? project.nextAt() : now;
			sendAt.put(project.projectId(), at);
			nextAt.put(project.projectId(),
					nextAt(reporting.get(project.projectId()), Cadence.parse(project.cadence()), at));
		}
		var taken = rounds.take(nextAt, by);
		var projects = engagements.summaries(taken);
		var active = taken.stream()
			.map(projects::get)
			.filter(project -> project != null && project.status() == Project.Status.ACTIVE && project.clientId() != null)
			.toList();
		var clientIds = active.stream().map(ProjectSummary::clientId).collect(java.util.stream.Collectors.toSet());
		var contacts = clients.contactsOf(clientIds);
		var names = clients.names(clientIds);
		var stillOpen = active.isEmpty() ? List.<Survey>of()
				: surveys.findOpenByProjectIdIn(active.stream().map(ProjectSummary::id).toList());
		var going = new ArrayList<Survey>();
		var about = new java.util.HashMap<Long, Announced>();
		for (var project : active) {
			var asked = contacts.getOrDefault(project.clientId(), List.of());
			if (asked.isEmpty()) {
				log.info("Project {}: its client's profile names no contact; no survey went out", project.code());
				continue;
			}
			// one survey takes answers at a time: the one before closes as this one goes out
			for (var open : stillOpen) {
				if (open.projectId() == project.id()) {
					close(open, now, true);
				}
			}
			going.add(survey(project.id(), project.code(), project.clientId(), asked, null, sendAt.get(project.id())));
			about.put(project.id(), new Announced(project, names.get(project.clientId())));
		}
		if (going.isEmpty()) {
			return 0;
		}
		// saved together: the rows of all of them in a few batches
		for (var saved : surveys.saveAll(going)) {
			announce(saved, about.get(saved.projectId()));
		}
		return going.size();
	}

	/** The next round: at the next schedule due, or in an hour for those that failed now. */
	private Optional<Instant> soonestRound(java.util.Set<Long> failed, Instant now) {
		var soonest = schedules.findSoonest();
		if (failed.isEmpty()) {
			return soonest;
		}
		var retry = now.plus(java.time.Duration.ofHours(1));
		return Optional.of(soonest.filter(at -> at.isAfter(now) && at.isBefore(retry)).orElse(retry));
	}

	/**
	 * The first working day on or after the cadence's next day from today, at the send time in the
	 * project's zone (its reporting schedule read once for the zone and the calendar).
	 */
	private Instant nextAt(long projectId, Cadence every) {
		return nextAt(progress.schedule(projectId), every);
	}

	private Instant nextAt(dev.steward.progress.ReportingSchedule schedule, Cadence every) {
		return nextAt(schedule, every, clock.instant());
	}

	/** The next time after a survey that goes out at a moment (now, or the time it was prepared for). */
	private Instant nextAt(dev.steward.progress.ReportingSchedule schedule, Cadence every, Instant from) {
		var calendar = calendars.forId(schedule.calendarId());
		var day = every.after(LocalDate.ofInstant(from, schedule.zone()));
		var working = calendar.shift(day, Shift.NEXT).orElse(day);
		return working.atTime(settings.sendTime()).atZone(schedule.zone()).toInstant();
	}

	private LocalDate today(long projectId) {
		return LocalDate.ofInstant(clock.instant(), progress.schedule(projectId).zone());
	}

	/** A new project's client is surveyed on the policy's cadence from its start. */
	@Transactional
	public void plan(long projectId) {
		schedule(projectId);
	}

	// --- follow-up ---

	/** Reminds and closes every survey whose time came, each in a transaction of its own; plans the next. */
	public void followUp() {
		var now = clock.instant();
		try {
			for (var id : surveys.findRemindersDue(now)) {
				run(id, () -> separately.run(() -> surveys.findById(id).ifPresent(survey -> {
					if (survey.remind(now)) {
						surveys.save(survey);
					}
				})));
			}
			for (var id : surveys.findClosingDue(now)) {
				run(id, () -> separately.run(() -> surveys.findById(id).ifPresent(survey -> close(survey, now, false))));
			}
		}
		finally {
			planning.planFollowUp(surveys.findSoonestFollowUp());
		}
	}

	/**
	 * Closes a survey and holds its satisfaction against the target: under it, an improvement action
	 * is opened for the project manager (§5.3.2), due some working days on.
	 */
	private void close(Survey survey, Instant now, boolean early) {
		if (!survey.close(now, early)) {
			return;
		}
		surveys.save(survey);
		var result = result(survey);
		if (!result.missed() || actions.existsBySurveyId(survey.id())) {
			return;
		}
		var project = engagements.project(survey.projectId()).orElse(null);
		if (project == null) {
			return;
		}
		var due = workingDaysOn(project.id(), settings.actionDays());
		var action = actions.save(ImprovementAction.open(survey, project.managerId(), result.overall().share(),
				result.target(), now, due));
		actions.save(action.opened());
		planning.planActions(actions.findSoonestReminder());
	}

	/** A survey's own results. */
	public SurveyResults.Result result(Survey survey) {
		var answers = new ArrayList<SurveyResults.Answer>();
		var dimensions = survey.dimensions();
		for (var invitation : survey.invitations()) {
			if (invitation.answered()) {
				answers.add(answer(survey.projectId(), invitation.answeredAt(), dimensions,
						invitation.answer(dimensions.size())));
			}
		}
		return SurveyResults.of(answers, policy.dimensions(), policy.satisfactionTarget());
	}

	private static SurveyResults.Answer answer(long projectId, Instant at, List<String> dimensions, int[] scores) {
		var byDimension = new java.util.LinkedHashMap<String, Integer>();
		for (int i = 0; i < dimensions.size() && i < scores.length; i++) {
			byDimension.put(dimensions.get(i), scores[i]);
		}
		return new SurveyResults.Answer(projectId, at, byDimension);
	}

	/** The send time in the project's zone, this many working days of its calendar from today. */
	private Instant workingDaysOn(long projectId, int days) {
		var schedule = progress.schedule(projectId);
		var calendar = calendars.forId(schedule.calendarId());
		var day = today(projectId);
		for (int counted = 0; counted < days;) {
			day = day.plusDays(1);
			if (calendar.isWorkingDay(day)) {
				counted++;
			}
		}
		return day.atTime(settings.sendTime()).atZone(schedule.zone()).toInstant();
	}

	// --- improvement actions ---

	/** Reminds the owner of every improvement action whose reminder came, each in its own transaction. */
	public void remindActions() {
		var now = clock.instant();
		try {
			for (var id : actions.findRemindersDue(now)) {
				run(id, () -> separately.run(() -> actions.findById(id).ifPresent(action -> {
					if (action.remind(now, workingDaysOn(action.projectId(), settings.actionRemindDays()))) {
						actions.save(action);
					}
				})));
			}
		}
		finally {
			planning.planActions(actions.findSoonestReminder());
		}
	}

	/** Closes an improvement action with what was done: its owner, the project manager, management, admins. */
	@Transactional
	public ImprovementAction closeAction(long actionId, String actorId, String outcome) {
		var action = checkMayCloseAction(actionId, actorId);
		action.close(actorId, outcome, clock.instant());
		var saved = actions.save(action);
		planning.planActions(actions.findSoonestReminder());
		return saved;
	}

	/**
	 * Checks the person may close the improvement action (its owner, the project manager,
	 * management, admins), before they write what was done; throws {@link SurveyRefused} if not.
	 */
	@Transactional(readOnly = true)
	public ImprovementAction checkMayCloseAction(long actionId, String actorId) {
		var action = actions.findById(actionId).orElseThrow(() -> new SurveyRefused(Reason.UNKNOWN_ACTION, null));
		var project = engagements.project(action.projectId()).orElse(null);
		boolean may = action.ownerId().equals(actorId) || (project != null && mayRun(project, actorId));
		if (!may) {
			throw new SurveyRefused(Reason.NOT_ACTION_OWNER, action.projectCode());
		}
		return action;
	}

	@Transactional(readOnly = true)
	public Optional<ImprovementAction> action(long actionId) {
		return actions.findById(actionId);
	}

	/**
	 * Improvement actions a person may read: a project's (for those who may see it), or, without a
	 * project, every open one (management, admins) or their own open ones (anyone else).
	 */
	@Transactional(readOnly = true)
	public List<ImprovementAction> actions(Optional<String> code, String actorId) {
		if (code.isPresent()) {
			var project = engagements.project(code.get())
				.orElseThrow(() -> new SurveyRefused(Reason.UNKNOWN_PROJECT, code.get()));
			if (!engagements.maySee(project, actorId)) {
				throw new SurveyRefused(Reason.NOT_MANAGER, project.code());
			}
			return actions.findByProject(project.id());
		}
		var open = actions.findOpen();
		if (directory.holds(actorId, Role.MANAGEMENT) || directory.isAdmin(actorId)) {
			return open;
		}
		return open.stream().filter(action -> action.ownerId().equals(actorId)).toList();
	}

	// --- results ---

	/** Months the trend covers. */
	public static final int TREND_MONTHS = 12;

	/**
	 * What {@code /survey results} reads: the last twelve months against the target, month by month,
	 * and, for a project, its latest survey.
	 */
	public record Results(Optional<Project> project, SurveyResults.Result year, List<SurveyResults.Month> trend,
			Optional<Survey> latest, Optional<SurveyResults.Result> latestResult) {
	}

	/**
	 * Satisfaction of a project (for those who may see it) or of the whole firm (management and
	 * admins).
	 */
	@Transactional(readOnly = true)
	public Results results(Optional<String> code, String actorId, java.time.ZoneId zone) {
		var now = clock.instant();
		var from = java.time.YearMonth.from(now.atZone(zone)).minusMonths(TREND_MONTHS - 1L).atDay(1)
			.atStartOfDay(zone).toInstant();
		Optional<Project> project = Optional.empty();
		List<Surveys.AnswerRow> rows;
		if (code.isPresent()) {
			var found = engagements.project(code.get())
				.orElseThrow(() -> new SurveyRefused(Reason.UNKNOWN_PROJECT, code.get()));
			if (!engagements.maySee(found, actorId)) {
				throw new SurveyRefused(Reason.NOT_MANAGER, found.code());
			}
			project = Optional.of(found);
			rows = surveys.findAnswersOfProject(found.id(), from);
		}
		else {
			if (!directory.holds(actorId, Role.MANAGEMENT) && !directory.isAdmin(actorId)) {
				throw new SurveyRefused(Reason.NOT_MANAGEMENT, null);
			}
			rows = surveys.findAnswers(from);
		}
		var answers = rows.stream().map(row -> {
			var dimensions = List.of(row.dimensions().split(","));
			return answer(row.projectId(), row.answeredAt(), dimensions,
					Invitation.parse(row.scores(), dimensions.size()));
		}).toList();
		var year = SurveyResults.of(answers, policy.dimensions(), policy.satisfactionTarget());
		var trend = SurveyResults.trend(answers, now, zone, TREND_MONTHS);
		var latest = project.flatMap(found -> surveys.findFirstByProjectIdOrderBySentAtDescIdDesc(found.id()));
		return new Results(project, year, trend, latest, latest.map(this::result));
	}

	private static void run(long surveyId, Runnable work) {
		try {
			work.run();
		}
		catch (RuntimeException ex) {
			log.warn("Survey {} could not be followed up; tried again at the next follow-up", surveyId, ex);
		}
	}

	/** At start: every project has its schedule, and both jobs are planned (a restored database, downtime). */
	public void planAll() {
		int made = 0;
		for (var project : engagements.projects()) {
			if (!schedules.existsById(project.id())) {
				separately.run(() -> schedule(project.id()));
				made++;
			}
		}
		planning.planRound(schedules.findSoonest());
		planning.planFollowUp(surveys.findSoonestFollowUp());
		planning.planActions(actions.findSoonestReminder());
		if (made > 0) {
			log.info("Surveys: {} projects were given the policy’s schedule", made);
		}
	}

	// --- answering ---

	/** A survey, as the firm's own messages read it. */
	@Transactional(readOnly = true)
	public Optional<Survey> survey(long surveyId) {
		var sent = announcing.get(surveyId);
		return sent != null ? Optional.of(sent.survey()) : surveys.findById(surveyId);
	}

	/**
	 * What a survey being announced was sent for, as the round read it: its project's row and its
	 * client's name, so the messages that announce it need not read them again.
	 * @param clientName {@code null} when the client is gone
	 */
	public record Announced(ProjectSummary project, String clientName) {
	}

	/** What the survey being announced was sent for, if the sender read it (a round does). */
	public Optional<Announced> announced(long surveyId) {
		var sent = announcing.get(surveyId);
		return sent == null ? Optional.empty() : Optional.ofNullable(sent.about());
	}

	private record Announcing(Survey survey, Announced about) {
	}

	/**
	 * Surveys being announced, by id, while their {@code SurveySent} is published: the listeners that
	 * draw the messages run then, in the same transaction, and read the survey as it was just saved.
	 */
	private final java.util.Map<Long, Announcing> announcing = new java.util.concurrent.ConcurrentHashMap<>();

	/** A score chosen in chat on the contact's card. */
	@Transactional
	public Survey choose(long surveyId, int contact, int dimension, int score, Respondent respondent) {
		var survey = surveys.findById(surveyId).orElseThrow(() -> new SurveyRefused(Reason.UNKNOWN_SURVEY, null));
		survey.choose(contact, dimension, score, respondent, clock.instant());
		return surveys.save(survey);
	}

	/** Refuses, with why, a chat answer that may not be sent yet (see {@link Survey#checkReadyToSend}). */
	@Transactional(readOnly = true)
	public void checkReadyToSend(long surveyId, int contact, Respondent respondent) {
		var survey = surveys.findById(surveyId).orElseThrow(() -> new SurveyRefused(Reason.UNKNOWN_SURVEY, null));
		survey.checkReadyToSend(contact, respondent, clock.instant());
	}

	/** The contact's answer in chat: the scores chosen on their card, and the comment. */
	@Transactional
	public Survey answerInChat(long surveyId, int contact, String comment, Respondent respondent) {
		var survey = surveys.findById(surveyId).orElseThrow(() -> new SurveyRefused(Reason.UNKNOWN_SURVEY, null));
		var scores = contact >= 0 && contact < survey.invitations().size()
				? survey.invitation(contact).chosen(survey.dimensions().size()) : new int[0];
		survey.answer(contact, scores, comment, Invitation.Via.CHAT, respondent, clock.instant());
		return surveys.save(survey);
	}

	/** The contact's answer on the web page, whose signed link names survey and contact. */
	@Transactional
	public Survey answerOnWeb(SurveyLinks.Link link, int[] scores, String comment) {
		var survey = surveys.findById(link.surveyId()).orElseThrow(() -> new SurveyRefused(Reason.UNKNOWN_SURVEY, null));
		survey.answer(contact(link), scores, comment, Invitation.Via.WEB, Respondent.LINK, clock.instant());
		return surveys.save(survey);
	}

	/** The survey a link is for, or why it may not be answered (used, closed). */
	@Transactional(readOnly = true)
	public Survey answerable(SurveyLinks.Link link) {
		var survey = surveys.findById(link.surveyId()).orElseThrow(() -> new SurveyRefused(Reason.UNKNOWN_SURVEY, null));
		int contact = contact(link);
		if (contact >= survey.invitations().size()) {
			throw new SurveyRefused(Reason.UNKNOWN_SURVEY, null);
		}
		if (survey.invitation(contact).answered()) {
			throw new SurveyRefused(Reason.ANSWERED, null);
		}
		if (!survey.isOpen(clock.instant())) {
			throw new SurveyRefused(Reason.CLOSED, null);
		}
		return survey;
	}

	private static int contact(SurveyLinks.Link link) {
		if (link.contactId() < 0 || link.contactId() > Integer.MAX_VALUE) {
			throw new SurveyRefused(Reason.UNKNOWN_SURVEY, null);
		}
		return (int) link.contactId();
	}

	// --- links ---

	/** A contact's way to the web page. */
	public record ContactLink(int contact, String name, String email, boolean inChat, boolean answered, String url) {
	}

	/** The links of a survey's contacts, for the project manager to send. */
	public List<ContactLink> links(Survey survey) {
		var list = new ArrayList<ContactLink>();
		for (int i = 0; i < survey.invitations().size(); i++) {
			var invitation = survey.invitation(i);
			list.add(new ContactLink(i, invitation.name(), invitation.email(), invitation.inChat(), invitation.answered(),
					links.url(new SurveyLinks.Link(survey.id(), i, survey.closesAt()))));
		}
		return list;
	}

	/** The open survey of the project and its links: for its manager, management, admins. */
	@Transactional(readOnly = true)
	public Optional<Survey> openSurvey(String code, String actorId) {
		var project = managed(code, actorId);
		var now = clock.instant();
		return surveys.findOpenByProjectId(project.id()).stream().filter(survey -> survey.isOpen(now)).reduce((a, b) -> b);
	}

	/** The policy the surveys follow. */
	public QualityPolicy policy() {
		return policy;
	}

}
