package dev.steward.playground;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.util.UriUtils;

import dev.steward.conversation.Attachment;

/**
 * The files of the messages the bot posted to the playground: kept as long as their message, served
 * to the page by {@link PlaygroundFileController}.
 */
@Repository
@ConditionalOnPlayground
class PlaygroundFiles {

	private final JdbcClient jdbc;

	PlaygroundFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What a page needs to show a file: not its bytes, which it fetches from {@link #url()}. */
	record Shown(long messageId, int seq, String name, String mediaType, String title, long size) {

		/** Where the page fetches it; the name at the end is what a browser saves it as. */
		public String url() {
			return "/playground/files/" + messageId + "/" + seq + "/" + UriUtils.encodePathSegment(name, "UTF-8");
		}

		/** Whether the page shows it as a picture rather than offers it as a download. */
		public boolean image() {
			return Attachment.PNG.equals(mediaType);
		}

	}

	/** A file with its content, to serve. */
	record Content(String name, String mediaType, byte[] bytes) {
	}

	void save(long messageId, List<Attachment> files) {
		for (int seq = 0; seq < files.size(); seq++) {
			var file = files.get(seq);
			jdbc.sql("insert into playground_file (message_id, seq, name, media_type, title, content) "
					+ "values (?, ?, ?, ?, ?, ?)")
				.params(messageId, seq, file.name(), file.mediaType(), file.title(), file.bytes())
				.update();
		}
	}

	/** The files of these messages, by message id, each message's in order. */
	Map<Long, List<Shown>> of(List<Long> messageIds) {
		var byMessage = new LinkedHashMap<Long, List<Shown>>();
		if (messageIds.isEmpty()) {
			return byMessage;
		}
		jdbc.sql("""
				select message_id, seq, name, media_type, title, octet_length(content) as size from playground_file
				where message_id in (:ids) order by message_id, seq""")
			.param("ids", messageIds)
			.query((rs, n) -> new Shown(rs.getLong("message_id"), rs.getInt("seq"), rs.getString("name"),
					rs.getString("media_type"), rs.getString("title"), rs.getLong("size")))
			.list()
			.forEach(shown -> byMessage.computeIfAbsent(shown.messageId(), id -> new java.util.ArrayList<>()).add(shown));
		return byMessage;
	}

	Optional<Content> content(long messageId, int seq) {
		return jdbc.sql("select name, media_type, content from playground_file where message_id = :message and seq = :seq")
			.param("message", messageId)
			.param("seq", seq)
			.query((rs, n) -> new Content(rs.getString("name"), rs.getString("media_type"), rs.getBytes("content")))
			.optional();
	}

}
