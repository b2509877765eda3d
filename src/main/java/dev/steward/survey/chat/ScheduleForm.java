package dev.steward.survey.chat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.Caller;
import dev.steward.conversation.FormHandler;
import dev.steward.conversation.FormSpec;
import dev.steward.conversation.Input;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.survey.QualityPolicy.Cadence;
import dev.steward.survey.SurveyManagement;
import dev.steward.survey.SurveySchedule;
import dev.steward.survey.chat.SurveyInteractions.Schedule;

/** How often a project's client is surveyed: a cadence, or none. */
@Component
class ScheduleForm implements FormHandler<Schedule> {

	static final String CADENCE = "cadence";

	static final String OFF = "off";

	private final SurveyManagement surveys;

	private final Texts texts;

	ScheduleForm(SurveyManagement surveys, Texts texts) {
		this.surveys = surveys;
		this.texts = texts;
	}

	@Override
	public Access access() {
		return Access.of(Who.PROJECT_MANAGER, Who.MANAGEMENT, Who.ADMIN);
	}

	@Override
	public FormSpec spec(Caller caller, Schedule args) {
		var choices = List.of(choice(caller, Cadence.WEEKLY), choice(caller, Cadence.FORTNIGHTLY),
				choice(caller, Cadence.MONTHLY), choice(caller, Cadence.QUARTERLY),
				new Input.Choice(OFF, texts.get(caller, "survey.cadence.off")));
		return FormSpec.single(texts.get(caller, "survey.schedule.title", args.code()),
				texts.get(caller, "survey.schedule.submit"),
				List.of(Input.choice(CADENCE, texts.get(caller, "survey.schedule.cadence"), true, choices)));
	}

	private Input.Choice choice(Caller caller, Cadence cadence) {
		return new Input.Choice(cadence.id(), cadence(caller, Optional.of(cadence)));
	}

	/** A cadence in the reader's words. */
	String cadence(Caller caller, Optional<Cadence> cadence) {
		if (cadence.isEmpty()) {
			return texts.get(caller, "survey.cadence.off");
		}
		return switch (cadence.get()) {
			case WEEKLY -> texts.get(caller, "survey.cadence.weekly");
			case FORTNIGHTLY -> texts.get(caller, "survey.cadence.fortnightly");
			case MONTHLY -> texts.get(caller, "survey.cadence.monthly");
			case QUARTERLY -> texts.get(caller, "survey.cadence.quarterly");
		};
	}

	/** What the form opens with: the project's schedule as it is. */
	Map<String, String> initial(SurveySchedule schedule) {
		return Map.of(CADENCE, schedule.cadence().map(Cadence::id).orElse(OFF));
	}

	@Override
	public Reply submit(FormRequest<Schedule> request) {
		var caller = request.caller();
		var value = request.value(CADENCE);
		Optional<Cadence> cadence;
		try {
			cadence = OFF.equals(value) ? Optional.empty() : Optional.of(Cadence.parse(value));
		}
		catch (IllegalArgumentException ex) {
			return Reply.errors(Map.of(CADENCE, texts.get(caller, "survey.schedule.pick")));
		}
		var schedule = surveys.changeSchedule(request.args().code(), caller.personId(), cadence);
		return Reply.say(said(caller, request.args().code(), schedule));
	}

	/** A schedule in a sentence: how often, and the next survey. */
	String said(Caller caller, String code, SurveySchedule schedule) {
		return schedule.nextAt().isPresent()
				? texts.get(caller, "survey.schedule.set", code, cadence(caller, schedule.cadence()),
						texts.when(caller, schedule.nextAt().get()))
				: texts.get(caller, "survey.schedule.off", code);
	}

}
