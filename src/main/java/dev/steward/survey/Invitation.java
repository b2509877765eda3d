package dev.steward.survey;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One contact asked by a survey, as the client's profile named them when it went out: where they
 * answer (their chat account, else the web page at their link), what they have chosen so far in
 * chat, and their answer once given. Answered once: {@link #answeredAt()} is set, or not.
 *
 * @param choices the scores chosen so far in chat, one a dimension, 0 where none yet (not an answer)
 * @param scores the answer's scores, one a dimension, 1 to 5
 * @param answeredVia {@code chat} or {@code web}
 */
@Table("survey_invitation")
public record Invitation(String name, String email, String door, String chatId, String choices, String scores,
		String comment, Instant answeredAt, String answeredVia) {

	/** Where an answer came from. */
	public enum Via {

		CHAT, WEB;

		String id() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	static Invitation of(String name, String email, String door, String chatId) {
		return new Invitation(name, email, door, chatId, null, null, null, null, null);
	}

	/** Whether the contact answers in chat: their profile names a chat account. */
	public boolean inChat() {
		return door != null && chatId != null;
	}

	public boolean answered() {
		return answeredAt != null;
	}

	/** The scores chosen so far, one a dimension, 0 where none. */
	public int[] chosen(int dimensions) {
		return parse(choices, dimensions);
	}

	/** The answer's scores, one a dimension; empty before the answer. */
	public int[] answer(int dimensions) {
		return scores == null ? new int[0] : parse(scores, dimensions);
	}

	Invitation choose(int dimension, int score, int dimensions) {
		var chosen = chosen(dimensions);
		chosen[dimension] = score;
		return new Invitation(name, email, door, chatId, write(chosen), scores, comment, answeredAt, answeredVia);
	}

	Invitation answer(int[] given, String comment, Via via, Instant at) {
		return new Invitation(name, email, door, chatId, choices, write(given), comment, at, via.id());
	}

	static int[] parse(String text, int dimensions) {
		var scores = new int[dimensions];
		if (text == null || text.isEmpty()) {
			return scores;
		}
		var parts = text.split(",", -1);
		for (int i = 0; i < Math.min(parts.length, dimensions); i++) {
			scores[i] = parts[i].isEmpty() ? 0 : Integer.parseInt(parts[i]);
		}
		return scores;
	}

	static String write(int[] scores) {
		return Arrays.stream(scores).mapToObj(score -> score == 0 ? "" : Integer.toString(score))
			.collect(Collectors.joining(","));
	}

}
