package dev.steward.risk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import dev.steward.directory.DirectoryManagement;
import dev.steward.risk.RiskEvents.Card;
import dev.steward.risk.RiskEvents.DueReview;
import dev.steward.risk.RiskEvents.ReviewEscalated;
import dev.steward.risk.RiskEvents.ReviewReminded;
import dev.steward.risk.RiskEvents.ReviewsDue;
import dev.steward.scheduling.WorkingCalendars;
import dev.steward.firm.Separately;

/**
 * Scheduled reviews (§6.3): each day, at the review time in each owner's zone, every owner gets
 * the reviews due that day (missed days caught up); a review not done by its deadline reminds the
 * owner once, then goes to the next person up, then the one above, in working time. One job a time
 * zone asks for reviews, one job follows up every review: never a trigger a risk.
 */
@Service
class RiskReviews {

	private static final Logger log = LoggerFactory.getLogger(RiskReviews.class);

	private final Risks risks;

	private final RiskManagement management;

	private final RiskSettings settings;

	private final RiskPlanning planning;

	private final DirectoryManagement directory;

	private final WorkingCalendars calendars;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Separately separately;

	RiskReviews(Risks risks, RiskManagement management, RiskSettings settings, RiskPlanning planning,
			DirectoryManagement directory, WorkingCalendars calendars, ApplicationEventPublisher events, Clock clock,
			Separately separately) {
		this.risks = risks;
		this.management = management;
		this.settings = settings;
		this.planning = planning;
		this.directory = directory;
		this.calendars = calendars;
		this.events = events;
		this.clock = clock;
		this.separately = separately;
	}

	/**
	 * Asks the owners who live in a zone for their reviews due by today there, a message (a card of
	 * a few risks, worst first) at a time: every owner's first message, then every owner's second,
	 * and so on, since one conversation takes about a message a second and everybody should hear
	 * first. A few threads ask side by side ({@code review-threads}), each a few cards (of different
	 * owners) in a transaction: a commit for every card would cost more than the card. A batch that
	 * fails is asked again card by card, each in a transaction of its own, so one owner's trouble
	 * never holds up another's.
	 * @return how many reviews were asked for
	 */
	int askForReviews(ZoneId zone) {
		var now = clock.instant();
		var today = LocalDate.ofInstant(now, zone);
		var dueAt = calendars.afterWorkingTime(now, settings.reviewWithin());
		var byOwner = new LinkedHashMap<String, List<Risks.Due>>();
		var zones = new HashMap<String, ZoneId>();
		for (var due : risks.findDue(today)) {
			if (zone.equals(zones.computeIfAbsent(due.ownerId(), management::zoneOf))) {
				byOwner.computeIfAbsent(due.ownerId(), owner -> new ArrayList<>()).add(due);
			}
		}
		var cards = new LinkedHashMap<String, List<List<Long>>>();
		for (var entry : byOwner.entrySet()) {
			var sorted = new ArrayList<>(entry.getValue());
			sorted.sort(WORST_FIRST);
			var chunks = new ArrayList<List<Long>>();
			for (int start = 0; start < sorted.size(); start += settings.reviewsPerMessage()) {
				chunks.add(sorted.subList(start, Math.min(sorted.size(), start + settings.reviewsPerMessage()))
					.stream()
					.map(Risks.Due::id)
					.toList());
			}
			cards.put(entry.getKey(), chunks);
		}
		var numbers = new AtomicInteger();
		var pool = Executors.newFixedThreadPool(Math.min(settings.reviewThreads(), Math.max(1, byOwner.size())),
				runnable -> {
					var thread = new Thread(runnable, "risk-reviews-" + numbers.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		var run = new Run(pool, String.valueOf(now.toEpochMilli()), now, today, dueAt,
				cards.values().stream().mapToInt(List::size).sum());
		// every first card is queued before any second one
		try {
			cards.forEach((ownerId, chunks) -> run.ask(ownerId, chunks, 1));
			run.left.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			log.warn("The review run in {} was stopped; the next run asks the rest", zone);
		}
		finally {
			pool.shutdownNow();
		}
		var asked = run.asked;
		planning.planFollowUps(risks.nextFollowUp());
		log.info("Asked {} owners in {} for {} due risk reviews in {} ms", byOwner.size(), zone, asked.get(),
				java.time.Duration.between(now, clock.instant()).toMillis());
		return asked.get();
	}

	/** How many cards (of different owners) one transaction of the daily run asks at most. */
	static final int CARDS_A_TRANSACTION = 8;

	/** An owner's card {@code n} (from 1) of the run. */
	private record Ask(String ownerId, List<List<Long>> cards, int n) {
	}

	/**
	 * One day's run in a zone. Each owner's first card is queued at once and each card queues the
	 * owner's next when it is done: the queue takes them in order, so every first card goes before
	 * anyone's second, and an owner's cards are asked one after another, worst first. A thread takes
	 * the next few cards of the queue and asks them in one transaction.
	 */
	private final class Run {

		private final java.util.Queue<Ask> queue = new java.util.concurrent.ConcurrentLinkedQueue<>();

		private final ExecutorService pool;

		private final String stamp;

		private final Instant now;

		private final LocalDate today;

		private final Instant dueAt;

		private final AtomicInteger asked = new AtomicInteger();

		private final CountDownLatch left;

		Run(ExecutorService pool, String stamp, Instant now, LocalDate today, Instant dueAt, int cards) {
			this.pool = pool;
			this.stamp = stamp;
			this.now = now;
			this.today = today;
			this.dueAt = dueAt;
			this.left = new CountDownLatch(cards);
		}

		/** Queues an owner's card {@code n} (from 1); a thread takes it with the next few. */
		void ask(String ownerId, List<List<Long>> cards, int n) {
			queue.add(new Ask(ownerId, cards, n));
			try {
				pool.execute(this::askNext);
			}
			catch (java.util.concurrent.RejectedExecutionException stopped) {
				// the run was stopped; the next run asks what is left
			}
		}

		/** Asks the next few queued cards in one transaction (none, if other threads took them). */
		private void askNext() {
			var batch = new ArrayList<Ask>(CARDS_A_TRANSACTION);
			for (Ask next; batch.size() < CARDS_A_TRANSACTION && (next = queue.poll()) != null;) {
				batch.add(next);
			}
			if (batch.isEmpty()) {
				return;
			}
			try {
				asked.addAndGet(separately.call(() -> {
					int sum = 0;
					for (var ask : batch) {
						sum += askCard(ask);
					}
					return sum;
				}));
			}
			catch (RuntimeException batchFailed) {
				// nothing of the batch was kept: each card again, alone
				for (var ask : batch) {
					try {
						asked.addAndGet(separately.call(() -> askCard(ask)));
					}
					catch (RuntimeException ex) {
						log.error("Could not ask {} for {} due risk reviews; the next run asks again", ask.ownerId(),
								ask.cards().get(ask.n() - 1).size(), ex);
					}
				}
			}
			finally {
				for (var ask : batch) {
					left.countDown();
					if (ask.n() < ask.cards().size()) {
						ask(ask.ownerId(), ask.cards(), ask.n() + 1);
					}
				}
			}
		}

		private int askCard(Ask ask) {
			return RiskReviews.this.askCard(ask.ownerId(), ask.cards().get(ask.n() - 1),
					cardKey(ask.ownerId(), stamp, ask.n()), now, today, dueAt);
		}

	}

	/**
	 * Opens the review rounds of one card's risks (only those still due, open and the owner's) in one
	 * statement, writes their history lines in another, and reads what the card shows in a third.
	 */
	private int askCard(String ownerId, List<Long> ids, String key, Instant now, LocalDate today, Instant dueAt) {
		if (risks.openReviews(ids, ownerId, today, dueAt, key) == 0) {
			return 0;
		}
		risks.recordReviewsDue(ids, key, now);
		var onCard = new ArrayList<>(risks.dueOnCard(ids, key));
		onCard.sort(Comparator.comparing(DueReview::level).reversed().thenComparing(DueReview::id));
		events.publishEvent(new ReviewsDue(ownerId, today, new Card(key, onCard)));
		return onCard.size();
	}

	private static final Comparator<Risks.Due> WORST_FIRST = Comparator.comparing(Risks.Due::level)
		.reversed()
		.thenComparing(Risks.Due::id);

	/** The outbox key of an owner's message of due reviews: {@code risk-reviews:<owner>:<run's epoch ms>:<n>}. */
	static String cardKey(String ownerId, String stamp, int n) {
		return "risk-reviews:" + ownerId + ":" + stamp + ":" + n;
	}

	/**
	 * Follows up every review past its next follow-up time: the owner is reminded once, then the
	 * review goes up the chain a step each {@code escalate-after} of working time.
	 * @return how many follow-ups were made
	 */
	int followUp() {
		var now = clock.instant();
		int done = 0;
		for (var risk : risks.findFollowUpsDueBy(now)) {
			try {
				done += separately.call(() -> followUp(risk.id(), now));
			}
			catch (OptimisticLockingFailureException ex) {
				log.debug("Risk {} changed while it was followed up; the next run looks again", risk.id());
			}
			catch (RuntimeException ex) {
				log.error("Could not follow up the review of risk {}", risk.id(), ex);
			}
		}
		planning.planFollowUps(risks.nextFollowUp());
		return done;
	}

	private int followUp(long riskId, Instant now) {
		var risk = risks.findById(riskId).orElse(null);
		if (risk == null || !risk.open() || !risk.awaitingReview() || risk.followUpAt() == null
				|| risk.followUpAt().isAfter(now)) {
			return 0;
		}
		int stage = risk.followUpStage();
		var chain = risk.followUpStage() == 0 ? List.<List<String>>of() : management.chain(risk);
		var already = new LinkedHashSet<String>(Set.of(risk.ownerId()));
		if (stage == 0) {
			var next = calendars.afterWorkingTime(risk.followUpAt(), settings.escalateAfter());
			risk.followedUp(Risk.REMINDED, now, next, risk.ownerId());
			risks.save(risk);
			events.publishEvent(new ReviewReminded(riskId, risk.reviewRound(), risk.ownerId()));
			return 1;
		}
		// the next level of the chain that has someone new; each level once
		int level = stage - Risk.REMINDED;
		for (int i = 0; i < level && i < chain.size(); i++) {
			already.addAll(chain.get(i));
		}
		List<String> to = List.of();
		int reached = level;
		while (reached < chain.size() && to.isEmpty()) {
			var fresh = chain.get(reached).stream().filter(id -> !already.contains(id)).toList();
			already.addAll(chain.get(reached));
			to = fresh;
			reached++;
		}
		if (to.isEmpty()) {
			risk.followedUp(stage, now, null, null);
			risks.save(risk);
			return 0;
		}
		int newStage = Math.min(Risk.REMINDED + reached, Risk.TO_HEAD);
		var next = reached < chain.size() ? calendars.afterWorkingTime(risk.followUpAt(), settings.escalateAfter()) : null;
		risk.followedUp(newStage, now, next, String.join(",", to));
		risks.save(risk);
		events.publishEvent(new ReviewEscalated(riskId, risk.reviewRound(), newStage, to, risk.ownerId()));
		return 1;
	}

	/** The zones the owners of open risks live in (and the firm's), so each has its daily job. */
	Set<ZoneId> ownerZones() {
		var zones = new LinkedHashSet<ZoneId>();
		risks.openOwners().forEach(owner -> zones.add(management.zoneOf(owner)));
		return zones;
	}

	/** The weekly digest: what each department head should know of the week. */
	void digest(Instant until) {
		var since = until.minus(java.time.Duration.ofDays(7));
		var byDepartment = new LinkedHashMap<String, RiskEvents.DigestReady.Builder>();
		for (var risk : risks.findForDigest(since, until)) {
			var department = risk.departmentId();
			if (department == null) {
				continue;
			}
			var digest = byDepartment.computeIfAbsent(department, RiskEvents.DigestReady::builder);
			if (!risk.createdAt().isBefore(since)) {
				digest.added(risk.id());
			}
			if (risk.closedAt() != null && !risk.closedAt().isBefore(since)) {
				digest.closed(risk.id());
			}
			if (risk.open() && risk.awaitingReview() && risk.reviewDueAt() != null && risk.reviewDueAt().isBefore(until)) {
				digest.overdue(risk.id());
			}
			if (risk.createdAt().isBefore(since) && risk.level().above(levelAt(risk, since))) {
				digest.rising(risk.id());
			}
		}
		byDepartment.forEach((department, digest) -> directory.headOf(department)
			.ifPresent(head -> events.publishEvent(digest.build(head.id(), since, until))));
	}

	private static RiskLevel levelAt(Risk risk, Instant at) {
		var level = risk.level();
		for (var entry : risk.history()) {
			if (entry.at().isBefore(at)) {
				level = entry.level();
			}
		}
		return level;
	}

}
