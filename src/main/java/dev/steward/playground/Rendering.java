package dev.steward.playground;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.steward.conversation.Block;
import dev.steward.conversation.Button;
import dev.steward.conversation.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the templates need to turn neutral messages into HTML ({@code templates/playground/fragments.html}
 * holds the markup, this the decisions): which block is which, light markdown, button styles, times.
 * Templates reach it as {@code render}.
 */
@Component
@ConditionalOnPlayground
class Rendering {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final JsonMapper json;

	private final Clock clock;

	Rendering(JsonMapper json, Clock clock) {
		this.json = json;
		this.clock = clock;
	}

	/**
	 * A message as a page shows it.
	 *
	 * @param id the platform message id, or 0 for a reply only the actor sees
	 * @param version changes whenever the message does, so a page keeps what did not change
	 * @param time the time shown beside it; {@code when} is the full date and time, for its tooltip
	 * @param files the files it carries, shown below it
	 */
	record Shown(long id, Message message, long version, String time, String when, List<PlaygroundFiles.Shown> files) {
	}

	Shown shown(PlaygroundMessages.Row row, List<PlaygroundFiles.Shown> files, ZoneId zone, Locale locale) {
		return new Shown(row.id(), json.readValue(row.body(), Message.class), row.updatedAt().toEpochMilli(),
				time(row.postedAt(), zone, locale), when(row.postedAt(), zone, locale), files);
	}

	/** A reply for the actor alone, shown now. */
	Shown now(Message message, ZoneId zone, Locale locale) {
		var now = Instant.now(clock);
		// the kernel sends an ephemeral answer's files to direct messages: none are left here
		return new Shown(0, message, now.toEpochMilli(), time(now, zone, locale), when(now, zone, locale), List.of());
	}

	public String kind(Block block) {
		if (block instanceof Block.Header) {
			return "header";
		}
		if (block instanceof Block.Text) {
			return "text";
		}
		if (block instanceof Block.Fields) {
			return "fields";
		}
		if (block instanceof Block.Actions) {
			return "actions";
		}
		if (block instanceof Block.Context) {
			return "context";
		}
		if (block instanceof Block.Image) {
			return "image";
		}
		return "divider";
	}

	/** Light markdown as HTML that is safe to insert unescaped. */
	public String markdown(String text) {
		return LightMarkdown.html(text);
	}

	public String buttonClass(Button button) {
		return switch (button.style()) {
			case PRIMARY -> "btn btn-primary";
			case DANGER -> "btn btn-danger";
			default -> "btn";
		};
	}

	/** Whether an image's address is one a page may load: web addresses and this server's own paths. */
	public boolean loadable(String url) {
		return url != null && (url.startsWith("https://") || url.startsWith("http://")
				|| (url.startsWith("/") && !url.startsWith("//")));
	}

	/** A file's size as people read it: bytes, KB or MB (1024 each). */
	public String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
		}
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
	}

	private String time(Instant instant, ZoneId zone, Locale locale) {
		var at = instant.atZone(zone);
		if (at.toLocalDate().equals(LocalDate.now(clock.withZone(zone)))) {
			return TIME.format(at);
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).format(at);
	}

	private static String when(Instant instant, ZoneId zone, Locale locale) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).format(instant.atZone(zone));
	}

}
