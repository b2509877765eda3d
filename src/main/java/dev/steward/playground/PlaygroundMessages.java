package dev.steward.playground;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The messages the bot posted to the playground, with their neutral bodies as JSON. */
@Repository
@ConditionalOnPlayground
class PlaygroundMessages {

	/** How many of a conversation's latest messages the page shows. */
	static final int SHOWN = 200;

	private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"),
			new Conversation(rs.getString("channel"), rs.getBoolean("direct")), rs.getString("body"),
			rs.getObject("posted_at", OffsetDateTime.class).toInstant(),
			rs.getObject("updated_at", OffsetDateTime.class).toInstant());

	private final JdbcClient jdbc;

	private final Clock clock;

	PlaygroundMessages(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** One stored message. */
	record Row(long id, Conversation conversation, String body, Instant postedAt, Instant updatedAt) {
	}

	/** The message an outbox delivery already posted, if it did (the delivery is being retried). */
	Optional<Long> posted(long deliveryId) {
		return jdbc.sql("select id from playground_message where delivery_id = :delivery")
			.param("delivery", deliveryId)
			.query(Long.class)
			.optional();
	}

	long insert(long deliveryId, Conversation conversation, String body) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into playground_message (channel, direct, body, posted_at, updated_at, delivery_id)
				values (:channel, :direct, :body, :now, :now, :delivery)""")
			.param("channel", conversation.name())
			.param("direct", conversation.direct())
			.param("body", body)
			.param("now", now())
			.param("delivery", deliveryId)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** Replaces a message's body; answers the message as it is now, or empty if there is none. */
	Optional<Row> replace(long id, String body) {
		int updated = jdbc.sql("update playground_message set body = :body, updated_at = :now where id = :id")
			.param("body", body)
			.param("now", now())
			.param("id", id)
			.update();
		return updated == 0 ? Optional.empty() : find(id);
	}

	Optional<Row> find(long id) {
		return jdbc.sql("select * from playground_message where id = :id").param("id", id).query(ROW).optional();
	}

	/** A conversation's latest messages, oldest first. */
	List<Row> latest(Conversation conversation) {
		var rows = jdbc.sql("""
				select * from playground_message where channel = :channel and direct = :direct
				order by id desc limit :limit""")
			.param("channel", conversation.name())
			.param("direct", conversation.direct())
			.param("limit", SHOWN)
			.query(ROW)
			.list();
		var oldestFirst = new ArrayList<>(rows);
		Collections.reverse(oldestFirst);
		return oldestFirst;
	}

	/** Every channel the bot has posted to, by name. */
	List<String> channels() {
		return jdbc.sql("select distinct channel from playground_message where direct = false order by channel")
			.query(String.class)
			.list();
	}

	private OffsetDateTime now() {
		return Instant.now(clock).atOffset(ZoneOffset.UTC);
	}

}
