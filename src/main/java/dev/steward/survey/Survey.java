package dev.steward.survey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import dev.steward.survey.SurveyEvents.SurveyAnswered;
import dev.steward.survey.SurveyEvents.SurveyClosed;
import dev.steward.survey.SurveyEvents.SurveyReminded;
import dev.steward.survey.SurveyEvents.SurveySent;
import dev.steward.survey.SurveyRefused.Reason;

/**
 * One satisfaction survey of a project's client (§5.3): the dimensions it asks (as the policy named
 * them when it went out), its contacts, each answered once, in chat or on the web page, a reminder
 * once to those who have not, and a close after which nothing is taken.
 */
@Table("survey")
public class Survey extends AbstractAggregateRoot<Survey> {

	/** The longest comment kept. */
	public static final int MAX_COMMENT = 1000;

	@Id
	private Long id;

	@Version
	private Integer version;

	private final long projectId;

	private final String projectCode;

	private final Long clientId;

	private final String dimensions;

	private final Instant sentAt;

	private final Instant remindAt;

	private boolean reminded;

	private final Instant closesAt;

	private Instant closedAt;

	private final String requestedBy;

	@MappedCollection(idColumn = "survey_id", keyColumn = "seq")
	private final List<Invitation> invitations;

	@PersistenceCreator
	Survey(Long id, Integer version, long projectId, String projectCode, Long clientId, String dimensions,
			Instant sentAt, Instant remindAt, boolean reminded, Instant closesAt, Instant closedAt, String requestedBy,
			List<Invitation> invitations) {
		this.id = id;
		this.version = version;
		this.projectId = projectId;
		this.projectCode = projectCode;
		this.clientId = clientId;
		this.dimensions = dimensions;
		this.sentAt = sentAt;
		this.remindAt = remindAt;
		this.reminded = reminded;
		this.closesAt = closesAt;
		this.closedAt = closedAt;
		this.requestedBy = requestedBy;
		this.invitations = new ArrayList<>(invitations == null ? List.of() : invitations);
	}

	/** A survey going out now to these contacts. */
	static Survey send(long projectId, String projectCode, Long clientId, List<String> dimensions,
			List<Invitation> contacts, Instant now, Duration remindAfter, Duration openFor, String requestedBy) {
		if (contacts.isEmpty()) {
			throw new SurveyRefused(Reason.NO_CONTACTS, projectCode);
		}
		return new Survey(null, null, projectId, projectCode, clientId, String.join(",", dimensions), now,
				now.plus(remindAfter), false, now.plus(openFor), null, requestedBy, contacts);
	}

	/** What announces the survey, once it has its id. */
	SurveySent sent() {
		return new SurveySent(id, projectId, projectCode, requestedBy);
	}

	/**
	 * A score chosen in chat, shown on the contact's card until they send their answer.
	 * @param dimension 0-based
	 */
	Invitation choose(int contact, int dimension, int score, Respondent respondent, Instant now) {
		var invitation = answerable(contact, now);
		respondent.check(invitation);
		if (dimension < 0 || dimension >= dimensions().size() || score < 1 || score > 5) {
			throw new SurveyRefused(Reason.SCORE, Integer.toString(dimension + 1));
		}
		var chosen = invitation.choose(dimension, score, dimensions().size());
		invitations.set(contact, chosen);
		return chosen;
	}

	/** The contact's answer: a score for every dimension and an optional comment, taken once. */
	Invitation answer(int contact, int[] scores, String comment, Invitation.Via via, Respondent respondent,
			Instant now) {
		var invitation = answerable(contact, now);
		respondent.check(invitation);
		var asked = dimensions().size();
		if (scores.length != asked) {
			throw new SurveyRefused(Reason.INCOMPLETE, null);
		}
		for (int i = 0; i < asked; i++) {
			if (scores[i] == 0) {
				throw new SurveyRefused(Reason.INCOMPLETE, dimensions().get(i));
			}
			if (scores[i] < 1 || scores[i] > 5) {
				throw new SurveyRefused(Reason.SCORE, Integer.toString(i + 1));
			}
		}
		var text = comment == null || comment.isBlank() ? null : comment.strip();
		if (text != null && text.length() > MAX_COMMENT) {
			throw new SurveyRefused(Reason.COMMENT_TOO_LONG, Integer.toString(MAX_COMMENT));
		}
		var answered = invitation.answer(scores.clone(), text, via, now);
		invitations.set(contact, answered);
		registerEvent(new SurveyAnswered(id, projectId, contact, via));
		return answered;
	}

	/**
	 * Whether the contact may send their chat answer now: theirs, not answered, open, and a score
	 * chosen for every dimension (the first without one is the refusal's detail).
	 */
	void checkReadyToSend(int contact, Respondent respondent, Instant now) {
		var invitation = answerable(contact, now);
		respondent.check(invitation);
		var chosen = invitation.chosen(dimensions().size());
		for (int i = 0; i < chosen.length; i++) {
			if (chosen[i] == 0) {
				throw new SurveyRefused(Reason.INCOMPLETE, dimensions().get(i));
			}
		}
	}

	private Invitation answerable(int contact, Instant now) {
		if (contact < 0 || contact >= invitations.size()) {
			throw new SurveyRefused(Reason.UNKNOWN_SURVEY, null);
		}
		var invitation = invitations.get(contact);
		if (invitation.answered()) {
			throw new SurveyRefused(Reason.ANSWERED, null);
		}
		if (!isOpen(now)) {
			throw new SurveyRefused(Reason.CLOSED, null);
		}
		return invitation;
	}

	/** Reminds those who have not answered, once, when the time comes; whether it did. */
	boolean remind(Instant now) {
		if (reminded || !isOpen(now) || now.isBefore(remindAt)) {
			return false;
		}
		reminded = true;
		var pending = pending();
		if (!pending.isEmpty()) {
			registerEvent(new SurveyReminded(id, projectId, pending));
		}
		return true;
	}

	/** Closes the survey at its time (or earlier, when the next one goes out); whether it did. */
	boolean close(Instant now, boolean early) {
		if (closedAt != null || (!early && now.isBefore(closesAt))) {
			return false;
		}
		closedAt = now;
		registerEvent(new SurveyClosed(id, projectId, (int) invitations.stream().filter(Invitation::answered).count(),
				invitations.size()));
		return true;
	}

	/** Whether answers are taken now. */
	public boolean isOpen(Instant now) {
		return closedAt == null && now.isBefore(closesAt);
	}

	/** The contacts (by place) who have not answered. */
	public List<Integer> pending() {
		return IntStream.range(0, invitations.size()).filter(i -> !invitations.get(i).answered()).boxed().toList();
	}

	public Long id() {
		return id;
	}

	public long projectId() {
		return projectId;
	}

	public String projectCode() {
		return projectCode;
	}

	public Long clientId() {
		return clientId;
	}

	/** The dimensions asked, in order, as the policy named them when the survey went out. */
	public List<String> dimensions() {
		return Arrays.asList(dimensions.split(","));
	}

	public Instant sentAt() {
		return sentAt;
	}

	public Instant remindAt() {
		return remindAt;
	}

	public boolean reminded() {
		return reminded;
	}

	public Instant closesAt() {
		return closesAt;
	}

	public Instant closedAt() {
		return closedAt;
	}

	public String requestedBy() {
		return requestedBy;
	}

	public List<Invitation> invitations() {
		return List.copyOf(invitations);
	}

	public Invitation invitation(int contact) {
		return invitations.get(contact);
	}

}
