package dev.steward.progress;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import dev.steward.progress.ProgressEvents.CycleAnnounced;
import dev.steward.progress.ProgressEvents.CycleClosed;
import dev.steward.progress.ProgressEvents.DigestForwarded;
import dev.steward.progress.ProgressEvents.MemberExcused;
import dev.steward.progress.ProgressEvents.MembersPrompted;
import dev.steward.progress.ProgressEvents.ReminderDue;
import dev.steward.progress.ProgressEvents.ReportSubmitted;
import dev.steward.progress.ProgressRefused.Reason;

/**
 * One project's reporting week, with its prompts and reports. Each step of the week happens
 * once: members are prompted once, the week is announced, reminded and closed once, and the
 * digest is sent on once; reports may be edited until then. The version makes two changes at
 * once end in one saved and the other run again.
 */
@Table("progress_cycle")
public class Cycle extends AbstractAggregateRoot<Cycle> {

	@Id
	private Long id;

	@Version
	private Integer version;

	private final long projectId;

	/** The ISO week, e.g. {@code 2026-W48}. */
	private final String week;

	private final Instant deadlineAt;

	private Instant announcedAt;

	private Instant remindedAt;

	/** When the deadline passed and the project manager got the digest. */
	private Instant closedAt;

	private String pmComment;

	/** When the project manager sent the digest on. */
	private Instant forwardedAt;

	private String forwardedBy;

	@MappedCollection(idColumn = "cycle_id")
	private final Set<Prompt> prompts;

	@MappedCollection(idColumn = "cycle_id")
	private final Set<ProgressReport> reports;

	@PersistenceCreator
	Cycle(Long id, Integer version, long projectId, String week, Instant deadlineAt, Instant announcedAt,
			Instant remindedAt, Instant closedAt, String pmComment, Instant forwardedAt, String forwardedBy,
			Set<Prompt> prompts, Set<ProgressReport> reports) {
		this.id = id;
		this.version = version;
		this.projectId = projectId;
		this.week = week;
		this.deadlineAt = deadlineAt;
		this.announcedAt = announcedAt;
		this.remindedAt = remindedAt;
		this.closedAt = closedAt;
		this.pmComment = pmComment;
		this.forwardedAt = forwardedAt;
		this.forwardedBy = forwardedBy;
		this.prompts = new HashSet<>(prompts);
		this.reports = new HashSet<>(reports);
	}

	/** A new week of a project, with nobody prompted yet. */
	static Cycle of(long projectId, String week, Instant deadlineAt) {
		return new Cycle(null, null, projectId, week, deadlineAt, null, null, null, null, null, null, Set.of(), Set.of());
	}

	/** The ISO week an instant falls in, where the person lives: {@code 2026-W48}. */
	static String week(Instant at, ZoneId zone) {
		var date = at.atZone(zone).toLocalDate();
		return "%d-W%02d".formatted(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	// --- the week's steps -----------------------------------------------------------------------

	/**
	 * Prompts those of these members who have no prompt this week yet (an excused one has one);
	 * all of them in one event. Answers whom it prompted.
	 */
	List<String> prompt(Collection<String> members, Instant now, boolean late) {
		var prompted = members.stream().distinct().filter(person -> prompt(person).isEmpty()).toList();
		prompted.forEach(person -> prompts.add(new Prompt(person, Prompt.Status.SENT, now, null)));
		if (!prompted.isEmpty()) {
			registerEvent(new MembersPrompted(projectId, id, prompted, late));
		}
		return prompted;
	}

	/** The week's prompts began, once: the project's channel hears of it. */
	boolean announce(List<String> team, Instant now) {
		if (announcedAt != null) {
			return false;
		}
		announcedAt = now;
		registerEvent(new CycleAnnounced(projectId, id, List.copyOf(team)));
		return true;
	}

	/** Reminds, once and only before the deadline closed the week, the members who have not reported. */
	boolean remind(List<String> team, Instant now) {
		if (closed() || remindedAt != null) {
			return false;
		}
		remindedAt = now;
		var missing = missing(team);
		if (!missing.isEmpty()) {
			registerEvent(new ReminderDue(projectId, id, missing));
		}
		return true;
	}

	/** The deadline passed, once: the project manager gets the digest. */
	boolean close(Instant now) {
		if (closed()) {
			return false;
		}
		closedAt = now;
		registerEvent(new CycleClosed(projectId, id));
		return true;
	}

	/**
	 * Whether the digest may be sent on now.
	 * @throws ProgressRefused if the week is not closed yet, or was sent on already
	 */
	void checkForwardable() {
		if (!closed()) {
			throw new ProgressRefused(Reason.NOT_CLOSED);
		}
		if (forwarded()) {
			throw new ProgressRefused(Reason.ALREADY_FORWARDED);
		}
	}

	/**
	 * The project manager sends the digest on, with a comment or none, once.
	 * @throws ProgressRefused if the week is not closed yet, or was sent on already
	 */
	void forward(String actorId, String comment, Instant now) {
		checkForwardable();
		forwardedAt = now;
		forwardedBy = actorId;
		pmComment = comment == null || comment.isBlank() ? null : comment.strip();
		registerEvent(new DigestForwarded(projectId, id, actorId));
	}

	/**
	 * Saves a member's report, or replaces their earlier one (which keeps when it first came in).
	 * @throws ProgressRefused if the digest has gone out
	 */
	ProgressReport submit(String personId, String done, String nextWeek, String blockers, int percent, Rag rag,
			Instant now) {
		if (forwarded()) {
			throw new ProgressRefused(Reason.FORWARDED);
		}
		var earlier = report(personId);
		earlier.ifPresent(reports::remove);
		var report = new ProgressReport(personId, done, nextWeek, blockers, percent, rag,
				earlier.map(ProgressReport::submittedAt).orElse(now), now);
		reports.add(report);
		registerEvent(new ReportSubmitted(projectId, id, personId, earlier.isPresent()));
		return report;
	}

	/** Excuses a member (on leave) from the week, whether or not they were prompted. */
	void excuse(String personId, String byId, String note, Instant now) {
		var earlier = prompt(personId);
		earlier.ifPresent(prompts::remove);
		prompts.add(earlier.map(prompt -> prompt.excused(note))
			.orElseGet(() -> new Prompt(personId, Prompt.Status.EXCUSED, now, note)));
		registerEvent(new MemberExcused(projectId, id, personId, byId));
	}

	/** Refuses a report for the given week if this is that week and its digest has gone out. */
	void checkAcceptsReportsFor(String week) {
		if (forwarded() && this.week.equals(week)) {
			throw new ProgressRefused(Reason.FORWARDED);
		}
	}

	// --- what the week holds --------------------------------------------------------------------

	/** Members of the team who have neither reported nor been excused. */
	public List<String> missing(List<String> team) {
		var excused = excused();
		return team.stream().filter(person -> report(person).isEmpty() && !excused.contains(person)).toList();
	}

	/** Members who were prompted (and not excused since), by id. */
	public List<String> prompted() {
		return withStatus(Prompt.Status.SENT);
	}

	/** Members excused from the week, by id. */
	public List<String> excused() {
		return withStatus(Prompt.Status.EXCUSED);
	}

	/** The week's reports, by member id. */
	public List<ProgressReport> reports() {
		var sorted = new ArrayList<>(reports);
		sorted.sort(Comparator.comparing(ProgressReport::personId));
		return sorted;
	}

	public Optional<ProgressReport> report(String personId) {
		return reports.stream().filter(report -> report.personId().equals(personId)).findFirst();
	}

	/** The events registered and not yet published by a save. */
	List<Object> pendingEvents() {
		return List.copyOf(domainEvents());
	}

	private Optional<Prompt> prompt(String personId) {
		return prompts.stream().filter(prompt -> prompt.personId().equals(personId)).findFirst();
	}

	private List<String> withStatus(Prompt.Status status) {
		return prompts.stream().filter(prompt -> prompt.status() == status).map(Prompt::personId).sorted().toList();
	}

	public boolean closed() {
		return closedAt != null;
	}

	public boolean forwarded() {
		return forwardedAt != null;
	}

	public long id() {
		return id;
	}

	public long projectId() {
		return projectId;
	}

	public String week() {
		return week;
	}

	public Instant deadlineAt() {
		return deadlineAt;
	}

	public Instant announcedAt() {
		return announcedAt;
	}

	public Instant remindedAt() {
		return remindedAt;
	}

	public Instant closedAt() {
		return closedAt;
	}

	public String pmComment() {
		return pmComment;
	}

	public Instant forwardedAt() {
		return forwardedAt;
	}

	public String forwardedBy() {
		return forwardedBy;
	}

}
