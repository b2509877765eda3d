package dev.steward.survey.chat;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.Message;
import dev.steward.conversation.Outbox;
import dev.steward.conversation.Recipients;
import dev.steward.conversation.Texts;
import dev.steward.survey.Survey;
import dev.steward.survey.SurveyEvents.SurveyAnswered;
import dev.steward.survey.SurveyEvents.SurveyClosed;
import dev.steward.survey.SurveyEvents.SurveyReminded;
import dev.steward.survey.SurveyEvents.SurveySent;
import dev.steward.survey.SurveyManagement;

/**
 * Turns the surveys' events into messages, in the transaction of the change: each chat contact's
 * card in their direct messages, the project manager's message with the web links to send (kept
 * until the survey's time when the round prepared it ahead); a
 * contact's card and the manager's message updated in place as answers come; one reminder; the
 * close. Contacts read the firm's language (their profiles say no other).
 */
@Component
class SurveyMessages {

	private final SurveyManagement surveys;

	private final SurveyViews views;

	private final Outbox outbox;

	private final Recipients recipients;

	private final Texts texts;

	private final Clock clock;

	SurveyMessages(SurveyManagement surveys, SurveyViews views, Outbox outbox,
			Recipients recipients, Texts texts, Clock clock) {
		this.surveys = surveys;
		this.views = views;
		this.outbox = outbox;
		this.recipients = recipients;
		this.texts = texts;
		this.clock = clock;
	}

	@EventListener
	void on(SurveySent sent) {
		var survey = surveys.survey(sent.surveyId()).orElseThrow();
		var about = views.about(survey);
		var now = clock.instant();
		var contactReader = recipients.channelReader();
		for (int i = 0; i < survey.invitations().size(); i++) {
			var invitation = survey.invitation(i);
			if (invitation.inChat()) {
				outbox.toChannel(ChannelRef.direct(invitation.door(), invitation.chatId()),
						views.card(contactReader, survey, about, i, now), SurveyViews.cardKey(survey.id(), i),
						survey.sentAt());
			}
		}
		if (about.managerId() != null) {
			outbox.toPerson(about.managerId(), views.managerMessage(recipients.of(about.managerId()), survey, about, now),
					SurveyViews.managerKey(survey.id()), survey.sentAt());
		}
	}

	@EventListener
	void on(SurveyAnswered answered) {
		var survey = surveys.survey(answered.surveyId()).orElseThrow();
		var about = views.about(survey);
		var now = clock.instant();
		if (survey.invitation(answered.contact()).inChat()) {
			outbox.update(SurveyViews.cardKey(survey.id(), answered.contact()),
					views.card(recipients.channelReader(), survey, about, answered.contact(), now));
		}
		if (about.managerId() != null) {
			outbox.update(SurveyViews.managerKey(survey.id()),
					views.managerMessage(recipients.of(about.managerId()), survey, about, now));
		}
	}

	@EventListener
	void on(SurveyReminded reminded) {
		var survey = surveys.survey(reminded.surveyId()).orElseThrow();
		var about = views.about(survey);
		var reader = recipients.channelReader();
		var now = clock.instant();
		boolean anyOnWeb = false;
		for (var contact : reminded.pending()) {
			var invitation = survey.invitation(contact);
			if (invitation.inChat()) {
				// the card again, newest in their conversation; both copies update together
				var text = texts.get(reader, "survey.remind.text", invitation.name(), texts.when(reader, survey.closesAt()));
				outbox.toChannel(ChannelRef.direct(invitation.door(), invitation.chatId()), Message.text(text), null);
				outbox.toChannel(ChannelRef.direct(invitation.door(), invitation.chatId()),
						views.card(reader, survey, about, contact, now), SurveyViews.cardKey(survey.id(), contact));
			}
			else {
				anyOnWeb = true;
			}
		}
		if (anyOnWeb && about.managerId() != null) {
			var to = recipients.of(about.managerId());
			var title = texts.get(to, "survey.remind.manager", survey.projectCode());
			outbox.toPerson(about.managerId(), Message.builder(title).header(title)
				.text(texts.get(to, "survey.remind.manager-text", texts.when(to, survey.closesAt())))
				.text(views.linkList(to, survey, true))
				.build(), null);
		}
	}

	@EventListener
	void on(SurveyClosed closed) {
		var survey = surveys.survey(closed.surveyId()).orElseThrow();
		var about = views.about(survey);
		var now = clock.instant();
		for (var contact : survey.pending()) {
			if (survey.invitation(contact).inChat()) {
				outbox.update(SurveyViews.cardKey(survey.id(), contact),
						views.card(recipients.channelReader(), survey, about, contact, now));
			}
		}
		updateManager(survey);
	}

	private void updateManager(Survey survey) {
		var about = views.about(survey);
		if (about.managerId() != null) {
			outbox.update(SurveyViews.managerKey(survey.id()),
					views.managerMessage(recipients.of(about.managerId()), survey, about, clock.instant()));
		}
	}

}
