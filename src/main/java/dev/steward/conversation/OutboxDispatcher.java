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
import java.util.concurrent.atomic.AtomicReference;
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
 * Delivers outbox rows: woken after each commit that wrote a row, and polling for retries that
 * have come due. Conversations are delivered side by side by a few workers, each conversation's
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

	/** When the dispatcher is next woken for a row that comes due before the poll. */
	private final AtomicReference<Instant> alarm = new AtomicReference<>();

	private ScheduledExecutorService executor;

	private final int workerCount;

	private ExecutorService workers;

	/** Set when stopping: a worker hands no further message to a platform. */
	private volatile boolean stopping;

	private final Duration shutdownWait;

	private final MeterRegistry meters;

	private final ConversationLeases leases;

	private final Duration lease;

	OutboxDispatcher(JdbcClient jdbc, JsonMapper json, ObjectProvider<Door> doors, Clock clock,
			OutboxSettings settings, MeterRegistry meters, dev.steward.firm.Database database) {
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
	 * Whether a look passed over due rows (their conversation was busy, or the page was full): the
	 * next worker to finish then wakes the dispatcher, and otherwise a finished worker does not.
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
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					wake();
				}
			});
		}
		else {
			wake();
		}
	}

	/**
	 * Hands every conversation with a due row to a worker, unless one is delivering it already; runs
	 * on the dispatcher's thread and waits for no delivery. When a look passes over due rows (their
	 * conversation was busy, or there were more than a page), the next worker to finish wakes the
	 * dispatcher again, so they are never left for the poll; a row told to wait sets an alarm.
	 */
	synchronized void drain() {
		if (stopping) {
			return;
		}
		try {
			var looked = now();
			var due = jdbc.sql("""
					select door, address, min(id) as first_id from outbox_message m
					where status = 'PENDING' and next_attempt_at <= :now
					  and not exists (select 1 from outbox_message e
					    where e.door = m.door and e.address = m.address and e.status = 'PENDING'
					      and e.id < m.id and e.next_attempt_at > :now)
					  and not exists (select 1 from outbox_lease l
					    where l.door = m.door and l.address = m.address and l.holder <> :me and l.expires_at > :now)
					group by door, address
					order by first_id
					fetch first %d rows only""".formatted(PAGE))
				.param("now", looked)
				.param("me", leases.holder())
				.query((rs, n) -> new Conversation(rs.getString("door"), rs.getString("address")))
				.list();
			java.util.concurrent.Executor pool = workers != null ? workers : Runnable::run;
			if (due.size() == PAGE) {
				passedOver.set(true); // more than a page: the next worker to finish looks again
			}
			for (var conversation : due) {
				boolean mine = busy.add(conversation);
				if (!mine) {
					// a worker has it and looks again when it finishes; if it finished meanwhile, this look takes it
					passedOver.set(true);
					mine = busy.add(conversation);
				}
				if (mine) {
					try {
						pool.execute(() -> deliver(conversation));
					}
					catch (RejectedExecutionException closed) {
						busy.remove(conversation);
						return;
					}
				}
			}
			setAlarm(looked);
		}
		catch (RuntimeException ex) {
			log.error("Outbox round failed; will try again", ex);
		}
	}

	/**
	 * Delivers a conversation's due rows in order, read afresh now that this worker alone has it: one
	 * that is not settled, or still waiting, holds back the ones after it.
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
					if (stopping || row.nextAttemptAt().isAfter(now) || !deliver(row)) {
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
		for (var conversation : busy) {
			try {
				leases.renew(conversation.door(), conversation.address());
			}
			catch (RuntimeException ex) {
				log.warn("Could not renew the outbox lease of {} on {}", conversation.address(), conversation.door(), ex);
			}
		}
	}

	/**
	 * Wakes the dispatcher when the next waiting row comes due (a paced message, a retry), rather
	 * than at the next poll: a channel's messages then go out about as fast as its pacing allows.
	 */
	private void setAlarm(OffsetDateTime looked) {
		var running = executor;
		if (running == null) {
			return;
		}
		// rows due when the round last looked and still waiting are held back by an earlier one; a row
		// told to wait in this round is due after that look, even if its wait is already over
		var due = jdbc.sql("""
				select min(next_attempt_at) from outbox_message where status = 'PENDING' and next_attempt_at > :looked""")
			.param("looked", looked)
			.query(OffsetDateTime.class)
			.optional()
			.orElse(null);
		if (due != null) {
			alarmAt(due.toInstant());
		}
	}

	/** Wakes the dispatcher at a moment, unless the poll or an alarm set already comes no later. */
	private void alarmAt(Instant at) {
		var running = executor;
		if (running == null) {
			return;
		}
		var now = clock.instant();
		long delay = Duration.between(now, at).toMillis();
		if (delay >= poll.toMillis()) {
			return; // the poll comes first
		}
		var set = alarm.get();
		if (set != null && !set.isAfter(at) && set.isAfter(now)) {
			return; // an alarm no later than this one is already set
		}
		alarm.set(at);
		try {
			running.schedule(() -> {
				alarm.compareAndSet(at, null);
				wake();
			}, Math.max(0, delay), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException closed) {
			// the dispatcher is stopping
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
			alarmAt(next.toInstant());
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
	 * A row the door's pacing holds back, before it was tried: it and the conversation's later rows
	 * wait as long, in one write (so a look for due rows passes over them), and the dispatcher is
	 * woken when it comes due. Answers that the row is not settled.
	 */
	private boolean waitFor(Row row, Duration wait) {
		var next = now().plus(wait);
		alarmAt(next.toInstant());
		holdBack(row, next, true);
		return false;
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
		long id = row.id();
		if (row.files() > 0 && "SENT".equals(status)) {
			jdbc.sql("delete from outbox_file where outbox_id = :id").param("id", id).update();
		}
		jdbc.sql("""
				update outbox_message set status = :status, platform_message_id = :platform, last_error = :error,
				  sent_at = :now where id = :id""")
			.param("status", status)
			.param("platform", platformId)
			.param("error", truncate(error))
			.param("now", now())
			.param("id", id)
			.update();
		return true;
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
		workers = Executors.newFixedThreadPool(Math.max(1, workerCount), runnable -> {
			var thread = new Thread(runnable, "outbox-" + numbers.incrementAndGet());
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
