package dev.steward.conversation;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import dev.steward.conversation.spi.CallerDirectory;
import dev.steward.conversation.spi.Door;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox as rows in the caller's transaction; the dispatcher is woken after commit. A message's
 * files are rows of {@code outbox_file} beside it, its JSON body holds the rest.
 */
@Component
class JdbcOutbox implements Outbox {

	private static final Logger log = LoggerFactory.getLogger(JdbcOutbox.class);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final CallerDirectory directory;

	/**
	 * Looked up when a message is queued, not when the outbox is made: a door may need the gateway,
	 * whose handlers may need the outbox (a feature's command class may queue messages itself).
	 */
	private final ObjectProvider<Door> doors;

	private final OutboxDispatcher dispatcher;

	private final Clock clock;

	JdbcOutbox(JdbcClient jdbc, JsonMapper json, CallerDirectory directory, ObjectProvider<Door> doors,
			OutboxDispatcher dispatcher, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.directory = directory;
		this.doors = doors;
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	@Override
	public void toPerson(String personId, Message message, String key, Instant notBefore) {
		boolean reached = false;
		for (var door : doors.orderedStream().toList()) {
			var address = directory.address(personId, door.name());
			if (address.isPresent()) {
				insert(ChannelRef.direct(door.name(), address.get()), message, key, null, notBefore);
				reached = true;
			}
		}
		if (!reached) {
			log.warn("{} has no identity on any active door; message '{}' not queued", personId, message.fallback());
		}
	}

	@Override
	public void toChannel(ChannelRef channel, Message message, String key, Instant notBefore) {
		insert(channel, message, key, null, notBefore);
	}

	@Override
	public void update(String key, Message message) {
		if (message.hasFiles()) {
			// Slack cannot add files to a message in place, so no door is asked to
			throw new IllegalArgumentException("An update cannot change a message's files; post a new message with them");
		}
		var targets = jdbc.sql("""
				select id, door, address, direct, status, next_attempt_at from outbox_message
				where message_key = :key and kind = 'POST' order by id""")
			.param("key", key)
			.query((rs, row) -> new Target(rs.getLong("id"),
					new ChannelRef(rs.getString("door"), rs.getString("address"), rs.getBoolean("direct")),
					"PENDING".equals(rs.getString("status")) ? rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant()
							: null))
			.list();
		for (var target : targets) {
			// an update of a message kept until its time is kept as long: a look for due rows then
			// does not find the conversation due while the message it updates is not
			insert(target.to(), message, key, target.id(), target.keptUntil());
		}
	}

	/** A message an update rewrites; when it is kept until, if it has not gone out. */
	private record Target(long id, ChannelRef to, Instant keptUntil) {
	}

	private void insert(ChannelRef to, Message message, String key, Long target, Instant notBefore) {
		var now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
		var held = notBefore != null && notBefore.isAfter(now.toInstant());
		var due = held ? notBefore.atOffset(ZoneOffset.UTC) : now;
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into outbox_message
				  (door, address, direct, message_key, kind, target_id, body, files, status, attempts, next_attempt_at,
				   created_at)
				values (:door, :address, :direct, :key, :kind, :target, :body, :files, 'PENDING', 0, :due, :now)""")
			.param("door", to.door())
			.param("address", to.id())
			.param("direct", to.direct())
			.param("key", key)
			.param("kind", target == null ? "POST" : "UPDATE")
			.param("target", target)
			.param("body", json.writeValueAsString(message.withoutFiles()))
			.param("files", message.files().size())
			.param("due", due)
			.param("now", now)
			.update(keys, "id");
		if (message.hasFiles()) {
			long id = keys.getKeyAs(Number.class).longValue();
			int seq = 0;
			for (var file : message.files()) {
				jdbc.sql("""
						insert into outbox_file (outbox_id, seq, name, media_type, title, content)
						values (:id, :seq, :name, :type, :title, :content)""")
					.param("id", id)
					.param("seq", seq++)
					.param("name", file.name())
					.param("type", file.mediaType())
					.param("title", file.title())
					.param("content", file.bytes())
					.update();
			}
		}
		dispatcher.wakeAfterCommit(to, held ? notBefore : null);
	}

}
