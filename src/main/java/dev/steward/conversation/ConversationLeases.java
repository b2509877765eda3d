package dev.steward.conversation;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * This instance's claims on outbox conversations ({@code outbox_lease}): several instances share
 * one outbox, and a conversation is delivered by the one instance that holds its lease, so each
 * message goes out once and a conversation's messages keep their order and pacing. A claim runs
 * out {@code steward.outbox.lease} after it was last renewed; while the instance delivers it renews
 * it, so only a stopped or dead instance's claims run out, and the next instance to look takes its
 * conversations over.
 * <p>
 * The instance remembers until when it holds each conversation, as it wrote it: a conversation it
 * delivers again while more than half its lease is left is not claimed again, and letting go of one
 * writes nothing while it is held for the linger anyway. A channel that takes a message a second
 * then costs a claim every half lease, not two writes a message.
 */
class ConversationLeases {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration lease;

	private final Duration linger;

	/** Who this instance is in the lease table: its process, host and a random part. */
	private final String holder;

	/** Whether the database is embedded (H2): no other instance can share it. */
	private final boolean embedded;

	/** Until when this instance holds each conversation it claimed, as written in the table. */
	private final java.util.Map<String, OffsetDateTime> held = new java.util.concurrent.ConcurrentHashMap<>();

	ConversationLeases(JdbcClient jdbc, Clock clock, OutboxSettings settings, boolean embedded) {
		this.jdbc = jdbc;
		this.embedded = embedded;
		this.clock = clock;
		this.lease = settings.lease();
		this.linger = settings.linger();
		var process = ManagementFactory.getRuntimeMXBean().getName();
		var random = UUID.randomUUID().toString().substring(0, 8);
		this.holder = (process.length() > 80 ? process.substring(0, 80) : process) + "/" + random;
	}

	/**
	 * Starting: on an embedded database, which one process alone opens, no claims are made (each
	 * would cost two commits a conversation, for nothing), and any left in it (a database that was
	 * shared once, copied) are forgotten at once rather than waited out.
	 */
	void start() {
		if (embedded) {
			jdbc.sql("delete from outbox_lease").update();
		}
	}

	String holder() {
		return holder;
	}

	/**
	 * Claims a conversation for this instance, unless another holds it: answers whether this
	 * instance holds it now. A claim that ran out is taken over.
	 */
	boolean claim(String door, String address) {
		if (embedded) {
			return true; // no other process can open the database: nothing to claim against
		}
		var now = now();
		var key = key(door, address);
		var until = held.get(key);
		if (until != null && until.isAfter(now.plus(lease.dividedBy(2)))) {
			return true; // held, as written, for more than half a lease yet
		}
		held.remove(key);
		int renewed = jdbc.sql("""
				update outbox_lease set holder = :holder, expires_at = :until
				where door = :door and address = :address and (holder = :holder or expires_at <= :now)""")
			.param("holder", holder)
			.param("until", now.plus(lease))
			.param("door", door)
			.param("address", address)
			.param("now", now)
			.update();
		if (renewed > 0) {
			held.put(key, now.plus(lease));
			return true;
		}
		try {
			jdbc.sql("""
					insert into outbox_lease (door, address, holder, expires_at)
					values (:door, :address, :holder, :until)""")
				.param("door", door)
				.param("address", address)
				.param("holder", holder)
				.param("until", now.plus(lease))
				.update();
			held.put(key, now.plus(lease));
			return true;
		}
		catch (DuplicateKeyException taken) {
			return false; // another instance holds it, or claimed it a moment ago
		}
	}

	/** Keeps a conversation this instance delivers a whole lease longer. */
	void renew(String door, String address) {
		keep(door, address, lease);
	}

	/**
	 * Done delivering a conversation for now: this instance keeps it at least a linger longer (its
	 * next paced message goes out from here), then anyone may claim it once its claim runs out.
	 */
	void release(String door, String address) {
		if (embedded) {
			return;
		}
		var now = now();
		var until = held.get(key(door, address));
		if (until == null || until.isBefore(now.plus(linger))) {
			keep(door, address, linger);
		}
	}

	private void keep(String door, String address, Duration longer) {
		if (embedded) {
			return;
		}
		var until = now().plus(longer);
		int kept = jdbc.sql("""
				update outbox_lease set expires_at = :until
				where door = :door and address = :address and holder = :holder""")
			.param("until", until)
			.param("door", door)
			.param("address", address)
			.param("holder", holder)
			.update();
		if (kept > 0) {
			held.put(key(door, address), until);
		}
		else {
			held.remove(key(door, address));
		}
	}

	private static String key(String door, String address) {
		return door + '\u0000' + address;
	}

	/**
	 * Whether a conversation this instance lets go of stays its own for a wait: always on an embedded
	 * database, and otherwise when the wait is shorter than the linger.
	 */
	boolean keeps(Duration wait) {
		return embedded || wait.compareTo(linger) < 0;
	}

	/** Stopping: every conversation this instance holds is free at once. */
	void releaseAll() {
		if (embedded) {
			return;
		}
		held.clear();
		jdbc.sql("update outbox_lease set expires_at = :now where holder = :holder and expires_at > :now")
			.param("now", now())
			.param("holder", holder)
			.update();
	}

	/** Forgets claims that ran out long ago (housekeeping); answers how many. */
	int purgeOlderThan(OffsetDateTime cutoff) {
		return jdbc.sql("delete from outbox_lease where expires_at < :cutoff").param("cutoff", cutoff).update();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

}
