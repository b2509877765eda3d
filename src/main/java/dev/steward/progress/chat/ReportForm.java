package dev.steward.progress.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.ActionHandler;
import dev.steward.conversation.Caller;
import dev.steward.conversation.FormHandler;
import dev.steward.conversation.FormSpec;
import dev.steward.conversation.Input;
import dev.steward.conversation.Input.Choice;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.progress.chat.ProgressInteractions.Report;
import dev.steward.engagement.EngagementManagement;
import dev.steward.progress.ProgressManagement;
import dev.steward.progress.ProgressRefused;
import dev.steward.progress.Rag;

/** The weekly report form ({@code progress-report:<project>}), opened by the prompt's button. */
@Component
class ReportForm implements FormHandler<Report> {

	private final ProgressManagement progress;

	private final EngagementManagement engagements;

	private final Texts texts;

	ReportForm(ProgressManagement progress, EngagementManagement engagements, Texts texts) {
		this.progress = progress;
		this.engagements = engagements;
		this.texts = texts;
	}

	/** Opens the form, filled with this week's report if there is one. */
	Reply open(Caller caller, long projectId) {
		var project = engagements.project(projectId).orElseThrow();
		try {
			progress.checkCanReport(projectId, caller.personId());
		}
		catch (ProgressRefused refused) {
			throw ProgressRefusals.refusal(texts, caller, refused, project.code());
		}
		var initial = new LinkedHashMap<String, String>();
		progress.currentCycle(projectId)
			.filter(cycle -> !cycle.forwarded())
			.flatMap(cycle -> progress.report(cycle.id(), caller.personId()))
			.ifPresent(report -> {
				initial.put("done", report.done());
				initial.put("next", report.nextWeek());
				initial.put("blockers", report.blockers() == null ? "" : report.blockers());
				initial.put("percent", String.valueOf(report.percent()));
				initial.put("rag", report.rag().name().toLowerCase(Locale.ROOT));
			});
		return Reply.openForm(new Report(projectId), initial);
	}

	@Override
	public Access access() {
		return Access.of(Who.TEAM);
	}

	@Override
	public FormSpec spec(Caller caller, Report args) {
		var code = engagements.project(args.project()).map(p -> p.code()).orElse("");
		return FormSpec.single(texts.get(caller, "progress.form.title", code), texts.get(caller, "progress.form.submit"),
				List.of(Input.longText("done", texts.get(caller, "progress.field.done"), true, 2000),
						Input.longText("next", texts.get(caller, "progress.field.next"), true, 2000),
						Input.longText("blockers", texts.get(caller, "progress.field.blockers"), false, 2000),
						Input.number("percent", texts.get(caller, "progress.field.percent"), true)
							.withHint("0–100"),
						Input.choice("rag", texts.get(caller, "progress.field.rag"), true,
								List.of(new Choice("green", "🟢 " + texts.get(caller, "progress.rag.green")),
										new Choice("amber", "🟠 " + texts.get(caller, "progress.rag.amber")),
										new Choice("red", "🔴 " + texts.get(caller, "progress.rag.red"))))));
	}

	@Override
	public Reply submit(FormRequest<Report> request) {
		var caller = request.caller();
		double percent = Double.parseDouble(request.value("percent").replace(",", ""));
		if (percent < 0 || percent > 100 || percent != Math.floor(percent)) {
			return Reply.errors(Map.of("percent", texts.get(caller, "progress.form.percent")));
		}
		long projectId = request.args().project();
		try {
			var report = progress.submit(projectId, caller.personId(), request.value("done"), request.value("next"),
					request.value("blockers"), (int) percent, Rag.valueOf(request.value("rag").toUpperCase(Locale.ROOT)));
			var code = engagements.project(projectId).orElseThrow().code();
			return Reply.say(texts.get(caller, report.submittedAt().equals(report.updatedAt())
					? "progress.submitted" : "progress.edited", code));
		}
		catch (ProgressRefused refused) {
			throw ProgressRefusals.refusal(texts, caller, refused,
					engagements.project(projectId).map(p -> p.code()).orElse(""));
		}
	}

	/** The "Submit report" button of a prompt. */
	@Component
	static class OpenButton implements ActionHandler<Report> {

		private final ReportForm form;

		private final Texts texts;

		OpenButton(ReportForm form, Texts texts) {
			this.form = form;
			this.texts = texts;
		}

		@Override
		public Access access() {
			return Access.of(Who.TEAM);
		}

		@Override
		public Reply handle(ActionRequest<Report> request) {
			return form.open(request.caller(), request.args().project());
		}

	}

}
