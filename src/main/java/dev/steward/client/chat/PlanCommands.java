package dev.steward.client.chat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.steward.client.PlanManagement;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.ChatCommands;
import dev.steward.conversation.CommandRequest;
import dev.steward.conversation.CommandSpec;
import dev.steward.conversation.CommandSpec.Option;
import dev.steward.conversation.Message;
import dev.steward.conversation.Refusal;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;

/**
 * {@code /client plan add|list|show|edit|stop}: communication plans (沟通计划, §5.2), a group under
 * {@code /client} (Discord shows it as a subcommand group). A plan is for a client (its name) or one
 * of its projects (its code); it is for the client's circle, a project's for those who may see the
 * project.
 */
@Component
class PlanCommands implements ChatCommands {

	/** Plans {@code /client plan list} shows at most. */
	static final int LISTED = 25;

	private final PlanManagement plans;

	private final PlanForm form;

	private final PlanViews views;

	private final Texts texts;

	private final Clock clock;

	PlanCommands(PlanManagement plans, PlanForm form, PlanViews views, Texts texts, Clock clock) {
		this.plans = plans;
		this.form = form;
		this.views = views;
		this.texts = texts;
		this.clock = clock;
	}

	@Override
	public List<CommandSpec> commands() {
		var id = List.of(Option.required("id", Option.Type.INTEGER, "client.plan.option.id"));
		return List.of(
				new CommandSpec("client", "plan add", List.of(Option.required("for", Option.Type.TEXT, "client.plan.option.for")),
						"client.plan.add.description", this::add)
					.allow(Who.TEAM, Who.PROJECT_MANAGER, Who.DEPARTMENT_HEAD, Who.MANAGEMENT, Who.ADMIN),
				new CommandSpec("client", "plan list",
						List.of(Option.optional("for", Option.Type.TEXT, "client.plan.option.for")),
						"client.plan.list.description", this::list)
					.allow(Who.TEAM, Who.PROJECT_MANAGER, Who.DEPARTMENT_HEAD, Who.MANAGEMENT, Who.ADMIN),
				new CommandSpec("client", "plan show", id, "client.plan.show.description", this::show)
					.allow(Who.TEAM, Who.PROJECT_MANAGER, Who.DEPARTMENT_HEAD, Who.MANAGEMENT, Who.ADMIN),
				new CommandSpec("client", "plan edit", id, "client.plan.edit.description", this::edit)
					.allow(Who.TEAM, Who.PROJECT_MANAGER, Who.DEPARTMENT_HEAD, Who.MANAGEMENT, Who.ADMIN),
				new CommandSpec("client", "plan stop", id, "client.plan.stop.description", this::stop)
					.allow(Who.TEAM, Who.PROJECT_MANAGER, Who.DEPARTMENT_HEAD, Who.MANAGEMENT, Who.ADMIN));
	}

	private Reply add(CommandRequest request) {
		var caller = request.caller();
		if (request.argText().isBlank()) {
			throw new Refusal(texts.get(caller, "client.plan.add.usage"));
		}
		return form.add(caller, plans.scope(request.argText()));
	}

	private Reply list(CommandRequest request) {
		var caller = request.caller();
		var scope = request.argText().isBlank() ? Optional.<dev.steward.client.PlanScope>empty()
				: Optional.of(plans.scope(request.argText()));
		var found = plans.list(caller.personId(), scope);
		if (found.isEmpty()) {
			return Reply.say(texts.get(caller, "client.plan.list.none"));
		}
		var title = scope.isPresent() ? texts.get(caller, "client.plan.list.title-for", found.size(), scope.get().label())
				: texts.get(caller, "client.plan.list.title", found.size());
		var today = LocalDate.now(clock.withZone(caller.zone()));
		var lines = new StringBuilder();
		found.stream().limit(LISTED).forEach(plan -> lines.append(views.line(caller, plan, today)).append('\n'));
		var builder = Message.builder(title).header(title).text(lines.toString().strip());
		if (found.size() > LISTED) {
			builder.context(texts.get(caller, "client.plan.list.more", found.size() - LISTED));
		}
		return Reply.say(builder.context(texts.get(caller, "client.plan.list.hint")).build());
	}

	private Reply show(CommandRequest request) {
		var caller = request.caller();
		return Reply.say(views.card(caller, plans.plan(caller.personId(), planId(request))));
	}

	private Reply edit(CommandRequest request) {
		return form.edit(request.caller(), planId(request));
	}

	private Reply stop(CommandRequest request) {
		var caller = request.caller();
		var plan = plans.stop(caller.personId(), planId(request));
		return Reply.say(texts.get(caller, "client.plan.stopped-now", String.valueOf(plan.id()), plan.goal()));
	}

	private long planId(CommandRequest request) {
		var digits = request.arg(0).strip().replaceFirst("^#", "");
		if (!digits.matches("\\d{1,18}")) {
			throw new Refusal(texts.get(request.caller(), "client.plan.id.usage"));
		}
		return Long.parseLong(digits);
	}

}
