package dev.steward.risk.chat;

import org.springframework.stereotype.Component;

import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.Caller;
import dev.steward.conversation.FormHandler;
import dev.steward.conversation.FormSpec;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.risk.RiskManagement;
import dev.steward.risk.chat.RiskInteractions.Reassess;

/**
 * Assesses a risk again (风险评估, §6.1.2), filled in with what it says now: from a review card it
 * settles the review; from {@code /risk show} it is a reassessment between reviews.
 */
@Component
class AssessForm implements FormHandler<Reassess> {

	private final RiskManagement risks;

	private final RiskForm form;

	private final RiskViews views;

	private final Texts texts;

	AssessForm(RiskManagement risks, RiskForm form, RiskViews views, Texts texts) {
		this.risks = risks;
		this.form = form;
		this.views = views;
		this.texts = texts;
	}

	/** Opens the form filled in, after checking the caller may answer for the risk. */
	Reply open(Caller caller, long riskId, int round) {
		var risk = risks.checkMayAnswer(riskId, round, caller.personId());
		return Reply.openForm(new Reassess(riskId, round), RiskForm.filled(risk));
	}

	@Override
	public Access access() {
		return Access.of(Who.ADDRESSEE, Who.PROJECT_MANAGER, Who.DEPARTMENT_HEAD, Who.ADMIN);
	}

	@Override
	public FormSpec spec(Caller caller, Reassess args) {
		return form.pages(caller, texts.get(caller, "risk.assess.title", args.risk()),
				texts.get(caller, "risk.assess.submit"), false);
	}

	@Override
	public Reply submit(FormRequest<Reassess> request) {
		var caller = request.caller();
		var read = form.read(caller, request);
		if (!read.errors().isEmpty()) {
			return Reply.errors(read.errors());
		}
		var before = risks.checkMayReview(request.args().risk(), caller.personId());
		var fromLevel = before.level();
		int fromScore = before.score();
		var risk = risks.reassess(request.args().risk(), caller.personId(), read.details(), request.args().round());
		return Reply.say(texts.get(caller, "risk.reassessed", risk.id(), risk.title(), views.badge(caller, fromLevel),
				fromScore, views.badge(caller, risk.level()), risk.score(), views.date(caller, risk.nextReview())));
	}

}
