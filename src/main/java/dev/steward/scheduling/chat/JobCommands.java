package dev.steward.scheduling.chat;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.ActionHandler;
import dev.steward.conversation.Button;
import dev.steward.conversation.Caller;
import dev.steward.conversation.ChatCommands;
import dev.steward.conversation.CommandRequest;
import dev.steward.conversation.CommandSpec;
import dev.steward.conversation.Interaction;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Message;
import dev.steward.conversation.Refusal;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.scheduling.Scheduling;

/**
 * {@code /steward jobs} (admins): every scheduled job with a "Run now" button, so a whole weekly
 * cycle can be tried in minutes (time travel). Running a job now leaves its schedule as it was.
 */
@Component
class JobCommands implements ChatCommands, ActionHandler<JobCommands.RunNow> {

	/** "Run now" on one job. */
	@Interaction("job-run")
	record RunNow(String group, String name) {
	}

	/** Most jobs one reply lists. */
	static final int SHOWN = 20;

	private final Scheduling scheduling;

	private final Texts texts;

	JobCommands(Scheduling scheduling, Texts texts) {
		this.scheduling = scheduling;
		this.texts = texts;
	}

	@Override
	public Access access() {
		return Access.of(Who.ADMIN);
	}

	@Override
	public List<CommandSpec> commands() {
		return List.of(new CommandSpec("steward", "jobs",
				List.of(CommandSpec.Option.optional("filter", CommandSpec.Option.Type.TEXT, "steward.jobs.option.filter")),
				"steward.jobs.description", this::jobs)
					.allow(Who.ADMIN));
	}

	private void requireAdmin(Caller caller) {
		if (!caller.isAdmin()) {
			throw new Refusal(texts.get(caller, "steward.jobs.admins-only"));
		}
	}

	private Reply jobs(CommandRequest request) {
		var caller = request.caller();
		requireAdmin(caller);
		var filter = request.argText().strip().toLowerCase(java.util.Locale.ROOT);
		var jobs = scheduling.jobs()
			.stream()
			.filter(job -> filter.isEmpty() || (job.group() + " · " + job.name()).toLowerCase(java.util.Locale.ROOT)
				.contains(filter))
			.toList();
		var title = texts.get(caller, "steward.jobs.title", jobs.size());
		var builder = Message.builder(title).header(title);
		if (jobs.isEmpty()) {
			builder.text(texts.get(caller, "steward.jobs.none"));
		}
		for (var job : jobs.subList(0, Math.min(SHOWN, jobs.size()))) {
			builder.text("`" + job.group() + " · " + job.name() + "` " + texts.get(caller, "steward.jobs.next",
					texts.when(caller, job.nextFire())));
			builder.actions(List.of(Button.of(texts.get(caller, "steward.jobs.run"),
					InteractionId.of(new RunNow(job.group(), job.name())))));
		}
		if (jobs.size() > SHOWN) {
			builder.context(texts.get(caller, "steward.jobs.more", jobs.size() - SHOWN));
		}
		return Reply.say(builder.build());
	}

	@Override
	public Reply handle(ActionRequest<RunNow> request) {
		var caller = request.caller();
		requireAdmin(caller);
		var group = request.args().group();
		var name = request.args().name();
		if (scheduling.nextFire(group, name).isEmpty()) {
			return Reply.say(texts.get(caller, "steward.jobs.gone", name));
		}
		scheduling.runNow(group, name);
		return Reply.say(texts.get(caller, "steward.jobs.started", name));
	}

}
