package dev.steward.client.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.steward.client.FeedbackManagement;
import dev.steward.client.FeedbackManagement.Filter;
import dev.steward.client.chat.FeedbackInteractions.ListPage;
import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.ActionHandler;
import dev.steward.conversation.Button;
import dev.steward.conversation.Caller;
import dev.steward.conversation.ChatCommands;
import dev.steward.conversation.CommandRequest;
import dev.steward.conversation.CommandSpec;
import dev.steward.conversation.CommandSpec.Option;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Message;
import dev.steward.conversation.Refusal;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;

/**
 * {@code /feedback add|list|show}: client feedback (客户反馈, §3.2.3, §5.2.3). {@code add} is open to
 * client contacts whose chat account is on their client's profile; the rest is for the firm's
 * people who may see the project.
 */
@Component
class FeedbackCommands implements ChatCommands, ActionHandler<ListPage> {

	/** Items on one page of {@code /feedback list}. */
	static final int PAGE = 10;

	private final FeedbackManagement feedback;

	private final FeedbackForm form;

	private final FeedbackViews views;

	private final Texts texts;

	FeedbackCommands(FeedbackManagement feedback, FeedbackForm form, FeedbackViews views, Texts texts) {
		this.feedback = feedback;
		this.form = form;
		this.views = views;
		this.texts = texts;
	}

	@Override
	public Access access() {
		return Access.of(Who.ANYONE);
	}

	@Override
	public List<CommandSpec> commands() {
		return List.of(
				new CommandSpec("feedback", "add",
						List.of(Option.optional("project", Option.Type.TEXT, "feedback.option.project")),
						"feedback.add.description", request -> form.open(request.caller(), request.arg(0)))
					.allow(Who.TEAM, Who.PROJECT_MANAGER, Who.DEPARTMENT_HEAD, Who.MANAGEMENT, Who.ADMIN,
							Who.CLIENT_CONTACT)
					.openToGuests(),
				new CommandSpec("feedback", "list",
						List.of(Option.optional("filter", Option.Type.TEXT, "feedback.option.filter")),
						"feedback.list.description", this::list)
					.allow(Who.ANYONE),
				new CommandSpec("feedback", "show", List.of(Option.required("id", Option.Type.INTEGER, "feedback.option.id")),
						"feedback.show.description", this::show)
					.allow(Who.TEAM, Who.PROJECT_MANAGER, Who.DEPARTMENT_HEAD, Who.MANAGEMENT, Who.ADMIN));
	}

	private Reply show(CommandRequest request) {
		var caller = request.caller();
		var digits = request.arg(0).strip().replaceFirst("^#", "");
		if (!digits.matches("\\d{1,18}")) {
			throw new Refusal(texts.get(caller, "feedback.show.usage"));
		}
		return Reply.say(views.details(caller, feedback.visible(Long.parseLong(digits), caller.personId())));
	}

	/** {@code /feedback list [CODE] [open|closed] [mine]}, newest first, a page at a time. */
	private Reply list(CommandRequest request) {
		var page = new ListPage("all", "any", false, 0);
		for (var word : request.argText().strip().split("\\s+")) {
			var lower = word.toLowerCase(Locale.ROOT);
			if (lower.isEmpty()) {
				continue;
			}
			switch (lower) {
				case "open", "未关闭" -> page = new ListPage(page.scope(), "open", page.mine(), 0);
				case "closed", "已关闭" -> page = new ListPage(page.scope(), "closed", page.mine(), 0);
				case "mine", "我的" -> page = new ListPage(page.scope(), page.status(), true, 0);
				case "all", "any" -> {
				}
				default -> {
					if (!word.matches("[A-Za-z0-9._-]{1,40}")) {
						throw new Refusal(texts.get(request.caller(), "feedback.list.usage"));
					}
					page = new ListPage(word.toUpperCase(Locale.ROOT), page.status(), page.mine(), 0);
				}
			}
		}
		return Reply.say(page(request.caller(), page));
	}

	@Override
	public Reply handle(ActionRequest<ListPage> request) {
		return Reply.say(page(request.caller(), request.args()));
	}

	private Message page(Caller caller, ListPage page) {
		Boolean open = switch (page.status()) {
			case "open" -> Boolean.TRUE;
			case "closed" -> Boolean.FALSE;
			default -> null;
		};
		var found = feedback.list(caller.personId(),
				new Filter("all".equals(page.scope()) ? null : page.scope(), open, page.mine()));
		if (found.isEmpty()) {
			return Message.text(texts.get(caller, "feedback.list.none"));
		}
		var title = texts.get(caller, "feedback.list.title", found.size());
		int pages = (found.size() + PAGE - 1) / PAGE;
		int shown = Math.min(Math.max(page.page(), 0), pages - 1);
		var builder = Message.builder(title).header(title);
		found.subList(shown * PAGE, Math.min(found.size(), (shown + 1) * PAGE))
			.forEach(item -> builder.text(views.line(caller, item)));
		builder.context(texts.get(caller, "feedback.list.page", shown + 1, pages));
		var buttons = new ArrayList<Button>();
		if (shown > 0) {
			buttons.add(Button.of(texts.get(caller, "feedback.list.previous"),
					InteractionId.of(new ListPage(page.scope(), page.status(), page.mine(), shown - 1))));
		}
		if (shown + 1 < pages) {
			buttons.add(Button.of(texts.get(caller, "feedback.list.next"),
					InteractionId.of(new ListPage(page.scope(), page.status(), page.mine(), shown + 1))));
		}
		builder.actions(buttons);
		return builder.build();
	}

}
