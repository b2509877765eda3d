package dev.steward.survey.chat;

import java.time.Clock;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.ActionHandler;
import dev.steward.conversation.Caller;
import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.Outbox;
import dev.steward.conversation.Recipients;
import dev.steward.conversation.Reply;
import dev.steward.directory.DirectoryManagement;
import dev.steward.survey.Respondent;
import dev.steward.survey.SurveyManagement;
import dev.steward.survey.chat.SurveyInteractions.Comment;
import dev.steward.survey.chat.SurveyInteractions.Finish;
import dev.steward.survey.chat.SurveyInteractions.Score;

/**
 * A contact's clicks on their card: a score is kept and the card shows it in place; the last button
 * opens the comment form once every dimension has a score. Open to people outside the directory (a
 * client's contacts are), and each click is checked against the account the survey asked.
 */
@Component
class SurveyActions {

	private final SurveyManagement surveys;

	private final SurveyViews views;

	private final Outbox outbox;

	private final Recipients recipients;

	private final DirectoryManagement directory;

	private final Clock clock;

	SurveyActions(SurveyManagement surveys, SurveyViews views, Outbox outbox, Recipients recipients,
			DirectoryManagement directory, Clock clock) {
		this.surveys = surveys;
		this.views = views;
		this.outbox = outbox;
		this.recipients = recipients;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * Who clicked, as the survey knows contacts: a guest's platform account; for someone in the
	 * directory, their account on the door they clicked on.
	 */
	Respondent respondent(Caller caller, ChannelRef channel) {
		var account = caller.platformUser();
		if (account.isPresent()) {
			return Respondent.chat(account.get().door(), account.get().userId());
		}
		var door = channel == null ? null : channel.door();
		return Respondent.chat(door, door == null ? null : directory.identity(caller.personId(), door).orElse(null));
	}

	@Component
	static class Scores implements ActionHandler<Score> {

		private final SurveyActions actions;

		Scores(SurveyActions actions) {
			this.actions = actions;
		}

		@Override
		public Access access() {
			return Access.of(Who.ADDRESSEE).withGuests();
		}

		@Override
		public Reply handle(ActionRequest<Score> request) {
			var args = request.args();
			var survey = actions.surveys.choose(args.survey(), args.contact(), args.dimension(), args.score(),
					actions.respondent(request.caller(), request.channel()));
			actions.outbox.update(SurveyViews.cardKey(survey.id(), args.contact()),
					actions.views.card(actions.recipients.channelReader(), survey, args.contact(), actions.clock.instant()));
			return Reply.silent();
		}

	}

	@Component
	static class Finishing implements ActionHandler<Finish> {

		private final SurveyActions actions;

		Finishing(SurveyActions actions) {
			this.actions = actions;
		}

		@Override
		public Access access() {
			return Access.of(Who.ADDRESSEE).withGuests();
		}

		@Override
		public Reply handle(ActionRequest<Finish> request) {
			var args = request.args();
			actions.surveys.checkReadyToSend(args.survey(), args.contact(),
					actions.respondent(request.caller(), request.channel()));
			return Reply.openForm(new Comment(args.survey(), args.contact()), Map.of());
		}

	}

}
