package dev.steward.survey;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Satisfaction against the firm's target (§3.1, §5.3.2): the share of scores of 4 or 5, per
 * dimension and overall, and month by month for the trend. Computed from the answers given, each
 * score of each answer counting once.
 */
public final class SurveyResults {

	private SurveyResults() {
	}

	/** One answer as the results read it: when, and its scores by dimension id. */
	public record Answer(long projectId, Instant at, Map<String, Integer> scores) {
	}

	/** A dimension's result: how many scores, how many of them 4 or 5, and their mean. */
	public record Dimension(String id, int scores, int satisfied, double mean) {

		/** The share of scores of 4 or 5, in percent (0 when there is none). */
		public double share() {
			return scores == 0 ? 0 : 100.0 * satisfied / scores;
		}

	}

	/**
	 * Results over some answers.
	 * @param answers how many answers
	 * @param dimensions per dimension, in the policy's order, then any the policy no longer asks
	 * @param overall every score of every answer together
	 * @param target the firm's target, in percent
	 */
	public record Result(int answers, List<Dimension> dimensions, Dimension overall, int target) {

		/** Whether satisfaction meets the target; no answer meets nothing and misses nothing. */
		public boolean met() {
			return answers > 0 && overall.share() >= target;
		}

		public boolean missed() {
			return answers > 0 && overall.share() < target;
		}

	}

	/** One month of the trend: its overall share, or none when nobody answered. */
	public record Month(YearMonth month, int answers, double share) {
	}

	/** The results of these answers, dimensions in this order first. */
	public static Result of(List<Answer> answers, List<String> order, int target) {
		var counts = new LinkedHashMap<String, int[]>();
		order.forEach(id -> counts.put(id, new int[3]));
		var all = new int[3];
		for (var answer : answers) {
			answer.scores().forEach((id, score) -> {
				add(counts.computeIfAbsent(id, key -> new int[3]), score);
				add(all, score);
			});
		}
		var dimensions = new ArrayList<Dimension>();
		counts.forEach((id, count) -> dimensions.add(dimension(id, count)));
		return new Result(answers.size(), dimensions, dimension("overall", all), target);
	}

	/** Month by month, the last {@code months} up to and including {@code now}'s, in the zone. */
	public static List<Month> trend(List<Answer> answers, Instant now, ZoneId zone, int months) {
		var last = YearMonth.from(now.atZone(zone));
		var byMonth = new TreeMap<YearMonth, List<Answer>>();
		for (int i = months - 1; i >= 0; i--) {
			byMonth.put(last.minusMonths(i), new ArrayList<>());
		}
		for (var answer : answers) {
			var month = byMonth.get(YearMonth.from(answer.at().atZone(zone)));
			if (month != null) {
				month.add(answer);
			}
		}
		var trend = new ArrayList<Month>();
		byMonth.forEach((month, list) -> trend.add(new Month(month, list.size(), of(list, List.of(), 0).overall().share())));
		return trend;
	}

	private static void add(int[] count, int score) {
		count[0]++;
		if (score >= 4) {
			count[1]++;
		}
		count[2] += score;
	}

	private static Dimension dimension(String id, int[] count) {
		return new Dimension(id, count[0], count[1], count[0] == 0 ? 0 : (double) count[2] / count[0]);
	}

}
