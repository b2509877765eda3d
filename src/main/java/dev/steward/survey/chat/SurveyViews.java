package dev.steward.survey.chat;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.client.ClientManagement;
import dev.steward.conversation.Block.Field;
import dev.steward.conversation.Button;
import dev.steward.conversation.Caller;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Message;
import dev.steward.conversation.Texts;
import dev.steward.engagement.EngagementManagement;
import dev.steward.survey.Invitation;
import dev.steward.survey.Survey;
import dev.steward.survey.SurveyManagement;
import dev.steward.survey.chat.SurveyInteractions.Finish;
import dev.steward.survey.chat.SurveyInteractions.Score;

/**
 * How surveys read in chat: a contact's card (a row of scores a dimension, the chosen one marked,
 * then the comment button; once answered, what they said), and the project manager's message (who
 * was asked where, the web links to send, how many answered).
 */
@Component
class SurveyViews {

	private final Texts texts;

	private final EngagementManagement engagements;

	private final ClientManagement clients;

	private final SurveyManagement surveys;

	SurveyViews(Texts texts, EngagementManagement engagements, ClientManagement clients, SurveyManagement surveys) {
		this.texts = texts;
		this.engagements = engagements;
		this.clients = clients;
		this.surveys = surveys;
	}

	/** The key of a contact's card, to update it in place. */
	static String cardKey(long surveyId, int contact) {
		return "survey:" + surveyId + ":" + contact;
	}

	/** The key of the project manager's message about a survey. */
	static String managerKey(long surveyId) {
		return "survey:" + surveyId + ":manager";
	}

	/** A dimension's name in the reader's language (configuration names it; the bundles may not). */
	String dimension(Caller reader, String id) {
		return texts.named(reader.locale(), "survey.dimension." + id, id);
	}

	/**
	 * What a survey's messages say of its project and client, read once for all of them.
	 * @param managerId the project's manager, or {@code null} when the project is gone
	 */
	record About(String project, String client, String managerId) {
	}

	About about(Survey survey) {
		var announced = surveys.announced(survey.id()).orElse(null);
		if (announced != null) {
			// a round hands over what it read for the survey it is announcing
			return new About(announced.project().titleAndCode(),
					announced.clientName() == null ? "" : announced.clientName(), announced.project().managerId());
		}
		var project = engagements.summary(survey.projectId());
		return new About(project.map(found -> found.titleAndCode()).orElse(survey.projectCode()),
				survey.clientId() == null ? "" : clients.name(survey.clientId()).orElse(""),
				project.map(found -> found.managerId()).orElse(null));
	}

	/** A contact's card as it stands: open with its buttons, answered, or closed. */
	Message card(Caller reader, Survey survey, int contact, java.time.Instant now) {
		return card(reader, survey, about(survey), contact, now);
	}

	Message card(Caller reader, Survey survey, About about, int contact, java.time.Instant now) {
		var invitation = survey.invitation(contact);
		var title = texts.get(reader, "survey.card.title", about.project());
		var builder = Message.builder(title).header(title);
		var dimensions = survey.dimensions();
		if (invitation.answered()) {
			builder.text(texts.get(reader, "survey.card.thanks", invitation.name(), texts.when(reader, invitation.answeredAt())));
			builder.fields(scores(reader, dimensions, invitation.answer(dimensions.size())));
			if (invitation.comment() != null) {
				builder.text("> " + invitation.comment().replace("\n", "\n> "));
			}
			return builder.build();
		}
		if (!survey.isOpen(now)) {
			builder.text(texts.get(reader, "survey.card.closed", texts.date(reader, survey.closedAt() == null
					? survey.closesAt() : survey.closedAt())));
			return builder.build();
		}
		var chosen = invitation.chosen(dimensions.size());
		builder.text(texts.get(reader, "survey.card.intro", invitation.name(), about.client()));
		var lines = new StringBuilder();
		for (int i = 0; i < dimensions.size(); i++) {
			lines.append(i + 1).append(". *").append(dimension(reader, dimensions.get(i))).append("*: ")
				.append(chosen[i] == 0 ? "—" : stars(chosen[i]))
				.append('\n');
		}
		builder.text(lines.toString().strip());
		for (int i = 0; i < dimensions.size(); i++) {
			var row = new ArrayList<Button>();
			for (int score = 1; score <= 5; score++) {
				var label = score == 1 ? texts.get(reader, "survey.card.first", i + 1, dimension(reader, dimensions.get(i)))
						: Integer.toString(score);
				var id = InteractionId.of(new Score(survey.id(), contact, i, score));
				row.add(chosen[i] == score ? Button.primary("✓ " + label, id) : Button.of(label, id));
			}
			builder.actions(row);
		}
		builder.actions(List.of(Button.primary(texts.get(reader, "survey.card.finish"),
				InteractionId.of(new Finish(survey.id(), contact)))));
		return builder.context(texts.get(reader, "survey.card.closes", texts.when(reader, survey.closesAt()))).build();
	}

	private List<Field> scores(Caller reader, List<String> dimensions, int[] scores) {
		var fields = new ArrayList<Field>();
		for (int i = 0; i < dimensions.size() && i < scores.length; i++) {
			fields.add(new Field(dimension(reader, dimensions.get(i)), stars(scores[i])));
		}
		return fields;
	}

	static String stars(int score) {
		return "★".repeat(score) + "☆".repeat(5 - score) + " " + score;
	}

	/** The project manager's message: who was asked where, the links to send, how many answered. */
	Message managerMessage(Caller reader, Survey survey, About about, java.time.Instant now) {
		var title = texts.get(reader, "survey.manager.title", about.project());
		var builder = Message.builder(title).header(title);
		var invitations = survey.invitations();
		long answered = invitations.stream().filter(Invitation::answered).count();
		builder.text(texts.get(reader, "survey.manager.intro", about.client(), invitations.size()));
		builder.text(linkList(reader, survey, survey.isOpen(now)));
		if (survey.isOpen(now)) {
			builder.context(texts.get(reader, "survey.manager.progress", answered, invitations.size(),
					texts.when(reader, survey.closesAt())));
		}
		else {
			builder.context(texts.get(reader, "survey.manager.closed", answered, invitations.size(),
					texts.when(reader, survey.closedAt())));
		}
		return builder.build();
	}

	/** Each contact: answered, asked in chat, or their web link to send. */
	String linkList(Caller reader, Survey survey, boolean open) {
		var lines = new StringBuilder();
		for (var link : surveys.links(survey)) {
			lines.append("• *").append(link.name()).append('*');
			if (link.email() != null) {
				lines.append(" (").append(link.email()).append(')');
			}
			lines.append(": ");
			if (link.answered()) {
				lines.append(texts.get(reader, "survey.contact.answered"));
			}
			else if (!open) {
				lines.append(texts.get(reader, "survey.contact.no-answer"));
			}
			else if (link.inChat()) {
				lines.append(texts.get(reader, "survey.contact.in-chat", link.url()));
			}
			else {
				lines.append(texts.get(reader, "survey.contact.web", link.url()));
			}
			lines.append('\n');
		}
		return lines.toString().strip();
	}

}
