package dev.steward.client.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.steward.client.ClientProjects.ClientProject;
import dev.steward.client.Feedback;
import dev.steward.client.Feedback.Severity;
import dev.steward.client.FeedbackManagement;
import dev.steward.client.FeedbackRefused;
import dev.steward.client.chat.FeedbackInteractions.Record;
import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.Caller;
import dev.steward.conversation.FormHandler;
import dev.steward.conversation.FormSpec;
import dev.steward.conversation.Input;
import dev.steward.conversation.Input.Choice;
import dev.steward.conversation.Refusal;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;

/**
 * The feedback form (客户反馈记录): which project (when not named), the category, the severity and
 * what the client said. Open to client contacts: a contact picks only their client's projects and
 * is recorded as themselves ("Joanna (Initech)").
 */
@Component
class FeedbackForm implements FormHandler<Record> {

	static final String PROJECT = "project";

	static final String CATEGORY = "category";

	static final String SEVERITY = "severity";

	static final String SUMMARY = "summary";

	private final FeedbackManagement feedback;

	private final FeedbackViews views;

	private final Texts texts;

	FeedbackForm(FeedbackManagement feedback, FeedbackViews views, Texts texts) {
		this.feedback = feedback;
		this.views = views;
		this.texts = texts;
	}


	/**
	 * Opens the form after checking the caller may record there: on the project named, on their one
	 * project, or asking which of theirs.
	 */
	Reply open(Caller caller, String code) {
		if (!code.isBlank()) {
			var project = caller.guest() ? feedback.checkContactMayRecord(door(caller), user(caller), code)
					: feedback.checkMayRecord(caller.personId(), code);
			return Reply.openForm(new Record(Optional.of(project.code())), Map.of());
		}
		var mine = projects(caller);
		if (mine.isEmpty()) {
			throw new Refusal(texts.get(caller, caller.guest() ? "feedback.add.no-projects-contact" : "feedback.add.usage"));
		}
		if (mine.size() == 1) {
			return Reply.openForm(new Record(Optional.of(mine.get(0).code())), Map.of());
		}
		return Reply.openForm(new Record(Optional.empty()), Map.of());
	}

	/** The projects the caller records on without naming one: a contact's client's, or the person's teams'. */
	private List<ClientProject> projects(Caller caller) {
		return caller.guest() ? feedback.contactProjects(door(caller), user(caller))
				: feedback.teamProjects(caller.personId());
	}

	@Override
	public Access access() {
		return Access.of(Who.ANYONE).withGuests();
	}

	@Override
	public FormSpec spec(Caller caller, Record args) {
		var inputs = new ArrayList<Input>();
		if (args.project().isEmpty()) {
			var choices = projects(caller).stream()
				.map(project -> new Choice(project.code(), project.code() + " · " + project.title()))
				.toList();
			inputs.add(Input.choice(PROJECT, texts.get(caller, "feedback.form.project"), true, choices));
		}
		var settings = feedback.settings();
		inputs.add(Input.choice(CATEGORY, texts.get(caller, "feedback.form.category"), true,
				settings.categories().stream().map(id -> new Choice(id, views.category(caller, id))).toList()));
		var severities = new ArrayList<Choice>();
		for (var severity : Severity.values()) {
			severities.add(new Choice(severity.key(), texts.get(caller, "feedback.form.severity-choice",
					views.severity(caller, severity), settings.days(severity))));
		}
		inputs.add(Input.choice(SEVERITY, texts.get(caller, "feedback.form.severity"), true, severities));
		inputs.add(Input.longText(SUMMARY, texts.get(caller, "feedback.form.summary"), true, Feedback.TEXT)
			.withHint(texts.get(caller, "feedback.form.summary-hint")));
		var where = args.project().orElse(texts.get(caller, "feedback.form.any-project"));
		return FormSpec.single(texts.get(caller, "feedback.form.title", where), texts.get(caller, "feedback.form.submit"),
				inputs);
	}

	@Override
	public Reply submit(FormRequest<Record> request) {
		var caller = request.caller();
		var code = request.args().project().orElse(request.value(PROJECT));
		var errors = new HashMap<String, String>();
		Severity severity = null;
		for (var candidate : Severity.values()) {
			if (candidate.key().equalsIgnoreCase(request.value(SEVERITY))) {
				severity = candidate;
			}
		}
		if (severity == null) {
			errors.put(SEVERITY, texts.get(caller, "feedback.form.error.severity"));
		}
		if (!feedback.settings().hasCategory(request.value(CATEGORY))) {
			errors.put(CATEGORY, texts.get(caller, "feedback.form.error.category"));
		}
		if (request.value(SUMMARY).isEmpty() || request.value(SUMMARY).length() > Feedback.TEXT) {
			errors.put(SUMMARY, texts.get(caller, "feedback.form.error.summary", Feedback.TEXT));
		}
		if (!errors.isEmpty()) {
			return Reply.errors(errors);
		}
		var details = new Feedback.Details(request.value(CATEGORY), severity, request.value(SUMMARY));
		Feedback item;
		try {
			item = caller.guest()
					? feedback.recordAsContact(door(caller), user(caller), caller.personId(), code, details)
					: feedback.record(caller.personId(), code, details);
		}
		catch (FeedbackRefused refused) {
			if (refused.reason() == FeedbackRefused.Reason.UNKNOWN_CATEGORY) {
				return Reply.errors(Map.of(CATEGORY, texts.get(caller, "feedback.form.error.category")));
			}
			throw refused;
		}
		if (caller.guest()) {
			return Reply.say(texts.get(caller, "feedback.recorded.contact", item.contactName(), item.id(),
					item.projectCode()));
		}
		var manager = feedback.projectOf(item).map(project -> project.managerId()).orElse(null);
		return Reply.say(texts.get(caller, "feedback.recorded", item.id(), item.projectCode(),
				views.severity(caller, item.severity()), views.when(caller, item.dueAt()),
				manager == null ? "—" : views.name(manager)));
	}

	private static String door(Caller caller) {
		return caller.platformUser().map(actor -> actor.door()).orElse(null);
	}

	private static String user(Caller caller) {
		return caller.platformUser().map(actor -> actor.userId()).orElse(null);
	}

}
