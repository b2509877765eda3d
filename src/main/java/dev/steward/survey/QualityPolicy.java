package dev.steward.survey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import dev.steward.firm.ConfigFiles;

/**
 * The firm's quality settings from {@code config/quality.yaml}: the satisfaction target (§3.1), the
 * dimensions a survey asks (§5.3, at most four), how often a project's client is surveyed, when a
 * contact is reminded and when a survey closes. Read once at start; a wrong value stops the start
 * naming the file, the line and the setting.
 */
public final class QualityPolicy {

	/** Most dimensions one survey asks: one Discord message holds five rows, the last for the comment. */
	public static final int MAX_DIMENSIONS = 4;

	/** How often a project's client is surveyed. */
	public enum Cadence {

		WEEKLY, FORTNIGHTLY, MONTHLY, QUARTERLY;

		/** The cadence as configuration writes it: {@code monthly}. */
		public String id() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		static Cadence parse(String text) {
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
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("No quality policy file at " + file.toAbsolutePath()
					+ " (set STEWARD_QUALITY_POLICY to its path)");
		}
		List<PropertySource<?>> sources;
		try {
			sources = new YamlPropertySourceLoader().load("quality", new FileSystemResource(file));
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("Quality policy " + file + " is not YAML: " + ex.getMessage(), ex);
		}
		if (sources.isEmpty()) {
			throw new IllegalStateException("Quality policy " + file + " is empty");
		}
		var source = sources.get(0);
		PolicyFile parsed;
		try {
			parsed = new Binder(ConfigurationPropertySources.from(source)).bind("", PolicyFile.class)
				.orElseThrow(() -> new IllegalStateException("Quality policy " + file + " says nothing"));
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Quality policy " + file + ": " + rootMessage(ex), ex);
		}
		var target = parsed.satisfactionTarget();
		if (target == null || target < 1 || target > 100) {
			throw new IllegalStateException("Quality policy " + where(source, "satisfaction-target", file)
					+ ": the target is a percentage from 1 to 100, e.g. 90");
		}
		var dimensions = parsed.dimensions() == null ? List.<String>of()
				: parsed.dimensions().stream().map(String::strip).toList();
		if (dimensions.isEmpty() || dimensions.size() > MAX_DIMENSIONS) {
			throw new IllegalStateException("Quality policy " + dimensionsAt(source, file) + ": a survey asks 1 to "
					+ MAX_DIMENSIONS + " dimensions (one Discord message carries four rows of scores and the comment), not "
					+ dimensions.size());
		}
		if (dimensions.stream().anyMatch(id -> !id.matches("[a-z0-9-]{1,40}"))
				|| dimensions.stream().distinct().count() != dimensions.size()) {
			throw new IllegalStateException("Quality policy " + dimensionsAt(source, file)
					+ ": dimensions are distinct lower-case ids (a-z, 0-9, -)");
		}
		var survey = parsed.survey();
		if (survey == null) {
			throw new IllegalStateException("Quality policy " + file + ": survey (every, remind-after, open-for) is missing");
		}
		Cadence every;
		try {
			every = Cadence.parse(survey.every());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Quality policy " + where(source, "survey.every", file) + ": " + ex.getMessage());
		}
		if (survey.openFor() == null || survey.openFor().toHours() < 1) {
			throw new IllegalStateException("Quality policy " + where(source, "survey.open-for", file)
					+ ": a survey stays open at least an hour, e.g. 14d");
		}
		if (survey.remindAfter() == null || survey.remindAfter().isNegative() || survey.remindAfter().isZero()
				|| survey.remindAfter().compareTo(survey.openFor()) >= 0) {
			throw new IllegalStateException("Quality policy " + where(source, "survey.remind-after", file)
					+ ": the reminder comes after the survey goes out and before it closes (open-for "
					+ survey.openFor().toDays() + "d)");
		}
		return new QualityPolicy(target, dimensions, every, survey.remindAfter(), survey.openFor());
	}

	private static String rootMessage(Throwable ex) {
		var cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getMessage();
	}

	/** Where the dimensions are: YAML keeps the line of each item of a list, not of the list. */
	private static String dimensionsAt(PropertySource<?> source, Path file) {
		return ConfigFiles.where(source, "dimensions[0]", file) + " (dimensions)";
	}

	private static String where(PropertySource<?> source, String property, Path file) {
		return ConfigFiles.where(source, property, file) + " (" + property + ")";
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
