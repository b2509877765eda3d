package dev.steward.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.steward.conversation.spi.Door;
import dev.steward.conversation.spi.Door.Delivery;
import dev.steward.conversation.spi.Door.DeliveryFailure;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers outbox rows. A commit that wrote a row hands its conversation to a worker at once; a
 * conversation whose next row must wait (the door's pacing, a retry) is handed over again when the
 * wait is over, by a timer of this instance; and a poll looks for whatever nobody handed over (a
 * restart's leftovers, rows another instance wrote or left). Conversations are delivered side by side by a few workers, each conversation's
 * messages in order by one worker at a time; no conversation waits for another's to finish.
 * Records the platform's message id, so a later update rewrites the same message. Stopping (a
 * graceful shutdown) lets each worker finish the message it is handing to a platform and record
 * the answer, then leaves the rest for the next start; it waits at most
 * {@code steward.outbox.shutdown-wait}. Counts deliveries, retries and messages given up
 * ({@code steward.outbox.*} meters).
 * <p>
 * Several instances may share one outbox: a worker claims its conversation's lease first
 * ({@link ConversationLeases}) and a look passes over conversations another instance holds, so
 * every row is delivered by one instance, and a conversation's rows in order and paced by it.
 */
@Component
@org.springframework.boot.context.properties.EnableConfigurationProperties(OutboxSettings.class)
class OutboxDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	static final int MAX_ATTEMPTS = 8;

	/** How many conversations one look hands out at most; a finished one looks again. */
	static final int PAGE = 256;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	/** The doors by name, looked up when delivery starts (see {@link JdbcOutbox}'s doors). */
	private final ObjectProvider<Door> doorBeans;

	private volatile Map<String, Door> doors = Map.of();

	private final Clock clock;

	private final Duration poll;

	private final AtomicBoolean queued = new AtomicBoolean();

	/**
	 * Conversations waiting on this instance's timer for their next row (a paced message, a retry):
	 * when it is woken. A look for due rows leaves them to it.
	 */
	private final Map<Conversation, Instant> timers = new ConcurrentHashMap<>();

	/**
	 * Conversations waiting on a pacing wait kept only here (a short one is not written to the rows):
	 * until when. A look for due rows leaves them to the timer; a wait written to the rows needs no
	 * such care, and a row made due again by someone else (an admin's retry) is then found at once.
	 */
	private final Map<Conversation, Instant> unwritten = new ConcurrentHashMap<>();

	private ScheduledExecutorService executor;

	/**
	 * Hands conversations over when their wait is over; a thread of its own, so that a look for due
	 * rows, or a lease renewal, on the dispatcher's thread never makes a paced message late.
	 */
	private ScheduledExecutorService timer;

	private final int workerCount;

	private ExecutorService workers;

	/** Set when stopping: a worker hands no further message to a platform. */
	private volatile boolean stopping;

	private final Duration shutdownWait;

	private final MeterRegistry meters;

	private final ConversationLeases leases;

	private final Duration lease;

	/**
	 * Whether a delivered row is settled lightly: on PostgreSQL, its statements sent together, in one
	 * round trip, as one transaction committed without waiting for its write-ahead log to reach the
	 * disk. H2 has no such commit, nor statements sent together.
	 */
	private final boolean lightly;

	OutboxDispatcher(JdbcClient jdbc, JsonMapper json, ObjectProvider<Door> doors, Clock clock,
			OutboxSettings settings, MeterRegistry meters, dev.steward.firm.Database database) {
		this.lightly = database.postgres();
		this.meters = meters;
		this.shutdownWait = settings.shutdownWait();
		this.workerCount = settings.workers();
		this.jdbc = jdbc;
		this.json = json;
		this.doorBeans = doors;
		this.clock = clock;
		this.poll = settings.poll();
		this.lease = settings.lease();
		this.leases = new ConversationLeases(jdbc, clock, settings, database.embedded());
	}

	/** This instance's claims on conversations. */
	ConversationLeases leases() {
		return leases;
	}

	private record Row(long id, String door, String address, boolean direct, String kind, Long target, String body,
			int files, int attempts, OffsetDateTime triedAt, OffsetDateTime nextAttemptAt) {
	}

	private record Target(String status, String platformId) {
	}

	/** A door's conversation: a channel, or a person's direct messages. */
	private record Conversation(String door, String address) {
	}

	/** Conversations a worker is delivering now: each conversation has one worker at a time. */
	private final Set<Conversation> busy = ConcurrentHashMap.newKeySet();

	/**
	 * Conversations that may have rows their worker has not read: a commit wrote one, or a look found
	 * one due while the conversation was busy. A worker forgets its conversation here before it reads
	 * the rows, and looks again before it lets go if it is here again.
	 */
	private final Set<Conversation> poked = ConcurrentHashMap.newKeySet();

	/**
	 * Whether a look left due conversations for later (there were more than a page): the next worker
	 * to finish then wakes the dispatcher, and otherwise a finished worker does not.
	 */
	private final AtomicBoolean passedOver = new AtomicBoolean();

	/** Asks for a delivery round soon; cheap, and many calls coalesce into one round. */
	void wake() {
		var running = executor;
		if (running != null && queued.compareAndSet(false, true)) {
			running.execute(() -> {
				queued.set(false);
				drain();
			});
		}
	}

	/**
	 * Asks for a delivery round once the current transaction commits (at once outside one): a row it
	 * wrote or made due again is not visible to the dispatcher before.
	 */
	void wakeAfterCommit() {
		afterCommit(this::wake);
	}

	/**
	 * Hands a conversation a row was written to over to a worker once the current transaction commits
	 * (at once outside one), without a look for due rows: a commit that writes messages to many
	 * conversations costs no more than their hand-overs. A row kept until a later time is handed
	 * over then.
	 */
	void wakeAfterCommit(ChannelRef to, Instant keptUntil) {
		var conversation = new Conversation(to.door(), to.id());
		// counted at once, so the first hand-over of a commit's rows already knows how many it wrote
		written.merge(conversation, 1, Integer::sum);
		// one kept until its time: this instance's timer hands it over then (a look finds it too)
		afterCommit(() -> {
			if (keptUntil == null) {
				offer(conversation);
			}
			else {
				later(conversation, keptUntil);
			}
		}, () -> settledOne(conversation));
	}

	private static void afterCommit(Runnable action) {
		afterCommit(action, () -> {
		});
	}

	/** Runs the action once the current transaction commits (at once outside one), the other if it does not. */
	private static void afterCommit(Runnable action, Runnable rolledBack) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}

				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						rolledBack.run();
					}
				}
			});
		}
		else {
			action.run();
		}
	}

	/**
	 * Hands a conversation to a worker, unless one has it already: that one reads its rows again
	 * before it lets go. Does nothing before the dispatcher starts (its first look finds the rows).
	 */
	private void offer(Conversation conversation) {
		var pool = workers;
		if (stopping || pool == null) {
			return;
		}
		handOver(conversation, pool);
	}

	/**
	 * Hands a conversation to the pool, unless a worker has it already (that one reads its rows again
	 * before it lets go, and if it let go meanwhile this hand-over takes it); answers false once the
	 * pool is closed.
	 */
	private boolean handOver(Conversation conversation, java.util.concurrent.Executor pool) {
		poked.add(conversation);
		if (busy.add(conversation)) {
			return queue(conversation, pool, inChain(conversation));
		}
		moveUp(conversation, pool);
		return true;
	}

	/** Queues a busy conversation's hand-over; false once the pool is closed (the conversation is free again). */
	private boolean queue(Conversation conversation, java.util.concurrent.Executor pool, boolean chain) {
		var handOver = new HandOver(conversation, chain);
		waitingForWorker.put(conversation, handOver);
		try {
			pool.execute(handOver);
			return true;
		}
		catch (RejectedExecutionException closed) {
			waitingForWorker.remove(conversation, handOver);
			busy.remove(conversation);
			return false;
		}
	}

	/** Conversations handed to the workers that no worker has taken yet, with their hand-over. */
	private final Map<Conversation, HandOver> waitingForWorker = new ConcurrentHashMap<>();

	/**
	 * A conversation that waits for a worker as one with a single message and now has more (the
	 * next one was written meanwhile) moves up among the chains: its hand-over is taken out of the
	 * queue and put back at the chains' rank. One a worker has taken already is left to it (it reads
	 * the conversation's rows again before it lets go).
	 */
	private void moveUp(Conversation conversation, java.util.concurrent.Executor pool) {
		var queued = waitingForWorker.get(conversation);
		if (queued == null || queued.chain || !(pool instanceof java.util.concurrent.ThreadPoolExecutor executor)
				|| !inChain(conversation)) {
			return;
		}
		// the conversation stays busy throughout: nobody else hands it over meanwhile
		if (waitingForWorker.remove(conversation, queued) && executor.remove(queued)) {
			queue(conversation, executor, true);
		}
	}

	/**
	 * How long after this instance last delivered to a conversation a new hand-over of it counts as
	 * the next of a chain of messages.
	 */
	static final Duration CHAIN = Duration.ofSeconds(30);

	/** When this instance's workers last delivered to each conversation (within {@link #CHAIN}). */
	private final Map<Conversation, Instant> lastDelivered = new ConcurrentHashMap<>();

	/** Hands over since start: the order of hand-overs of the same rank. */
	private final java.util.concurrent.atomic.AtomicLong handedOver = new java.util.concurrent.atomic.AtomicLong();

	/**
	 * How many rows this instance wrote to each conversation that its workers have not settled yet
	 * (rows written by another instance are not counted: a hint, not a tally).
	 */
	private final Map<Conversation, Integer> written = new ConcurrentHashMap<>();

	/** One row this instance wrote to the conversation is settled (or was never committed). */
	private void settledOne(Conversation conversation) {
		written.computeIfPresent(conversation, (key, count) -> count > 1 ? count - 1 : null);
	}

	/**
	 * Whether a conversation handed over now is in the middle of a chain of messages: delivered to a
	 * moment ago, or with more than one row written and waiting.
	 */
	private boolean inChain(Conversation conversation) {
		var last = lastDelivered.get(conversation);
		return last != null && last.plus(CHAIN).isAfter(clock.instant()) || written.getOrDefault(conversation, 0) > 1;
	}

	/**
	 * A conversation handed to the workers. Those in the middle of a chain of messages (a manager's
	 * ten survey messages, a busy channel) go before those getting their first: a chain's messages
	 * are paced a second apart, so one that waits behind a crowd of single messages at every step
	 * finishes long after its pacing would allow, while a single message waits only once.
	 * Among the same rank, first handed over, first taken.
	 */
	private final class HandOver implements Runnable, Comparable<HandOver> {

		private final Conversation conversation;

		private final boolean chain;

		private final long order = handedOver.incrementAndGet();

		HandOver(Conversation conversation, boolean chain) {
			this.conversation = conversation;
			this.chain = chain;
		}

		@Override
		public void run() {
			waitingForWorker.remove(conversation, this);
			deliver(conversation);
		}

		@Override
		public int compareTo(HandOver other) {
			if (chain != other.chain) {
				return chain ? -1 : 1;
			}
			return Long.compare(order, other.order);
		}

	}

	/**
	 * Hands a conversation to a worker again when its next row comes due (a paced message, a retry),
	 * rather than at the next poll: a channel's messages then go out about as fast as its pacing
	 * allows. One timer a conversation: a later one is not set while one no later is.
	 */
	private void later(Conversation conversation, Instant at) {
		var running = timer;
		if (running == null) {
			return;
		}
		var now = clock.instant();
		var set = timers.get(conversation);
		if (set != null && !set.isAfter(at) && set.isAfter(now)) {
			return;
		}
		timers.put(conversation, at);
		try {
			running.schedule(() -> {
				timers.remove(conversation, at);
				unwritten.computeIfPresent(conversation, (key, until) -> until.isAfter(at) ? until : null);
				offer(conversation);
			}, Math.max(0, Duration.between(now, at).toMillis()), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException closed) {
			timers.remove(conversation, at); // the dispatcher is stopping
		}
	}

	/** Whether the conversation waits on a pacing wait this instance keeps only in memory. */
	private boolean waiting(Conversation conversation, Instant now) {
		var at = unwritten.get(conversation);
		return at != null && at.isAfter(now);
	}

	/**
	 * Hands every conversation whose first waiting row is due to a worker, unless one is delivering it
	 * already (it reads its rows again before it lets go) or this instance's timer hands it over later;
	 * runs on the dispatcher's thread and waits for no delivery. When there are more than a page, the
	 * next worker to finish wakes the dispatcher again, so they are never left for the poll.
	 */
	synchronized void drain() {
		if (stopping) {
			return;
		}
		try {
			var looked = now();
			// a conversation's rows go in order, so it is due when its first waiting row is
			var due = jdbc.sql("""
					select m.door, m.address from outbox_message m
					join (select door, address, min(id) as first_id from outbox_message
					  where status = 'PENDING' group by door, address) f on m.id = f.first_id
					where m.next_attempt_at <= :now
					  and not exists (select 1 from outbox_lease l
					    where l.door = m.door and l.address = m.address and l.holder <> :me and l.expires_at > :now)
					order by m.id
					fetch first %d rows only""".formatted(PAGE))
				.param("now", looked)
				.param("me", leases.holder())
				.query((rs, n) -> new Conversation(rs.getString("door"), rs.getString("address")))
				.list();
			java.util.concurrent.Executor pool = workers != null ? workers : Runnable::run;
			var instant = looked.toInstant();
			boolean handedNew = false;
			for (var conversation : due) {
				if (waiting(conversation, instant)) {
					continue;
				}
				handedNew |= !busy.contains(conversation);
				if (!handOver(conversation, pool)) {
					return;
				}
			}
			// more than a page, and this look found some nobody had handed over: the next worker to
			// finish looks again. A page whose conversations were all with the workers already (a
			// commit hands over what it writes) says nothing of the rest: the poll looks then, and a
			// backlog is not read again at every message delivered.
			if (due.size() == PAGE && handedNew) {
				passedOver.set(true);
			}
		}
		catch (RuntimeException ex) {
			log.error("Outbox round failed; will try again", ex);
		}
	}

	/**
	 * Delivers a conversation's due rows in order, read afresh now that this worker alone has it: one
	 * that is not settled, or still waiting, holds back the ones after it, and a timer hands the
	 * conversation over again when it comes due.
	 */
	private void deliver(Conversation conversation) {
		boolean held = false;
		try {
			if (stopping || !leases.claim(conversation.door(), conversation.address())) {
				return; // another instance delivers it
			}
			held = true;
			boolean more;
			do {
				poked.remove(conversation); // a row written from here on pokes it again
				var now = now();
				var rows = jdbc.sql("""
						select id, door, address, direct, kind, target_id, body, files, attempts, tried_at, next_attempt_at
						from outbox_message where door = :door and address = :address and status = 'PENDING'
						order by id fetch first 64 rows only""")
					.param("door", conversation.door())
					.param("address", conversation.address())
					.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("door"), rs.getString("address"),
							rs.getBoolean("direct"), rs.getString("kind"), (Long) rs.getObject("target_id", Long.class),
							rs.getString("body"), rs.getInt("files"), rs.getInt("attempts"),
							rs.getObject("tried_at", OffsetDateTime.class), rs.getObject("next_attempt_at", OffsetDateTime.class)))
					.list();
				more = rows.size() == 64;
				for (var row : rows) {
					if (row.nextAttemptAt().isAfter(now)) {
						later(conversation, row.nextAttemptAt().toInstant()); // it holds back the rest
						more = false;
						break;
					}
					if (stopping) {
						more = false;
						break;
					}
					boolean settled = deliver(row);
					lastDelivered.put(conversation, clock.instant());
					if (settled) {
						settledOne(conversation);
					}
					else {
						more = false;
						break;
					}
				}
			}
			while (more);
		}
		catch (RuntimeException ex) {
			log.error("Outbox delivery to {} on {} failed; will try again", conversation.address(), conversation.door(), ex);
		}
		finally {
			if (held) {
				release(conversation);
			}
			busy.remove(conversation);
			if (poked.contains(conversation)) {
				offer(conversation);
			}
			if (passedOver.getAndSet(false)) {
				wake();
			}
		}
	}

	private void release(Conversation conversation) {
		try {
			leases.release(conversation.door(), conversation.address());
		}
		catch (RuntimeException ex) {
			log.warn("Could not release the outbox lease of {} on {}; it runs out by itself", conversation.address(),
					conversation.door(), ex);
		}
	}

	/** Renews the leases of the conversations this instance's workers are delivering. */
	private void renewLeases() {
		var chainsSince = clock.instant().minus(CHAIN);
		lastDelivered.values().removeIf(at -> at.isBefore(chainsSince));
		// a count left by rows another instance settled: nothing here delivers or waits for them
		written.keySet()
			.removeIf(conversation -> !busy.contains(conversation) && !timers.containsKey(conversation)
					&& !lastDelivered.containsKey(conversation));
		for (var conversation : busy) {
			try {
				leases.renew(conversation.door(), conversation.address());
			}
			catch (RuntimeException ex) {
				log.warn("Could not renew the outbox lease of {} on {}", conversation.address(), conversation.door(), ex);
			}
		}
	}

	/** Delivers one row; answers whether it is settled (sent or given up). */
	private boolean deliver(Row row) {
		var door = doors.get(row.door());
		if (door == null) {
			givenUp(row);
			return settle(row, "FAILED", null, "door " + row.door() + " is not active");
		}
		var message = json.readValue(row.body(), Message.class);
		if (row.files() > 0) {
			message = message.withFiles(files(row.id()));
		}
		var delivery = new Delivery(row.id(), new ChannelRef(row.door(), row.address(), row.direct()), message,
				row.triedAt() != null);
		try {
			if ("POST".equals(row.kind())) {
				var ready = door.readyIn(delivery.to());
				if (!ready.isZero() && !ready.isNegative()) {
					return waitFor(row, ready);
				}
				if (row.triedAt() == null) {
					// from here on the message may be on the platform, whatever becomes of this process
					jdbc.sql("update outbox_message set tried_at = :now where id = :id")
						.param("now", now())
						.param("id", row.id())
						.update();
				}
				var platformId = door.post(delivery);
				delivered(row);
				return settle(row, "SENT", platformId, null);
			}
			var target = jdbc.sql("select status, platform_message_id from outbox_message where id = :id")
				.param("id", row.target())
				.query((rs, n) -> new Target(rs.getString("status"), rs.getString("platform_message_id")))
				.single();
			switch (target.status()) {
				case "SENT" -> {
					door.update(delivery, target.platformId());
					delivered(row);
					jdbc.sql("update outbox_message set body = :body where id = :id")
						.param("body", row.body())
						.param("id", row.target())
						.update();
					return settle(row, "SENT", target.platformId(), null);
				}
				case "FAILED", "DROPPED" -> {
					givenUp(row);
					return settle(row, "FAILED", null, "the message it updates was never delivered");
				}
				default -> {
					return false; // the original is still waiting for its retry; this follows it
				}
			}
		}
		catch (DeliveryFailure failure) {
			int attempts = row.attempts() + (failure.attempted() ? 1 : 0);
			if (failure.permanent() || attempts >= MAX_ATTEMPTS) {
				log.warn("Outbox message {} to {} given up after {} attempts: {}", row.id(), row.door(), attempts,
						failure.getMessage());
				givenUp(row);
				// the last attempt counts too: an admin reads how often the platform was asked
				jdbc.sql("update outbox_message set attempts = :attempts where id = :id")
					.param("attempts", attempts)
					.param("id", row.id())
					.update();
				return settle(row, "FAILED", null, failure.getMessage());
			}
			var wait = failure.retryAfter() != null ? failure.retryAfter()
					: Duration.ofMillis(500L * (1L << Math.min(attempts, 10)));
			// a wait for pacing, or a rate limit, never left a message on the platform: the row is as untried as it was before
			var untried = !failure.attempted() && row.triedAt() == null ? ", tried_at = null" : "";
			var next = now().plus(wait);
			if (failure.attempted()) {
				retried(row);
			}
			else if (failure.rateLimited()) {
				rateLimited(row);
			}
			later(conversationOf(row), next.toInstant());
			jdbc.sql("""
					update outbox_message set attempts = :attempts, next_attempt_at = :next, last_error = :error%s
					where id = :id""".formatted(untried))
				.param("attempts", attempts)
				.param("next", next)
				.param("error", failure.attempted() || failure.rateLimited() ? truncate(failure.getMessage()) : null)
				.param("id", row.id())
				.update();
			// the conversation's later rows cannot go before it: they wait as long, so a look for due
			// rows passes over them instead of finding each held back
			holdBack(row, next, false);
			return false;
		}
		catch (RuntimeException ex) {
			log.error("Outbox message {} to {} failed", row.id(), row.door(), ex);
			givenUp(row);
			return settle(row, "FAILED", null, ex.toString());
		}
	}

	/**
	 * A row the door's pacing holds back, before it was tried: this instance's timer hands the
	 * conversation over again when it comes due. Only a wait longer than this instance keeps the
	 * conversation after letting go of it is written down (the row and the conversation's later ones
	 * wait as long, in one write), so that another instance does not take it sooner; a shorter one,
	 * the usual second between a channel's messages, costs no write. Answers that the row is not
	 * settled.
	 */
	private boolean waitFor(Row row, Duration wait) {
		var next = now().plus(wait);
		var conversation = conversationOf(row);
		if (leases.keeps(wait)) {
			unwritten.put(conversation, next.toInstant());
		}
		else {
			holdBack(row, next, true);
		}
		later(conversation, next.toInstant());
		return false;
	}

	private static Conversation conversationOf(Row row) {
		return new Conversation(row.door(), row.address());
	}

	/** Makes the conversation's rows after this one (and this one too, if asked) wait until {@code next}. */
	private void holdBack(Row row, OffsetDateTime next, boolean itself) {
		jdbc.sql("""
				update outbox_message set next_attempt_at = :next
				where door = :door and address = :address and status = 'PENDING' and id %s :id and next_attempt_at < :next"""
			.formatted(itself ? ">=" : ">"))
			.param("next", next)
			.param("door", row.door())
			.param("address", row.address())
			.param("id", row.id())
			.update();
	}

	/** A row's files, in the order the message listed them. */
	private List<Attachment> files(long id) {
		return jdbc.sql("select name, media_type, title, content from outbox_file where outbox_id = :id order by seq")
			.param("id", id)
			.query((rs, n) -> new Attachment(rs.getString("name"), rs.getString("media_type"), rs.getString("title"),
					rs.getBytes("content")))
			.list();
	}

	/**
	 * Settles a row. A message that went out needs its files no longer; one given up keeps them, so
	 * an admin who sends it again ({@link DeadLetters}) sends it whole.
	 */
	private boolean settle(Row row, String status, String platformId, String error) {
		boolean sent = "SENT".equals(status);
		boolean dropFiles = sent && row.files() > 0;
		if (lightly && sent) {
			// A message the platform took: a post was marked tried (durably) before it went, and an edit
			// can be made twice. If the database loses this commit in a crash, the row is delivered again,
			// a post as one that may be there already (the door looks before it posts), so nothing is lost
			// or doubled, and a delivery does not wait for one more disk flush. Sent together outside a
			// transaction, the statements are one implicit transaction, which the setting is local to.
			write(row, "set local synchronous_commit = off;\n" + (dropFiles ? DROP_FILES + ";\n" : "") + SETTLE, status,
					platformId, error);
		}
		else {
			if (dropFiles) {
				jdbc.sql(DROP_FILES).param("id", row.id()).update();
			}
			write(row, SETTLE, status, platformId, error);
		}
		return true;
	}

	private static final String DROP_FILES = "delete from outbox_file where outbox_id = :id";

	private static final String SETTLE = """
			update outbox_message set status = :status, platform_message_id = :platform, last_error = :error,
			  sent_at = :now where id = :id""";

	private void write(Row row, String statements, String status, String platformId, String error) {
		long id = row.id();
		jdbc.sql(statements)
			.param("status", status)
			.param("platform", platformId)
			.param("error", truncate(error))
			.param("now", now())
			.param("id", id)
			.update();
	}

	/** {@code steward.outbox.delivered}: a message the platform took. */
	private void delivered(Row row) {
		count(Counter.builder("steward.outbox.delivered").description("Messages delivered to a platform"), row);
	}

	/** {@code steward.outbox.retries}: a delivery the platform refused or failed, to be tried again. */
	private void retried(Row row) {
		count(Counter.builder("steward.outbox.retries").description("Deliveries to be tried again"), row);
	}

	/** {@code steward.outbox.rate.limited}: a delivery the platform refused for its rate limit, tried again after its wait. */
	private void rateLimited(Row row) {
		count(Counter.builder("steward.outbox.rate.limited").description("Deliveries refused for the platform's rate limit"),
				row);
	}

	/** {@code steward.outbox.given.up}: Steward's dead letters, kept as FAILED rows. */
	private void givenUp(Row row) {
		count(Counter.builder("steward.outbox.given.up").description("Messages given up"), row);
	}

	private void count(Counter.Builder meter, Row row) {
		meter.tag("door", row.door())
			.tag("kind", row.kind().toLowerCase(java.util.Locale.ROOT))
			.register(meters)
			.increment();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	private static String truncate(String text) {
		return text == null || text.length() <= 500 ? text : text.substring(0, 500);
	}

	@Override
	public synchronized void start() {
		stopping = false;
		leases.start();
		doors = doorBeans.orderedStream().collect(Collectors.toMap(Door::name, Function.identity()));
		executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			var thread = new Thread(runnable, "outbox");
			thread.setDaemon(true);
			return thread;
		});
		var numbers = new AtomicInteger();
		// a fixed pool whose queue takes conversations in the middle of a chain first (see HandOver)
		workers = new java.util.concurrent.ThreadPoolExecutor(Math.max(1, workerCount), Math.max(1, workerCount), 0,
				TimeUnit.MILLISECONDS, new java.util.concurrent.PriorityBlockingQueue<>(), runnable -> {
					var thread = new Thread(runnable, "outbox-" + numbers.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
			var thread = new Thread(runnable, "outbox-timer");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::drain, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
		long renewEvery = Math.max(1, lease.toMillis() / 3);
		executor.scheduleWithFixedDelay(this::renewLeases, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		stopping = true;
		long deadline = System.nanoTime() + shutdownWait.toNanos();
		if (executor != null) {
			executor.shutdown();
			await(executor, deadline);
			executor = null;
		}
		if (timer != null) {
			timer.shutdownNow(); // its waits are in the rows or looked for again at the next start
			timer = null;
		}
		boolean finished = true;
		if (workers != null) {
			workers.shutdown();
			finished = await(workers, deadline);
			if (!finished) {
				log.warn("Outbox workers still delivering after {}; their messages are tried again at the next start "
						+ "(a post already on the platform is recognised, not sent twice)", shutdownWait);
			}
			workers = null;
		}
		if (!finished) {
			return; // a worker may still be posting: its conversation waits for the lease to run out
		}
		try {
			leases.releaseAll(); // another instance takes this one's conversations over at once
		}
		catch (RuntimeException ex) {
			log.warn("Could not release this instance's outbox leases; they run out within {}", lease, ex);
		}
	}

	/** Waits for an executor's tasks until the deadline; answers whether they finished. */
	private static boolean await(ExecutorService executor, long deadline) {
		try {
			return executor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public boolean isRunning() {
		return executor != null;
	}

}
