package dev.steward.client.chat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.steward.client.CommunicationPlan;
import dev.steward.client.ContactChannel;
import dev.steward.client.PlanDetails;
import dev.steward.client.PlanManagement;
import dev.steward.client.PlanRefused;
import dev.steward.client.PlanScope;
import dev.steward.client.chat.PlanInteractions.Editor;
import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.Caller;
import dev.steward.conversation.FormHandler;
import dev.steward.conversation.FormSpec;
import dev.steward.conversation.Input;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;

/**
 * A communication plan (沟通计划, §5.2.1) as a form of two pages: its goal, channel, frequency and
 * content; then its owner (a person picker; empty: whoever fills it in) and when the next contact
 * is due (empty: one frequency from today). Adds a plan or changes one.
 */
@Component
class PlanForm implements FormHandler<Editor> {

	static final String GOAL = "goal";

	static final String CHANNEL = "channel";

	static final String EVERY = "every";

	static final String CONTENT = "content";

	static final String OWNER = "owner";

	static final String NEXT = "next";

	private final PlanManagement plans;

	private final PlanViews views;

	private final Texts texts;

	PlanForm(PlanManagement plans, PlanViews views, Texts texts) {
		this.plans = plans;
		this.views = views;
		this.texts = texts;
	}

	/** The form for a new plan, once the caller may add one there (refused before any typing). */
	Reply add(Caller caller, PlanScope scope) {
		plans.checkMayAdd(caller.personId(), scope);
		return Reply.openForm(Editor.added(scope.clientId(), scope.projectId()), Map.of());
	}

	/** The form filled in with what the plan says now, for those who may change it. */
	Reply edit(Caller caller, long planId) {
		var plan = plans.plan(caller.personId(), planId);
		if (!plan.active()) {
			throw new PlanRefused(PlanRefused.Reason.STOPPED, null);
		}
		return Reply.openForm(Editor.of(planId), filled(plan));
	}

	static Map<String, String> filled(CommunicationPlan plan) {
		var values = new LinkedHashMap<String, String>();
		values.put(GOAL, plan.goal());
		values.put(CHANNEL, plan.channel().key());
		values.put(EVERY, String.valueOf(plan.everyDays()));
		values.put(CONTENT, plan.content());
		values.put(OWNER, plan.ownerId());
		values.put(NEXT, plan.nextDue().toString());
		return values;
	}

	@Override
	public Access access() {
		return Access.of(Who.TEAM, Who.PROJECT_MANAGER, Who.DEPARTMENT_HEAD, Who.MANAGEMENT, Who.ADMIN);
	}

	@Override
	public FormSpec spec(Caller caller, Editor args) {
		var title = texts.get(caller, args.isNew() ? "client.plan.form.title.add" : "client.plan.form.title.edit");
		var channels = List.of(ContactChannel.values())
			.stream()
			.map(channel -> new Input.Choice(channel.key(), views.channel(caller.locale(), channel)))
			.toList();
		var first = List.of(
				Input.shortText(GOAL, texts.get(caller, "client.plan.field.goal"), true, PlanDetails.GOAL),
				Input.choice(CHANNEL, texts.get(caller, "client.plan.field.channel"), true, channels),
				Input.number(EVERY, texts.get(caller, "client.plan.field.every"), true)
					.withHint(texts.get(caller, "client.plan.form.every-hint", PlanDetails.FEWEST_DAYS, PlanDetails.MOST_DAYS)),
				Input.longText(CONTENT, texts.get(caller, "client.plan.field.content"), true, PlanDetails.CONTENT));
		var second = List.of(
				Input.person(OWNER, texts.get(caller, "client.plan.field.owner"), false)
					.withHint(texts.get(caller, "client.plan.form.owner-hint")),
				Input.date(NEXT, texts.get(caller, "client.plan.field.next"), false)
					.withHint(texts.get(caller, "client.plan.form.next-hint")));
		return new FormSpec(title, texts.get(caller, "client.plan.form.submit"),
				List.of(new FormSpec.Page(texts.get(caller, "client.plan.form.page.plan"), first),
						new FormSpec.Page(texts.get(caller, "client.plan.form.page.owner"), second)));
	}

	@Override
	public Reply submit(FormRequest<Editor> request) {
		var caller = request.caller();
		var args = request.args();
		int every;
		try {
			every = Integer.parseInt(request.value(EVERY));
		}
		catch (NumberFormatException ex) {
			every = 0;
		}
		if (every < PlanDetails.FEWEST_DAYS || every > PlanDetails.MOST_DAYS) {
			return Reply.errors(Map.of(EVERY,
					texts.get(caller, "client.plan.form.every-range", PlanDetails.FEWEST_DAYS, PlanDetails.MOST_DAYS)));
		}
		var owner = request.value(OWNER).isEmpty() ? caller.personId() : request.value(OWNER);
		var next = request.value(NEXT).isEmpty() ? null : LocalDate.parse(request.value(NEXT));
		var channel = ContactChannel.of(request.value(CHANNEL)).orElse(null);
		try {
			var details = new PlanDetails(request.value(GOAL), channel, every, request.value(CONTENT), owner);
			CommunicationPlan plan;
			if (args.isNew()) {
				var scope = new PlanScope(args.client(), "", args.project() == 0 ? null : args.project(), null);
				plan = plans.add(caller.personId(), scope, details, next);
			}
			else {
				plan = plans.edit(caller.personId(), args.plan(), details, next);
			}
			return Reply.say(texts.get(caller, args.isNew() ? "client.plan.added" : "client.plan.changed", String.valueOf(plan.id()),
					plan.goal(), plan.nextDue().toString()));
		}
		catch (PlanRefused refused) {
			var error = error(caller, refused);
			if (error == null) {
				throw refused;
			}
			return Reply.errors(error);
		}
	}

	/** A refusal that belongs beside an input, or {@code null} for one the kernel says. */
	private Map<String, String> error(Caller caller, PlanRefused refused) {
		return switch (refused.reason()) {
			case INVALID -> Map.of(input(refused.detail()), texts.get(caller, "client.plan.form.invalid",
					texts.get(caller, PlanRefusalKeys.fieldKey(refused.detail()))));
			case DUE_PAST -> Map.of(NEXT, texts.get(caller, "client.plan.refused.due-past", refused.detail()));
			case UNKNOWN_OWNER, OWNER_OUTSIDE -> Map.of(OWNER, texts.get(caller, "client.plan.refused.owner-outside",
					views.name(refused.detail())));
			default -> null;
		};
	}

	private static String input(String field) {
		return switch (field == null ? "" : field) {
			case "channel" -> CHANNEL;
			case "every" -> EVERY;
			case "content" -> CONTENT;
			case "owner" -> OWNER;
			default -> GOAL;
		};
	}

}
