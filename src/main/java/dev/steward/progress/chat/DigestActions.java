package dev.steward.progress.chat;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.ActionHandler;
import dev.steward.conversation.Caller;
import dev.steward.conversation.FormHandler;
import dev.steward.conversation.FormSpec;
import dev.steward.conversation.Input;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.progress.chat.ProgressInteractions.Comment;
import dev.steward.progress.chat.ProgressInteractions.Forward;
import dev.steward.progress.ProgressManagement;
import dev.steward.progress.ProgressRefused;

/**
 * The digest's buttons ({@code progress-forward:<cycle>:comment|plain}): send it on to the
 * department head and management, with or without a comment.
 */
@Component
class DigestActions implements ActionHandler<Forward> {

	private final ProgressManagement progress;

	private final Texts texts;

	DigestActions(ProgressManagement progress, Texts texts) {
		this.progress = progress;
		this.texts = texts;
	}

	@Override
	public Access access() {
		return Access.of(Who.PROJECT_MANAGER, Who.ADMIN);
	}

	@Override
	public Reply handle(ActionRequest<Forward> request) {
		long cycleId = request.args().cycle();
		if (request.args().how() == Forward.How.COMMENT) {
			try {
				progress.checkMayForward(cycleId, request.caller().personId());
			}
			catch (ProgressRefused refused) {
				throw ProgressRefusals.refusal(texts, request.caller(), refused, "");
			}
			return Reply.openForm(new Comment(cycleId), Map.of());
		}
		return forward(request.caller(), cycleId, null);
	}

	Reply forward(Caller caller, long cycleId, String comment) {
		try {
			var cycle = progress.forward(cycleId, caller.personId(), comment);
			return Reply.say(texts.get(caller, "progress.forwarded", cycle.week()));
		}
		catch (ProgressRefused refused) {
			throw ProgressRefusals.refusal(texts, caller, refused, "");
		}
	}

	/** The comment the project manager adds before sending the digest on. */
	@Component
	static class CommentForm implements FormHandler<Comment> {

		private final DigestActions actions;

		private final Texts texts;

		CommentForm(DigestActions actions, Texts texts) {
			this.actions = actions;
			this.texts = texts;
		}

		@Override
		public Access access() {
			return Access.of(Who.PROJECT_MANAGER, Who.ADMIN);
		}

		@Override
		public FormSpec spec(Caller caller, Comment args) {
			return FormSpec.single(texts.get(caller, "progress.comment.title"), texts.get(caller, "progress.button.send"),
					List.of(Input.longText("comment", texts.get(caller, "progress.comment.label"), true, 2000)));
		}

		@Override
		public Reply submit(FormRequest<Comment> request) {
			return actions.forward(request.caller(), request.args().cycle(), request.value("comment"));
		}

	}

}
