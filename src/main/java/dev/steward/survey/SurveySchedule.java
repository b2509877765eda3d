package dev.steward.survey;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import dev.steward.survey.QualityPolicy.Cadence;

/**
 * When a project's client is surveyed next, and how often: the policy's cadence unless the project
 * manager set another, or none ({@code off}).
 */
@Table("survey_schedule")
public class SurveySchedule {

	static final String OFF = "off";

	@Id
	private final Long projectId;

	@Version
	private Integer version;

	private String cadence;

	private Instant nextAt;

	private String setBy;

	private Instant setAt;

	@PersistenceCreator
	SurveySchedule(Long projectId, Integer version, String cadence, Instant nextAt, String setBy, Instant setAt) {
		this.projectId = projectId;
		this.version = version;
		this.cadence = cadence;
		this.nextAt = nextAt;
		this.setBy = setBy;
		this.setAt = setAt;
	}

	static SurveySchedule of(long projectId, Optional<Cadence> cadence, Instant nextAt, String setBy, Instant now) {
		return new SurveySchedule(projectId, null, cadence.map(Cadence::id).orElse(OFF),
				cadence.isPresent() ? nextAt : null, setBy, now);
	}

	void change(Optional<Cadence> to, Instant nextAt, String by, Instant now) {
		this.cadence = to.map(Cadence::id).orElse(OFF);
		this.nextAt = to.isPresent() ? nextAt : null;
		this.setBy = by;
		this.setAt = now;
	}

	void moveTo(Instant nextAt) {
		this.nextAt = cadence().isPresent() ? nextAt : null;
	}

	public long projectId() {
		return projectId;
	}

	/** How often; empty when the project's client is not surveyed on a schedule. */
	public Optional<Cadence> cadence() {
		return OFF.equals(cadence) ? Optional.empty() : Optional.of(Cadence.parse(cadence));
	}

	/** When the next survey goes out; empty when none is scheduled. */
	public Optional<Instant> nextAt() {
		return Optional.ofNullable(nextAt);
	}

	/** Who set the schedule; {@code null} for the policy's default. */
	public String setBy() {
		return setBy;
	}

}
