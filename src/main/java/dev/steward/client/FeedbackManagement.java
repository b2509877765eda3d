package dev.steward.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.steward.client.ClientProjects.ClientProject;
import dev.steward.client.Feedback.Details;
import dev.steward.client.Feedback.Step;
import dev.steward.client.FeedbackEvents.CategoryCount;
import dev.steward.client.FeedbackEvents.ClientMonth;
import dev.steward.client.FeedbackEvents.FeedbackEscalated;
import dev.steward.client.FeedbackEvents.FeedbackReminded;
import dev.steward.client.FeedbackEvents.MonthlySummary;
import dev.steward.client.FeedbackRefused.Reason;
import dev.steward.directory.DirectoryManagement;
import dev.steward.directory.Role;
import dev.steward.firm.FirmDefaults;
import dev.steward.scheduling.WorkingCalendars;

/**
 * Client feedback's API (客户反馈, §3.2.3, §5.2.3): record what a client said, take it to closure a
 * step at a time, follow up what is late, and sum up each month what recurs. Who may do what is
 * decided here; the order of the steps is {@link Feedback}'s.
 * <ul>
 * <li>Recording: a project's team (and whoever may see the project: its department head, management,
 * admins), or a client contact whose chat account is on the profile of the project's client.</li>
 * <li>Assigning: the project manager, the department head, management or an admin.</li>
 * <li>The solution and the answer given to the client: the owner. Closing: the owner or the manager.</li>
 * </ul>
 */
@Service
@Transactional
@EnableConfigurationProperties(FeedbackSettings.class)
public class FeedbackManagement {

	/** What to list: a project's items (or every item the person may see), open or closed, only their own. */
	public record Filter(String code, Boolean open, boolean mine) {

		public static Filter everything() {
			return new Filter(null, null, false);
		}

	}

	private final FeedbackItems items;

	private final ObjectProvider<ClientProjects> projects;

	private final ClientManagement clients;

	private final DirectoryManagement directory;

	private final WorkingCalendars calendars;

	private final FeedbackPlanning planning;

	private final FeedbackSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId firmZone;

	FeedbackManagement(FeedbackItems items, ObjectProvider<ClientProjects> projects, ClientManagement clients,
			DirectoryManagement directory, WorkingCalendars calendars, FeedbackPlanning planning,
			FeedbackSettings settings, ApplicationEventPublisher events, Clock clock, FirmDefaults firm) {
		this.items = items;
		this.projects = projects;
		this.clients = clients;
		this.directory = directory;
		this.calendars = calendars;
		this.planning = planning;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
		this.firmZone = firm.zone();
	}

	public FeedbackSettings settings() {
		return settings;
	}

	// --- recording --------------------------------------------------------------------------------

	/** Records what a client said, by a person who may see the project (its team and those above it). */
	public Feedback record(String personId, String code, Details details) {
		var project = checkMayRecord(personId, code);
		return create(project, details, personId, null);
	}

	/**
	 * Records what a client said, by one of the client's contacts, known by their chat account (a door
	 * and its user id) on the client's profile; only on that client's projects.
	 * @param guestId how the kernel names the contact ({@code guest:DOOR:USER}), kept as who recorded it
	 */
	public Feedback recordAsContact(String door, String chatId, String guestId, String code, Details details) {
		var project = checkContactMayRecord(door, chatId, code);
		var contact = contactFor(door, chatId, project);
		return create(project, details, guestId, contact.name() + " (" + contact.clientName() + ")");
	}

	private Feedback create(ClientProject project, Details details, String recordedBy, String contactName) {
		if (!settings.hasCategory(details.category())) {
			throw new FeedbackRefused(Reason.UNKNOWN_CATEGORY, details.category());
		}
		var now = clock.instant();
		var due = deadline(now, settings.days(details.severity()));
		var item = items.save(Feedback.record(project.id(), project.code(), project.clientId(), details, recordedBy,
				contactName, project.managerId(), now, due));
		events.publishEvent(item.recorded(project.managerId()));
		planning.planFollowUp(item.id(), due);
		return item;
	}

	/** Checks the person may record feedback on the project, before the form opens; answers the project. */
	@Transactional(readOnly = true)
	public ClientProject checkMayRecord(String personId, String code) {
		var project = project(code);
		if (!projects().maySee(project.id(), personId)) {
			throw new FeedbackRefused(Reason.MAY_NOT_RECORD, project.code());
		}
		return project;
	}

	/** Checks a client contact may record feedback on the project (one of their client's); answers it. */
	@Transactional(readOnly = true)
	public ClientProject checkContactMayRecord(String door, String chatId, String code) {
		var mine = contactProjects(door, chatId);
		var wanted = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
		// a contact is told nothing of projects that are not their client's, not even whether they exist
		return mine.stream().filter(project -> project.code().equals(wanted)).findFirst()
			.orElseThrow(() -> new FeedbackRefused(Reason.MAY_NOT_RECORD, wanted));
	}

	/** The projects a client contact may record feedback on: their clients'; refused if they are nobody's contact. */
	@Transactional(readOnly = true)
	public List<ClientProject> contactProjects(String door, String chatId) {
		var contacts = clients.contactOn(door, chatId);
		if (contacts.isEmpty()) {
			throw new FeedbackRefused(Reason.NOT_A_CONTACT);
		}
		var found = new ArrayList<ClientProject>();
		contacts.stream().map(ContactAccount::clientId).distinct()
			.forEach(clientId -> found.addAll(projects().ofClient(clientId)));
		return found;
	}

	/** The projects a person is on the team of: what they record feedback on without naming one. */
	@Transactional(readOnly = true)
	public List<ClientProject> teamProjects(String personId) {
		return projects().onTeam(personId);
	}

	private ContactAccount contactFor(String door, String chatId, ClientProject project) {
		return clients.contactOn(door, chatId).stream()
			.filter(contact -> project.clientId() != null && contact.clientId() == project.clientId())
			.findFirst()
			.orElseThrow(() -> new FeedbackRefused(Reason.MAY_NOT_RECORD, project.code()));
	}

	// --- the steps ------------------------------------------------------------------------------------

	/** Gives an item its owner, or another one; the owner must be on the project's team. */
	public Feedback assign(long feedbackId, String actorId, Step step, String ownerId) {
		if (step != Step.ASSIGN && step != Step.REASSIGN) {
			throw new IllegalArgumentException("Not an assignment: " + step);
		}
		var item = checkMayTake(feedbackId, actorId, step);
		if (ownerId == null || directory.person(ownerId).isEmpty()
				|| !projects().isOnTeam(item.projectId(), ownerId)) {
			throw new FeedbackRefused(Reason.OWNER_NOT_ON_TEAM, ownerId == null ? "" : ownerId);
		}
		var wasLate = item.followUpStage() > 0;
		item.assign(step, ownerId, actorId, clock.instant());
		var saved = items.save(item);
		if (wasLate && saved.followUpStage() == 0 && saved.followUpAt() != null) {
			planning.planFollowUp(saved.id(), saved.followUpAt());
		}
		return saved;
	}

	/** The owner proposes a solution. */
	public Feedback propose(long feedbackId, String actorId, String solution) {
		var item = checkMayTake(feedbackId, actorId, Step.PROPOSE);
		item.propose(solution, actorId, clock.instant());
		return items.save(item);
	}

	/** The owner records the answer given to the client. */
	public Feedback answer(long feedbackId, String actorId, String answer) {
		var item = checkMayTake(feedbackId, actorId, Step.ANSWER);
		item.answer(answer, actorId, clock.instant());
		return items.save(item);
	}

	/** The owner or the project manager closes an item whose answer is recorded. */
	public Feedback close(long feedbackId, String actorId) {
		var item = checkMayTake(feedbackId, actorId, Step.CLOSE);
		item.close(actorId, clock.instant());
		var saved = items.save(item);
		planning.cancel(saved.id());
		return saved;
	}

	/**
	 * Checks the person may take this step now (before a form opens, and again when it is taken): they
	 * may see the item, it waits for the step, and the step is theirs; throws {@link FeedbackRefused}
	 * if not.
	 */
	@Transactional(readOnly = true)
	public Feedback checkMayTake(long feedbackId, String personId, Step step) {
		var item = visible(feedbackId, personId);
		item.check(step);
		if (!mayTake(item, personId, step)) {
			throw switch (step) {
				case ASSIGN, REASSIGN -> new FeedbackRefused(Reason.MAY_NOT_ASSIGN);
				case PROPOSE, ANSWER -> new FeedbackRefused(Reason.NOT_OWNER, item.ownerId());
				case CLOSE -> new FeedbackRefused(Reason.MAY_NOT_CLOSE);
			};
		}
		return item;
	}

	/** Whether the step is the person's to take (whether the item waits for it aside). */
	@Transactional(readOnly = true)
	public boolean mayTake(Feedback item, String personId, Step step) {
		return switch (step) {
			case ASSIGN, REASSIGN -> manages(item, personId);
			case PROPOSE, ANSWER -> personId.equals(item.ownerId());
			case CLOSE -> personId.equals(item.ownerId()) || personId.equals(managerOf(item).orElse(null));
		};
	}

	/** The project manager, the department head, management or an admin. */
	private boolean manages(Feedback item, String personId) {
		var project = projects().byId(item.projectId());
		return directory.isAdmin(personId) || directory.holds(personId, Role.MANAGEMENT)
				|| project.map(p -> personId.equals(p.managerId()) || directory.heads(personId, p.departmentId()))
					.orElse(false);
	}

	// --- reading --------------------------------------------------------------------------------------

	/** An item the person may see (as they may see its project). */
	@Transactional(readOnly = true)
	public Feedback visible(long feedbackId, String personId) {
		var item = items.findById(feedbackId).orElseThrow(() -> new FeedbackRefused(Reason.NOT_FOUND, "#" + feedbackId));
		if (!projects().maySee(item.projectId(), personId)) {
			throw new FeedbackRefused(Reason.NOT_VISIBLE, "#" + feedbackId);
		}
		return item;
	}

	@Transactional(readOnly = true)
	public Optional<Feedback> find(long feedbackId) {
		return items.findById(feedbackId);
	}

	/** The items a person may see that pass the filter, newest first. */
	@Transactional(readOnly = true)
	public List<Feedback> list(String personId, Filter filter) {
		List<Feedback> found;
		if (filter.code() != null && !filter.code().isBlank()) {
			var project = project(filter.code());
			if (!projects().maySee(project.id(), personId)) {
				throw new FeedbackRefused(Reason.NOT_VISIBLE, project.code());
			}
			found = items.findByProjectIdOrderByIdDesc(project.id());
		}
		else {
			var seen = new HashMap<Long, Boolean>();
			found = items.findAll().stream()
				.filter(item -> seen.computeIfAbsent(item.projectId(), id -> projects().maySee(id, personId)))
				.sorted(Comparator.comparing(Feedback::id).reversed())
				.toList();
		}
		return found.stream()
			.filter(item -> filter.open() == null || item.open() == filter.open())
			.filter(item -> !filter.mine() || personId.equals(item.ownerId()))
			.toList();
	}

	/** The project of an item, as feedback reads it. */
	@Transactional(readOnly = true)
	public Optional<ClientProject> projectOf(Feedback item) {
		return projects().byId(item.projectId());
	}

	/** The project a code names. */
	@Transactional(readOnly = true)
	public ClientProject project(String code) {
		var wanted = code == null ? "" : code.strip();
		return projects().byCode(wanted)
			.orElseThrow(() -> new FeedbackRefused(Reason.UNKNOWN_PROJECT, wanted.toUpperCase(java.util.Locale.ROOT)));
	}

	/** The client's name, for cards. */
	@Transactional(readOnly = true)
	public Optional<String> clientName(Feedback item) {
		return item.clientId() == null ? Optional.empty() : clients.name(item.clientId());
	}

	private Optional<String> managerOf(Feedback item) {
		return projects().byId(item.projectId()).map(ClientProject::managerId);
	}

	/** The projects, as the module that holds them tells; none when it is absent (a module test). */
	private ClientProjects projects() {
		return projects.getIfAvailable(() -> ClientProjects.NONE);
	}

	// --- deadlines and follow-ups -------------------------------------------------------------------------

	/**
	 * The deadline of an item recorded at a moment: that many working days later (the firm's default
	 * calendar, in the firm's zone), at the same time of day, moved into working hours.
	 */
	Instant deadline(Instant from, int workingDays) {
		var calendar = calendars.defaultCalendar();
		var local = from.atZone(firmZone);
		var date = local.toLocalDate();
		for (int left = workingDays; left > 0;) {
			date = date.plusDays(1);
			if (calendar.isWorkingDay(date)) {
				left--;
			}
		}
		return inWorkingHours(date.atTime(local.toLocalTime()).atZone(firmZone).toInstant());
	}

	/** The moment itself in working hours, else the next moment working hours begin. */
	private Instant inWorkingHours(Instant at) {
		return calendars.afterWorkingTime(at, Duration.ofMinutes(1)).minus(Duration.ofMinutes(1));
	}

	/**
	 * Follows up an item past its deadline (its job calls it): the first time its owner is reminded
	 * (unassigned: the project manager); {@code escalate-after} of working time later, if still open,
	 * it goes to the project manager (if the manager is who was reminded: the department head). Then
	 * nobody more is told.
	 * @return how many people were told
	 */
	public int followUp(long feedbackId) {
		var now = clock.instant();
		var item = items.findById(feedbackId).orElse(null);
		if (item == null || !item.open() || item.followUpAt() == null) {
			return 0;
		}
		if (item.followUpAt().isAfter(now)) {
			planning.planFollowUp(item.id(), item.followUpAt());
			return 0;
		}
		var project = projects().byId(item.projectId()).orElse(null);
		var manager = project == null ? null : project.managerId();
		if (item.followUpStage() == 0) {
			var to = item.ownerId() != null ? item.ownerId() : manager;
			var next = calendars.afterWorkingTime(now, settings.escalateAfter());
			item.followedUp(Feedback.REMINDED, now, next, to == null ? List.of() : List.of(to));
			items.save(item);
			planning.planFollowUp(item.id(), next);
			if (to == null) {
				return 0;
			}
			events.publishEvent(new FeedbackReminded(item.id(), to));
			return 1;
		}
		var reminded = item.ownerId() != null ? item.ownerId() : manager;
		String up = manager != null && !manager.equals(reminded) ? manager
				: project == null ? null : directory.headOf(project.departmentId()).map(head -> head.id()).orElse(null);
		if (up != null && up.equals(reminded)) {
			up = null;
		}
		item.followedUp(Feedback.ESCALATED, now, null, up == null ? List.of() : List.of(up));
		items.save(item);
		if (up == null) {
			return 0;
		}
		events.publishEvent(new FeedbackEscalated(item.id(), List.of(up)));
		return 1;
	}

	// --- the monthly summary -------------------------------------------------------------------------------

	/**
	 * Sums up a month's feedback for management (§5.2.3, 共性问题): per client, what came in by
	 * category, the categories that recur, and how many are still open; published as
	 * {@link MonthlySummary}, even for a quiet month.
	 */
	public MonthlySummary summarise(YearMonth month) {
		var from = month.atDay(1).atStartOfDay(firmZone).toInstant();
		var until = month.plusMonths(1).atDay(1).atStartOfDay(firmZone).toInstant();
		var byClient = new LinkedHashMap<Long, List<FeedbackItems.Received>>();
		var noClient = new ArrayList<FeedbackItems.Received>();
		for (var received : items.findReceived(from, until)) {
			if (received.clientId() == null) {
				noClient.add(received);
			}
			else {
				byClient.computeIfAbsent(received.clientId(), id -> new ArrayList<>()).add(received);
			}
		}
		var months = new ArrayList<ClientMonth>();
		byClient.forEach((clientId, received) -> months.add(month(clientId, clients.name(clientId).orElse(null), received)));
		if (!noClient.isEmpty()) {
			months.add(month(null, null, noClient));
		}
		months.sort(Comparator.comparing(ClientMonth::received).reversed()
			.thenComparing(client -> client.clientName() == null ? "" : client.clientName()));
		var recipients = directory.withRole(Role.MANAGEMENT).stream().map(person -> person.id()).toList();
		var summary = new MonthlySummary(month, months, recipients);
		events.publishEvent(summary);
		return summary;
	}

	private ClientMonth month(Long clientId, String name, List<FeedbackItems.Received> received) {
		var counts = new TreeMap<String, Integer>();
		received.forEach(item -> counts.merge(item.category(), 1, Integer::sum));
		var categories = new ArrayList<CategoryCount>();
		counts.forEach((category, count) -> categories.add(new CategoryCount(category, count, count >= settings.recurringAt())));
		categories.sort(Comparator.comparing(CategoryCount::count).reversed());
		int closed = (int) received.stream().filter(item -> item.status() == Feedback.Status.CLOSED).count();
		return new ClientMonth(clientId, name, received.size(), closed, received.size() - closed, categories);
	}

	/** Where the summary is made: the firm's zone. */
	ZoneId firmZone() {
		return firmZone;
	}

}
