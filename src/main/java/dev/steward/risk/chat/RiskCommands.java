package dev.steward.risk.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.ActionHandler;
import dev.steward.conversation.Button;
import dev.steward.conversation.ChatCommands;
import dev.steward.conversation.CommandRequest;
import dev.steward.conversation.CommandSpec;
import dev.steward.conversation.CommandSpec.Option;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Message;
import dev.steward.conversation.Refusal;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.risk.Risk;
import dev.steward.risk.RiskLevel;
import dev.steward.risk.RiskManagement;
import dev.steward.risk.RiskManagement.Filter;
import dev.steward.risk.RiskManagement.Target;
import dev.steward.risk.chat.RiskInteractions.ListPage;
import dev.steward.risk.chat.RiskInteractions.Register;

/**
 * {@code /risk add|list|show|owner}: register a risk, read the register, hand a risk over.
 * ({@code /risk matrix} and {@code export} are {@link RiskReports}'.)
 */
@Component
class RiskCommands implements ChatCommands, ActionHandler<ListPage> {

	/** Risks on one page of {@code /risk list}. */
	static final int PAGE = 10;

	private final RiskManagement risks;

	private final RiskForm form;

	private final RiskViews views;

	private final Texts texts;

	RiskCommands(RiskManagement risks, RiskForm form, RiskViews views, Texts texts) {
		this.risks = risks;
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
				new CommandSpec("risk", "add", List.of(Option.optional("where", Option.Type.TEXT, "risk.option.where")),
						"risk.add.description", this::add)
					.allow(Who.TEAM, Who.PROJECT_MANAGER, Who.DEPARTMENT_HEAD, Who.MANAGEMENT, Who.ADMIN),
				new CommandSpec("risk", "list", List.of(Option.optional("filter", Option.Type.TEXT, "risk.option.filter")),
						"risk.list.description", this::list)
					.allow(Who.ANYONE),
				new CommandSpec("risk", "show", List.of(Option.required("id", Option.Type.INTEGER, "risk.option.id")),
						"risk.show.description", this::show)
					.allow(Who.TEAM, Who.PROJECT_MANAGER, Who.DEPARTMENT_HEAD, Who.MANAGEMENT, Who.ADMIN),
				new CommandSpec("risk", "owner",
						List.of(Option.required("id", Option.Type.INTEGER, "risk.option.id"),
								Option.required("person", Option.Type.PERSON, "risk.option.owner")),
						"risk.owner.description", this::owner)
					.allow(Who.PROJECT_MANAGER, Who.DEPARTMENT_HEAD, Who.ADMIN));
	}

	private Reply add(CommandRequest request) {
		var target = risks.target(request.arg(0));
		Register register;
		if (target instanceof Target.OfProject project) {
			register = Register.onProject(risks.visibleProject(project.code(), request.caller().personId()).code());
		}
		else if (target instanceof Target.OfApplication application) {
			register = Register.onApplication(application.id());
		}
		else {
			register = Register.firmWide();
		}
		return form.open(request.caller(), register);
	}

	private Reply show(CommandRequest request) {
		var caller = request.caller();
		long id = riskId(request, request.arg(0));
		var risk = risks.visible(id, caller.personId());
		return Reply.say(views.details(caller, risk, risks.mayReview(risk, caller.personId())));
	}

	private Reply owner(CommandRequest request) {
		var caller = request.caller();
		long id = riskId(request, request.arg(0));
		var risk = risks.changeOwner(id, caller.personId(), request.arg(1));
		return Reply.say(texts.get(caller, "risk.owner.changed", risk.id(), risk.title(),
				views.names(List.of(risk.ownerId()))));
	}

	private long riskId(CommandRequest request, String text) {
		var digits = text.strip().replaceFirst("^#", "");
		if (!digits.matches("\\d{1,18}")) {
			throw new Refusal(texts.get(request.caller(), "risk.show.usage"));
		}
		return Long.parseLong(digits);
	}

	/**
	 * {@code /risk list [CODE|#app|firm] [high|medium|low] [mine] [open|closed]}, newest first, a page
	 * at a time.
	 */
	private Reply list(CommandRequest request) {
		var page = new ListPage("all", "any", false, "any", 0);
		for (var word : request.argText().strip().split("\\s+")) {
			var lower = word.toLowerCase(Locale.ROOT);
			if (lower.isEmpty()) {
				continue;
			}
			switch (lower) {
				case "high", "高" -> page = withLevel(page, "high");
				case "medium", "中" -> page = withLevel(page, "medium");
				case "low", "低" -> page = withLevel(page, "low");
				case "mine", "我的" -> page = new ListPage(page.scope(), page.level(), true, page.status(), 0);
				case "open", "未关闭" -> page = new ListPage(page.scope(), page.level(), page.mine(), "open", 0);
				case "closed", "已关闭" -> page = new ListPage(page.scope(), page.level(), page.mine(), "closed", 0);
				case "all", "any" -> {
				}
				default -> page = new ListPage(scopeWord(word), page.level(), page.mine(), page.status(), 0);
			}
		}
		return Reply.say(page(request.caller(), page));
	}

	private static ListPage withLevel(ListPage page, String level) {
		return new ListPage(page.scope(), level, page.mine(), page.status(), 0);
	}

	/** A code, {@code firm} or an application, as a page's scope word. */
	private String scopeWord(String word) {
		var target = risks.target(word);
		if (target instanceof Target.OfApplication application) {
			return "app." + application.id();
		}
		if (target instanceof Target.FirmWide) {
			return "firm";
		}
		return ((Target.OfProject) target).code();
	}

	@Override
	public Reply handle(ActionRequest<ListPage> request) {
		return Reply.say(page(request.caller(), request.args()));
	}

	private Message page(dev.steward.conversation.Caller caller, ListPage page) {
		Target scope = switch (page.scope()) {
			case "all" -> null;
			case "firm" -> new Target.FirmWide();
			default -> page.scope().startsWith("app.") ? new Target.OfApplication(Long.parseLong(page.scope().substring(4)))
					: new Target.OfProject(page.scope());
		};
		RiskLevel level = switch (page.level()) {
			case "high" -> RiskLevel.HIGH;
			case "medium" -> RiskLevel.MEDIUM;
			case "low" -> RiskLevel.LOW;
			default -> null;
		};
		Risk.Status status = switch (page.status()) {
			case "open" -> Risk.Status.OPEN;
			case "closed" -> Risk.Status.CLOSED;
			default -> null;
		};
		var found = risks.list(caller.personId(), new Filter(scope, level, page.mine(), status));
		var title = texts.get(caller, "risk.list.title", found.size());
		if (found.isEmpty()) {
			return Message.text(texts.get(caller, "risk.list.none"));
		}
		int pages = (found.size() + PAGE - 1) / PAGE;
		int shown = Math.min(Math.max(page.page(), 0), pages - 1);
		var builder = Message.builder(title).header(title);
		found.subList(shown * PAGE, Math.min(found.size(), (shown + 1) * PAGE))
			.forEach(risk -> builder.text(views.line(caller, risk)));
		builder.context(texts.get(caller, "risk.list.page", shown + 1, pages));
		var buttons = new ArrayList<Button>();
		if (shown > 0) {
			buttons.add(Button.of(texts.get(caller, "risk.list.previous"), InteractionId.of(
					new ListPage(page.scope(), page.level(), page.mine(), page.status(), shown - 1))));
		}
		if (shown + 1 < pages) {
			buttons.add(Button.of(texts.get(caller, "risk.list.next"), InteractionId.of(
					new ListPage(page.scope(), page.level(), page.mine(), page.status(), shown + 1))));
		}
		builder.actions(buttons);
		return builder.build();
	}

}
