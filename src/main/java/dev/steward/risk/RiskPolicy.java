package dev.steward.risk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;


import dev.steward.firm.ConfigFiles;

/**
 * The firm's risk policy from {@code config/risk.yaml}: the level of each likelihood × impact cell,
 * each level's colour, review cadence and suggested strategies, and the categories. Read once at
 * start; a wrong value stops the start naming the file, the line and the setting.
 */
public final class RiskPolicy {

	/** One level's settings. */
	public record LevelPolicy(String colour, Duration reviewEvery, List<Strategy> suggested) {

		public LevelPolicy {
			suggested = List.copyOf(suggested);
		}

	}

	record LevelFile(String colour, Duration reviewEvery, List<String> suggested) {
	}

	record PolicyFile(List<List<String>> matrix, Map<String, LevelFile> levels, List<String> categories) {
	}

	/** Levels by likelihood (index 0 = 1) and impact (index 0 = 1). */
	private final RiskLevel[][] cells = new RiskLevel[Assessment.MAX][Assessment.MAX];

	private final Map<RiskLevel, LevelPolicy> levels = new EnumMap<>(RiskLevel.class);

	private final List<String> categories;

	RiskPolicy(RiskLevel[][] cells, Map<RiskLevel, LevelPolicy> levels, List<String> categories) {
		for (int l = 0; l < Assessment.MAX; l++) {
			System.arraycopy(cells[l], 0, this.cells[l], 0, Assessment.MAX);
		}
		this.levels.putAll(levels);
		this.categories = List.copyOf(categories);
	}

	/** Reads the policy file. */
	public static RiskPolicy read(Path file) {
		var read = ConfigFiles.read(file, "Risk policy", "STEWARD_RISK_POLICY", PolicyFile.class);
		var parsed = read.value();
		var matrix = parsed.matrix();
		if (matrix == null || matrix.size() != Assessment.MAX) {
			throw read.wrong("matrix", "the matrix needs "
					+ Assessment.MAX + " rows, likelihood 5 at the top to 1 at the bottom");
		}
		var cells = new RiskLevel[Assessment.MAX][Assessment.MAX];
		for (int row = 0; row < Assessment.MAX; row++) {
			var cellsOfRow = matrix.get(row);
			int likelihood = Assessment.MAX - row;
			if (cellsOfRow == null || cellsOfRow.size() != Assessment.MAX) {
				throw read.wrong("matrix[" + row + "]",
						 "the row of likelihood " + likelihood + " needs " + Assessment.MAX + " levels, impact 1 to 5");
			}
			for (int column = 0; column < Assessment.MAX; column++) {
				try {
					cells[likelihood - 1][column] = RiskLevel.parse(cellsOfRow.get(column));
				}
				catch (IllegalArgumentException ex) {
					throw read.wrong("matrix[" + row + "][" + column + "]",
							"likelihood " + likelihood + " impact " + (column + 1) + ": " + ex.getMessage());
				}
			}
		}
		var levels = new EnumMap<RiskLevel, LevelPolicy>(RiskLevel.class);
		var given = parsed.levels() == null ? Map.<String, LevelFile>of() : parsed.levels();
		for (var entry : given.entrySet()) {
			RiskLevel level;
			try {
				level = RiskLevel.parse(entry.getKey());
			}
			catch (IllegalArgumentException ex) {
				throw read.wrong("levels." + entry.getKey(), ex.getMessage());
			}
			var value = entry.getValue();
			var prefix = "levels." + entry.getKey() + ".";
			if (value.colour() == null || !value.colour().strip().matches("#[0-9a-fA-F]{6}")) {
				throw read.wrong(prefix + "colour",
						 "a colour is written #rrggbb, not " + value.colour());
			}
			if (value.reviewEvery() == null || value.reviewEvery().toDays() < 1) {
				throw read.wrong(prefix + "review-every",
						 "review-every is at least a day, e.g. 7d");
			}
			var suggested = new ArrayList<Strategy>();
			var suggestedIds = value.suggested() == null ? List.<String>of() : value.suggested();
			for (int i = 0; i < suggestedIds.size(); i++) {
				try {
					suggested.add(Strategy.parse(suggestedIds.get(i)));
				}
				catch (IllegalArgumentException ex) {
					throw read.wrong(prefix + "suggested[" + i + "]",
							 ex.getMessage());
				}
			}
			levels.put(level, new LevelPolicy(value.colour().strip(), value.reviewEvery(), suggested));
		}
		for (var level : RiskLevel.values()) {
			if (!levels.containsKey(level)) {
				throw read.wrong("levels", "level " + level.id()
						+ " needs its colour, review-every and suggested strategies");
			}
		}
		var categories = parsed.categories() == null ? List.<String>of()
				: parsed.categories().stream().map(String::strip).toList();
		if (categories.isEmpty() || categories.stream().anyMatch(id -> !id.matches("[a-z0-9-]{1,40}"))
				|| categories.stream().distinct().count() != categories.size()) {
			throw read.wrong("categories",
					 "categories are distinct lower-case ids (a-z, 0-9, -), at least one");
		}
		return new RiskPolicy(cells, levels, categories);
	}

	/** The level of an assessment, from the matrix. */
	public RiskLevel level(Assessment assessment) {
		return level(assessment.likelihood(), assessment.impact());
	}

	/** The level of a cell: likelihood and impact each 1–5. */
	public RiskLevel level(int likelihood, int impact) {
		return cells[likelihood - 1][impact - 1];
	}

	public LevelPolicy of(RiskLevel level) {
		return levels.get(level);
	}

	/** How often an open risk of this level is reviewed. */
	public Duration reviewEvery(RiskLevel level) {
		return levels.get(level).reviewEvery();
	}

	/** The strategies the policy suggests for a level (§6.2). */
	public List<Strategy> suggested(RiskLevel level) {
		return levels.get(level).suggested();
	}

	/** The colour of a level's cells, {@code #rrggbb}. */
	public String colour(RiskLevel level) {
		return levels.get(level).colour();
	}

	public List<String> categories() {
		return categories;
	}

	public boolean hasCategory(String id) {
		return categories.contains(id);
	}

}
