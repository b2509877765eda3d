package dev.steward.engagement.chat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.steward.approval.DecisionRefused;
import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.Caller;
import dev.steward.conversation.FormHandler;
import dev.steward.conversation.FormSpec;
import dev.steward.conversation.Input;
import dev.steward.conversation.Input.Choice;
import dev.steward.conversation.Message;
import dev.steward.conversation.Refusal;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.engagement.chat.EngagementInteractions.Apply;
import dev.steward.engagement.chat.EngagementInteractions.Edit;
import dev.steward.directory.DirectoryManagement;
import dev.steward.directory.Person;
import dev.steward.directory.Role;
import dev.steward.engagement.ApplicationDetails;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;

/**
 * The project application form (项目立项申请表), three pages; opened by {@code /project apply}, or
 * by {@link EditAction} after changes were asked for.
 */
@Component
class ApplicationForm implements FormHandler<Apply> {

	private final EngagementManagement engagements;

	private final DirectoryManagement directory;

	private final Texts texts;

	private final List<ApplicationFollowUps> followUps;

	ApplicationForm(EngagementManagement engagements, DirectoryManagement directory, Texts texts,
			List<ApplicationFollowUps> followUps) {
		this.engagements = engagements;
		this.directory = directory;
		this.texts = texts;
		this.followUps = List.copyOf(followUps);
	}

	/** Opens an empty application, the applicant's department chosen. */
	Reply open(Caller caller) {
		var initial = new HashMap<String, String>();
		directory.person(caller.personId()).map(Person::departmentId).ifPresent(d -> initial.put("departmentId", d));
		return Reply.openForm(Apply.fresh(), initial);
	}

	@Override
	public Access access() {
		return Access.of(Who.ANYONE);
	}

	@Override
	public FormSpec spec(Caller caller, Apply args) {
		boolean fresh = args.revising().isEmpty();
		var departments = directory.departments().stream()
			.map(d -> new Choice(d.id(), d.name(caller.locale())))
			.toList();
		var managers = new LinkedHashMap<String, Choice>();
		directory.person(caller.personId()).ifPresent(p -> managers.put(p.id(), new Choice(p.id(), p.name())));
		directory.withRole(Role.PROJECT_MANAGER).forEach(p -> managers.putIfAbsent(p.id(), new Choice(p.id(), p.name())));
		return new FormSpec(texts.get(caller, fresh ? "engagement.form.title" : "engagement.form.title-edit"),
				texts.get(caller, fresh ? "engagement.form.submit" : "engagement.form.resubmit"), List.of(
						new FormSpec.Page(texts.get(caller, "engagement.form.page.basics"), List.of(
								Input.shortText("title", label(caller, "title"), true, 120),
								// a client's profile, picked by name or made new (§5.1)
								Input.searchOrNew("client", label(caller, "client"), true, "clients",
										dev.steward.client.ClientDetails.NAME),
								Input.choice("departmentId", label(caller, "departmentId"), true, departments),
								Input.choice("managerId", label(caller, "managerId"), false,
										new ArrayList<>(managers.values()))
									.withHint(texts.get(caller, "engagement.form.manager-hint")),
								Input.number("expectedRevenue", label(caller, "expectedRevenue"), true)
									.withHint(texts.get(caller, "engagement.form.revenue-hint")))),
						new FormSpec.Page(texts.get(caller, "engagement.form.page.opportunity"), List.of(
								Input.longText("background", label(caller, "background"), true, 2000),
								Input.longText("clientNeeds", label(caller, "clientNeeds"), true, 2000),
								Input.longText("scaleBudget", label(caller, "scaleBudget"), true, 500),
								Input.longText("keyRisks", label(caller, "keyRisks"), true, 2000))),
						new FormSpec.Page(texts.get(caller, "engagement.form.page.proposal"), List.of(
								Input.longText("reason", label(caller, "reason"), true, 2000),
								Input.longText("solution", label(caller, "solution"), true, 2000)))));
	}

	private String label(Caller caller, String field) {
		return texts.get(caller, FieldLabels.key(field));
	}

	@Override
	public Reply submit(FormRequest<Apply> request) {
		var caller = request.caller();
		var errors = new LinkedHashMap<String, String>();
		var revenue = new BigDecimal(request.value("expectedRevenue").replace(",", ""));
		if (revenue.signum() < 0) {
			errors.put("expectedRevenue", texts.get(caller, "engagement.form.revenue-negative"));
		}
		var manager = request.value("managerId");
		if (!manager.isEmpty() && directory.person(manager).isEmpty()) {
			errors.put("managerId", texts.get(caller, "engagement.form.manager-unknown"));
		}
		if (!errors.isEmpty()) {
			return Reply.errors(errors);
		}
		var values = new HashMap<String, String>();
		ApplicationDetails.FIELDS.forEach(field -> values.put(field, request.value(field)));
		var details = ApplicationDetails.fromMap(values);
		if (request.args().revising().isEmpty()) {
			var home = new Home(request.channel().door(), request.channel().id(), request.channel().direct());
			var application = engagements.apply(caller.personId(), details, home);
			var approvers = engagements.approvalOf(application).orElseThrow().current().approvers().stream()
				.map(directory::name).toList();
			return Reply.say(confirmation(caller, application.id(), texts.get(caller, "engagement.applied",
					details.title(), application.id(), String.join(", ", approvers))));
		}
		var application = engagements.revise(request.args().revising().get(), caller.personId(), details);
		var approvers = engagements.approvalOf(application).orElseThrow().current().approvers().stream()
			.map(directory::name).toList();
		return Reply.say(confirmation(caller, application.id(), texts.get(caller, "engagement.resubmitted",
				details.title(), String.join(", ", approvers))));
	}

	/** The applicant's confirmation, with the buttons other modules offer on an application in review. */
	private Message confirmation(Caller caller, long applicationId, String text) {
		return Message.builder(text)
			.text(text)
			.actions(followUps.stream().flatMap(followUp -> followUp.buttons(caller, applicationId).stream()).toList())
			.build();
	}

}
