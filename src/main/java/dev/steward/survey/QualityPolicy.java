package dev.steward.survey;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;


import dev.steward.firm.ConfigFiles;

/**
 * The firm's quality settings from {@code config/quality.yaml}: the satisfaction target (§3.1), the
 * dimensions a survey asks (§5.3, at most four), how often a project's client is surveyed, when a
 * contact is reminded and when a survey closes. Read once at start; a wrong value stops the start
 * naming the file, the line and the setting.
 */
public final class QualityPolicy {

	/** The file's settings as errors name them (settings, not message keys). */
	static final String EVERY_PROPERTY = "survey.every";

	static final String OPEN_FOR_PROPERTY = "survey.open-for";

	static final String REMIND_AFTER_PROPERTY = "survey.remind-after";

	/** Most dimensions one survey asks: one Discord message holds five rows, the last for the comment. */
	public static final int MAX_DIMENSIONS = 4;

	/** How often a project's client is surveyed. */
	public enum Cadence {

		WEEKLY, FORTNIGHTLY, MONTHLY, QUARTERLY;

		/** The day a survey on this cadence follows one on this day. */
		public java.time.LocalDate after(java.time.LocalDate day) {
			return switch (this) {
				case WEEKLY -> day.plusWeeks(1);
				case FORTNIGHTLY -> day.plusWeeks(2);
				case MONTHLY -> day.plusMonths(1);
				case QUARTERLY -> day.plusMonths(3);
			};
		}

		/** The cadence as configuration writes it: {@code monthly}. */
		public String id() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		public static Cadence parse(String text) {
			var value = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
			for (var cadence : values()) {
				if (cadence.name().equals(value)) {
					return cadence;
				}
			}
			throw new IllegalArgumentException("\"" + text + "\" is no cadence; write weekly, fortnightly, monthly or quarterly");
		}

	}

	record SurveyFile(String every, Duration remindAfter, Duration openFor) {
	}

	record PolicyFile(Integer satisfactionTarget, List<String> dimensions, SurveyFile survey) {
	}

	private final int satisfactionTarget;

	private final List<String> dimensions;

	private final Cadence every;

	private final Duration remindAfter;

	private final Duration openFor;

	QualityPolicy(int satisfactionTarget, List<String> dimensions, Cadence every, Duration remindAfter,
			Duration openFor) {
		this.satisfactionTarget = satisfactionTarget;
		this.dimensions = List.copyOf(dimensions);
		this.every = every;
		this.remindAfter = remindAfter;
		this.openFor = openFor;
	}

	/** Reads the quality file. */
	public static QualityPolicy read(Path file) {
		var read = ConfigFiles.read(file, "Quality policy", "STEWARD_QUALITY_POLICY", PolicyFile.class);
		var parsed = read.value();
		var target = parsed.satisfactionTarget();
		if (target == null || target < 1 || target > 100) {
			throw read.wrong("satisfaction-target",
					 "the target is a percentage from 1 to 100, e.g. 90");
		}
		var dimensions = parsed.dimensions() == null ? List.<String>of()
				: parsed.dimensions().stream().map(String::strip).toList();
		if (dimensions.isEmpty() || dimensions.size() > MAX_DIMENSIONS) {
			throw read.wrong("dimensions", "a survey asks 1 to "
					+ MAX_DIMENSIONS + " dimensions (one Discord message carries four rows of scores and the comment), not "
					+ dimensions.size());
		}
		if (dimensions.stream().anyMatch(id -> !id.matches("[a-z0-9-]{1,40}"))
				|| dimensions.stream().distinct().count() != dimensions.size()) {
			throw read.wrong("dimensions",
					 "dimensions are distinct lower-case ids (a-z, 0-9, -)");
		}
		var survey = parsed.survey();
		if (survey == null) {
			throw read.wrong("survey", "survey (every, remind-after, open-for) is missing");
		}
		Cadence every;
		try {
			every = Cadence.parse(survey.every());
		}
		catch (IllegalArgumentException ex) {
			throw read.wrong(EVERY_PROPERTY, ex.getMessage());
		}
		if (survey.openFor() == null || survey.openFor().toHours() < 1) {
			throw read.wrong(OPEN_FOR_PROPERTY,
					 "a survey stays open at least an hour, e.g. 14d");
		}
		if (survey.remindAfter() == null || survey.remindAfter().isNegative() || survey.remindAfter().isZero()
				|| survey.remindAfter().compareTo(survey.openFor()) >= 0) {
			throw read.wrong(REMIND_AFTER_PROPERTY,
					 "the reminder comes after the survey goes out and before it closes (open-for "
					+ survey.openFor().toDays() + "d)");
		}
		return new QualityPolicy(target, dimensions, every, survey.remindAfter(), survey.openFor());
	}

	/** Satisfaction is met when at least this percentage of answers score 4 or 5. */
	public int satisfactionTarget() {
		return satisfactionTarget;
	}

	/** The dimensions a survey asks, in order: ids whose names the message bundles hold. */
	public List<String> dimensions() {
		return dimensions;
	}

	/** How often a project's client is surveyed, unless its manager sets otherwise. */
	public Cadence every() {
		return every;
	}

	public Duration remindAfter() {
		return remindAfter;
	}

	public Duration openFor() {
		return openFor;
	}

}
