package dev.steward.survey.chat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.steward.conversation.Access.Who;
import dev.steward.conversation.Attachment;
import dev.steward.conversation.Block.Field;
import dev.steward.conversation.Caller;
import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.ChatCommands;
import dev.steward.conversation.CommandRequest;
import dev.steward.conversation.CommandSpec;
import dev.steward.conversation.CommandSpec.Option;
import dev.steward.conversation.Message;
import dev.steward.conversation.Outbox;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.engagement.Project;
import dev.steward.survey.ImprovementAction;
import dev.steward.survey.SurveyManagement;
import dev.steward.survey.SurveyResults;
import dev.steward.survey.TrendChart;

/**
 * {@code /survey results [CODE]}: satisfaction against the firm's target, per dimension and overall,
 * with the monthly trend as a picture (posted to the project's channel when asked for there, else
 * to the person); {@code /survey actions [CODE]}: the improvement actions.
 */
@Component
class SurveyReports implements ChatCommands {

	private final SurveyManagement surveys;

	private final SurveyViews views;

	private final ActionMessages actionMessages;

	private final Outbox outbox;

	private final Texts texts;

	private final Clock clock;

	SurveyReports(SurveyManagement surveys, SurveyViews views, ActionMessages actionMessages, Outbox outbox,
			Texts texts, Clock clock) {
		this.surveys = surveys;
		this.views = views;
		this.actionMessages = actionMessages;
		this.outbox = outbox;
		this.texts = texts;
		this.clock = clock;
	}

	@Override
	public List<CommandSpec> commands() {
		return List.of(
				new CommandSpec("survey", "results", List.of(Option.optional("code", Option.Type.TEXT, "survey.option.code-or-firm")),
						"survey.results.description", this::results)
					.allow(Who.TEAM, Who.PROJECT_MANAGER, Who.DEPARTMENT_HEAD, Who.MANAGEMENT, Who.ADMIN),
				new CommandSpec("survey", "actions", List.of(Option.optional("code", Option.Type.TEXT, "survey.option.code-or-firm")),
						"survey.actions.description", this::actions)
					.allow(Who.TEAM, Who.PROJECT_MANAGER, Who.DEPARTMENT_HEAD, Who.MANAGEMENT, Who.ADMIN));
	}

	private static Optional<String> code(CommandRequest request) {
		var code = request.arg(0).strip();
		return code.isEmpty() ? Optional.empty() : Optional.of(code.toUpperCase(Locale.ROOT));
	}

	private Reply results(CommandRequest request) {
		var caller = request.caller();
		var results = surveys.results(code(request), caller.personId(), caller.zone());
		var scope = results.project().map(project -> project.code() + " " + project.title())
			.orElse(texts.get(caller, "survey.results.firm"));
		var year = results.year();
		var title = texts.get(caller, "survey.results.title", scope);
		var builder = Message.builder(title).header(title);
		if (year.answers() == 0) {
			builder.text(texts.get(caller, "survey.results.none"));
		}
		else {
			builder.text(texts.get(caller, "survey.results.intro", year.answers(), year.target()));
			builder.fields(fields(caller, year));
			builder.text(verdict(caller, texts.get(caller, "survey.results.overall"), year));
		}
		if (results.latest().isPresent() && results.latestResult().isPresent()
				&& results.latestResult().get().answers() > 0) {
			builder.context(texts.get(caller, "survey.results.latest", texts.date(caller, results.latest().get().sentAt()),
					share(results.latestResult().get().overall().share()), results.latestResult().get().answers()));
		}
		var chart = chart(caller, scope, results.trend(), year.target(), results.project());
		var message = builder.file(chart).build();
		if (results.project().isPresent() && atHome(results.project().get(), request.channel())) {
			var home = results.project().get().home();
			outbox.toChannel(ChannelRef.channel(home.door(), home.channel()), message, null);
			return Reply.say(texts.get(caller, "survey.results.posted", results.project().get().code()));
		}
		return Reply.say(message);
	}

	private List<Field> fields(Caller caller, SurveyResults.Result result) {
		var fields = new ArrayList<Field>();
		for (var dimension : result.dimensions()) {
			if (dimension.scores() > 0) {
				fields.add(new Field(views.dimension(caller, dimension.id()), texts.get(caller, "survey.results.dimension",
						mark(dimension.share(), result.target()), share(dimension.share()), dimension.scores(),
						String.format(Locale.ROOT, "%.1f", dimension.mean()))));
			}
		}
		return fields;
	}

	private String verdict(Caller caller, String label, SurveyResults.Result result) {
		return texts.get(caller, result.met() ? "survey.results.met" : "survey.results.missed", label,
				share(result.overall().share()), result.target());
	}

	static String mark(double share, int target) {
		return share >= target ? "✅" : "⚠️";
	}

	static String share(double share) {
		return String.format(Locale.ROOT, "%.1f%%", share);
	}

	private Attachment chart(Caller caller, String scope, List<SurveyResults.Month> trend, int target,
			Optional<Project> project) {
		var answered = trend.stream().mapToInt(SurveyResults.Month::answers).sum();
		var picture = TrendChart.render(trend, target,
				new TrendChart.Labels(texts.get(caller, "survey.trend.title", scope),
						texts.get(caller, "survey.trend.subtitle", answered, texts.when(caller, clock.instant())),
						texts.get(caller, "survey.trend.series"), texts.get(caller, "survey.trend.target", target),
						texts.get(caller, "survey.trend.axis")));
		var name = "satisfaction-trend-" + project.map(Project::code).orElse("firm") + ".png";
		return Attachment.png(name, texts.get(caller, "survey.trend.alt", scope, target), picture.png());
	}

	/** Whether the command was typed in the project's home channel (not a direct conversation). */
	static boolean atHome(Project project, ChannelRef channel) {
		var home = project.home();
		return home != null && channel != null && !home.direct() && !channel.direct()
				&& Objects.equals(home.door(), channel.door()) && Objects.equals(home.channel(), channel.id());
	}

	private Reply actions(CommandRequest request) {
		var caller = request.caller();
		var list = surveys.actions(code(request), caller.personId());
		if (list.isEmpty()) {
			return Reply.say(texts.get(caller, "survey.actions.none"));
		}
		var title = texts.get(caller, "survey.actions.title", list.size());
		var builder = Message.builder(title).header(title);
		for (ImprovementAction action : list.stream().limit(20).toList()) {
			builder.divider();
			actionMessages.row(builder, caller, action);
		}
		return Reply.say(builder.build());
	}

}
