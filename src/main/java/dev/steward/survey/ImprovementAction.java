package dev.steward.survey;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

import dev.steward.survey.SurveyEvents.ActionClosed;
import dev.steward.survey.SurveyEvents.ActionOpened;
import dev.steward.survey.SurveyEvents.ActionReminded;
import dev.steward.survey.SurveyRefused.Reason;

/**
 * What a project does about satisfaction under the firm's target (§3.1, §5.3.2): opened when its
 * survey closes under target, owned by the project manager, due by a deadline, reminded until
 * closed with what was done.
 */
@Table("improvement_action")
public class ImprovementAction extends AbstractAggregateRoot<ImprovementAction> {

	/** The longest outcome kept. */
	public static final int MAX_OUTCOME = 1000;

	@Id
	private Long id;

	@Version
	private Integer version;

	private final long surveyId;

	private final long projectId;

	private final String projectCode;

	private final String ownerId;

	private final double satisfaction;

	private final int target;

	private final Instant openedAt;

	private final Instant dueAt;

	private Instant nextReminderAt;

	private int reminders;

	private Instant closedAt;

	private String closedBy;

	private String outcome;

	@PersistenceCreator
	ImprovementAction(Long id, Integer version, long surveyId, long projectId, String projectCode, String ownerId,
			double satisfaction, int target, Instant openedAt, Instant dueAt, Instant nextReminderAt, int reminders,
			Instant closedAt, String closedBy, String outcome) {
		this.id = id;
		this.version = version;
		this.surveyId = surveyId;
		this.projectId = projectId;
		this.projectCode = projectCode;
		this.ownerId = ownerId;
		this.satisfaction = satisfaction;
		this.target = target;
		this.openedAt = openedAt;
		this.dueAt = dueAt;
		this.nextReminderAt = nextReminderAt;
		this.reminders = reminders;
		this.closedAt = closedAt;
		this.closedBy = closedBy;
		this.outcome = outcome;
	}

	static ImprovementAction open(Survey survey, String ownerId, double satisfaction, int target, Instant now,
			Instant dueAt) {
		return new ImprovementAction(null, null, survey.id(), survey.projectId(), survey.projectCode(), ownerId,
				satisfaction, target, now, dueAt, dueAt, 0, null, null, null);
	}

	/** Announces the action once it has its id. */
	ImprovementAction opened() {
		registerEvent(new ActionOpened(id, projectId, ownerId));
		return this;
	}

	/** Reminds the owner when the time comes, and sets the next reminder; whether it did. */
	boolean remind(Instant now, Instant next) {
		if (closedAt != null || nextReminderAt == null || now.isBefore(nextReminderAt)) {
			return false;
		}
		reminders++;
		nextReminderAt = next;
		registerEvent(new ActionReminded(id, projectId, ownerId, reminders));
		return true;
	}

	/** Closes the action with what was done. */
	void close(String byId, String what, Instant now) {
		if (closedAt != null) {
			throw new SurveyRefused(Reason.ACTION_CLOSED, Long.toString(id));
		}
		var text = what == null ? "" : what.strip();
		if (text.isEmpty()) {
			throw new SurveyRefused(Reason.OUTCOME_REQUIRED, null);
		}
		if (text.length() > MAX_OUTCOME) {
			throw new SurveyRefused(Reason.COMMENT_TOO_LONG, Integer.toString(MAX_OUTCOME));
		}
		closedAt = now;
		closedBy = byId;
		outcome = text;
		nextReminderAt = null;
		registerEvent(new ActionClosed(id, projectId, ownerId, byId));
	}

	public Long id() {
		return id;
	}

	public long surveyId() {
		return surveyId;
	}

	public long projectId() {
		return projectId;
	}

	public String projectCode() {
		return projectCode;
	}

	public String ownerId() {
		return ownerId;
	}

	/** The survey's satisfaction that opened it, in percent. */
	public double satisfaction() {
		return satisfaction;
	}

	public int target() {
		return target;
	}

	public Instant openedAt() {
		return openedAt;
	}

	public Instant dueAt() {
		return dueAt;
	}

	public Instant nextReminderAt() {
		return nextReminderAt;
	}

	public int reminders() {
		return reminders;
	}

	public boolean open() {
		return closedAt == null;
	}

	public Instant closedAt() {
		return closedAt;
	}

	public String closedBy() {
		return closedBy;
	}

	public String outcome() {
		return outcome;
	}

}
