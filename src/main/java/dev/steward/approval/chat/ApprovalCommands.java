package dev.steward.approval.chat;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.approval.ApprovalManagement;
import dev.steward.approval.ApprovalRequest;
import dev.steward.approval.DecisionRefused;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.ChatCommands;
import dev.steward.conversation.CommandRequest;
import dev.steward.conversation.CommandSpec;
import dev.steward.conversation.CommandSpec.Option;
import dev.steward.conversation.Message;
import dev.steward.conversation.Refusal;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.directory.DirectoryManagement;

/** {@code /approvals}: what waits for your decision, your own requests, withdrawing one. */
@Component
class ApprovalCommands implements ChatCommands {

	/** Most cards one reply shows; the rest are counted. */
	static final int MAX_CARDS = 10;

	private final ApprovalManagement approvals;

	private final ApprovalCards cards;

	private final DirectoryManagement directory;

	private final Texts texts;

	private final ApprovalLines lines;

	ApprovalCommands(ApprovalManagement approvals, ApprovalCards cards, DirectoryManagement directory, Texts texts,
			ApprovalLines lines) {
		this.lines = lines;
		this.approvals = approvals;
		this.cards = cards;
		this.directory = directory;
		this.texts = texts;
	}

	@Override
	public List<CommandSpec> commands() {
		return List.of(new CommandSpec("approvals", "", "approvals.pending.description", this::pending)
					.allow(Who.ANYONE),
				new CommandSpec("approvals", "pending", "approvals.pending.description", this::pending)
					.allow(Who.ANYONE),
				new CommandSpec("approvals", "mine", "approvals.mine.description", this::mine)
					.allow(Who.ANYONE),
				new CommandSpec("approvals", "all", "approvals.all.description", this::all)
					.allow(Who.ADMIN),
				new CommandSpec("approvals", "withdraw",
						List.of(Option.required("id", Option.Type.INTEGER, "approvals.option.id"),
								Option.optional("reason", Option.Type.TEXT, "approvals.option.reason")),
						"approvals.withdraw.description", this::withdraw)
					.allow(Who.ADDRESSEE, Who.ADMIN),
				new CommandSpec("approvals", "delegate",
						List.of(Option.required("person", Option.Type.PERSON, "project.option.person"),
								Option.required("from", Option.Type.TEXT, "approvals.option.from"),
								Option.required("to", Option.Type.TEXT, "approvals.option.to")),
						"approvals.delegate.description", this::delegate)
					.allow(Who.ANYONE));
	}

	private Reply pending(CommandRequest request) {
		return list(request, approvals.waitingFor(request.caller().personId()), "approvals.pending.none",
				"approvals.pending.title");
	}

	private Reply all(CommandRequest request) {
		var caller = request.caller();
		if (!caller.isAdmin()) {
			throw new Refusal(texts.get(caller, "approvals.all.admins-only"));
		}
		return list(request, approvals.inReview(), "approvals.all.none", "approvals.all.title");
	}

	private Reply list(CommandRequest request, List<ApprovalRequest> waiting, String noneKey, String titleKey) {
		var caller = request.caller();
		if (waiting.isEmpty()) {
			return Reply.say(texts.get(caller, noneKey));
		}
		var title = texts.get(caller, titleKey, waiting.size());
		var builder = Message.builder(title).header(title);
		for (var item : waiting.subList(0, Math.min(MAX_CARDS, waiting.size()))) {
			var card = cards.card(item, caller, item.currentStep(), true, null);
			builder.divider();
			card.blocks().stream().skip(1).forEach(builder::block);
		}
		if (waiting.size() > MAX_CARDS) {
			builder.context(texts.get(caller, "approvals.more", waiting.size() - MAX_CARDS));
		}
		return Reply.say(builder.build());
	}

	private Reply mine(CommandRequest request) {
		var caller = request.caller();
		var mine = approvals.requestedBy(caller.personId());
		if (mine.isEmpty()) {
			return Reply.say(texts.get(caller, "approvals.mine.none"));
		}
		var lines = new StringBuilder();
		mine.stream().limit(20).forEach(item -> lines.append(this.lines.status(item, caller)).append('\n'));
		return Reply.say(Message.builder(texts.get(caller, "approvals.mine.title"))
			.header(texts.get(caller, "approvals.mine.title"))
			.text(lines.toString().strip())
			.build());
	}

	private Reply withdraw(CommandRequest request) {
		var caller = request.caller();
		long id;
		try {
			id = Long.parseLong(request.arg(0).replace("#", ""));
		}
		catch (NumberFormatException ex) {
			return Reply.say(texts.get(caller, "approvals.withdraw.usage"));
		}
		var reason = String.join(" ", request.args().subList(1, request.args().size()));
		try {
			var withdrawn = approvals.withdraw(id, caller.personId(), reason.isBlank() ? null : reason);
			return Reply.say(texts.get(caller, "approvals.withdraw.done", withdrawn.title()));
		}
		catch (DecisionRefused refused) {
			var found = approvals.find(id).orElse(null);
			throw new Refusal(found == null ? texts.get(caller, "approval.refused.not-found")
					: cards.refusal(caller, refused, found));
		}
	}

	private Reply delegate(CommandRequest request) {
		var caller = request.caller();
		if (request.args().isEmpty()) {
			var mine = approvals.delegationsOf(caller.personId());
			var text = new StringBuilder(texts.get(caller, "approvals.delegate.usage"));
			mine.forEach(delegation -> text.append("\n• ").append(texts.get(caller, "approvals.delegate.line",
					directory.name(delegation.delegateId()), delegation.startsOn(), delegation.endsOn())));
			return Reply.say(text.toString());
		}
		var delegate = request.arg(0);
		if (directory.person(delegate).isEmpty()) {
			throw new Refusal(texts.get(caller, "project.team.unknown-person", delegate));
		}
		java.time.LocalDate from;
		java.time.LocalDate to;
		try {
			from = java.time.LocalDate.parse(request.arg(1));
			to = java.time.LocalDate.parse(request.arg(2));
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new Refusal(texts.get(caller, "approvals.delegate.usage"));
		}
		if (to.isBefore(from) || delegate.equals(caller.personId())) {
			throw new Refusal(texts.get(caller, "approvals.delegate.invalid"));
		}
		approvals.delegate(caller.personId(), delegate, from, to);
		return Reply.say(texts.get(caller, "approvals.delegate.done", directory.name(delegate), from, to));
	}

}
