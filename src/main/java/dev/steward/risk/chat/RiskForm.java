package dev.steward.risk.chat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.Caller;
import dev.steward.conversation.FormHandler;
import dev.steward.conversation.FormSpec;
import dev.steward.conversation.Input;
import dev.steward.conversation.Input.Choice;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.risk.Assessment;
import dev.steward.risk.Risk;
import dev.steward.risk.RiskLevel;
import dev.steward.risk.RiskManagement;
import dev.steward.risk.RiskManagement.Target;
import dev.steward.risk.Strategy;
import dev.steward.risk.chat.RiskInteractions.Register;

/**
 * The risk form (风险识别与评估, §6.1–6.2): what the risk is and who owns it on the first page; its
 * likelihood, impact, strategy, actions and first review on the second. Registers a risk
 * ({@link Register}); {@link AssessForm} reuses it, filled in, to assess one again.
 */
@Component
class RiskForm implements FormHandler<Register> {

	static final String CATEGORY = "category";

	static final String TITLE = "title";

	static final String DESCRIPTION = "description";

	static final String CAUSE = "cause";

	static final String OWNER = "owner";

	static final String LIKELIHOOD = "likelihood";

	static final String IMPACT = "impact";

	static final String STRATEGY = "strategy";

	static final String ACTIONS = "actions";

	static final String NEXT_REVIEW = "next-review";

	private final RiskManagement risks;

	private final RiskViews views;

	private final Texts texts;

	RiskForm(RiskManagement risks, RiskViews views, Texts texts) {
		this.risks = risks;
		this.views = views;
		this.texts = texts;
	}

	/** Where a form's arguments register the risk. */
	static Target target(Register register) {
		if (register.project().isPresent()) {
			return new Target.OfProject(register.project().get());
		}
		if (register.application().isPresent()) {
			return new Target.OfApplication(register.application().get());
		}
		return new Target.FirmWide();
	}

	/** Opens the form after checking the caller may register there (a refusal before the typing). */
	Reply open(Caller caller, Register register) {
		risks.checkMayRegister(caller.personId(), target(register));
		return Reply.openForm(register, Map.of());
	}

	@Override
	public Access access() {
		return Access.of(Who.TEAM, Who.PROJECT_MANAGER, Who.DEPARTMENT_HEAD, Who.MANAGEMENT, Who.ADMIN, Who.ADDRESSEE);
	}

	@Override
	public FormSpec spec(Caller caller, Register args) {
		var where = args.project().orElse(args.application().map(id -> "#" + id)
			.orElse(texts.get(caller, "risk.where.firm")));
		return pages(caller, texts.get(caller, "risk.form.title", where), texts.get(caller, "risk.form.submit"), true);
	}

	/** The two pages; the owner and the first review date only when registering. */
	FormSpec pages(Caller caller, String title, String submit, boolean registering) {
		var categories = risks.policy()
			.categories()
			.stream()
			.map(id -> new Choice(id, views.category(caller, id)))
			.toList();
		var scale = List.of(1, 2, 3, 4, 5)
			.stream()
			.map(n -> new Choice(String.valueOf(n), scaleLabel(caller, n)))
			.toList();
		var impacts = List.of(1, 2, 3, 4, 5)
			.stream()
			.map(n -> new Choice(String.valueOf(n), impactLabel(caller, n)))
			.toList();
		var strategies = List.of(Strategy.values())
			.stream()
			.map(s -> new Choice(s.id(), views.strategy(caller, s)))
			.toList();
		var first = new java.util.ArrayList<Input>(List.of(
				Input.choice(CATEGORY, texts.get(caller, "risk.form.category"), true, categories),
				Input.shortText(TITLE, texts.get(caller, "risk.form.risk-title"), true, 200),
				Input.longText(DESCRIPTION, texts.get(caller, "risk.form.description"), true, 3000),
				Input.longText(CAUSE, texts.get(caller, "risk.form.cause"), false, 3000)));
		if (registering) {
			first.add(Input.person(OWNER, texts.get(caller, "risk.form.owner"), false)
				.withHint(texts.get(caller, "risk.form.owner-hint")));
		}
		var second = new java.util.ArrayList<Input>(List.of(
				Input.choice(LIKELIHOOD, texts.get(caller, "risk.form.likelihood"), true, scale),
				Input.choice(IMPACT, texts.get(caller, "risk.form.impact"), true, impacts),
				Input.choice(STRATEGY, texts.get(caller, "risk.form.strategy"), true, strategies)
					.withHint(suggestions(caller)),
				Input.longText(ACTIONS, texts.get(caller, "risk.form.actions"), false, 3000)
					.withHint(texts.get(caller, "risk.form.actions-hint"))));
		if (registering) {
			second.add(Input.date(NEXT_REVIEW, texts.get(caller, "risk.form.next-review"), false));
		}
		return new FormSpec(title, submit,
				List.of(new FormSpec.Page(texts.get(caller, "risk.form.page.identify"), first),
						new FormSpec.Page(texts.get(caller, "risk.form.page.assess"), second)));
	}

	/** The policy's strategy for each level (§6.2): high → avoid or reduce, … */
	String suggestions(Caller caller) {
		var policy = risks.policy();
		return texts.get(caller, "risk.form.suggested", views.strategies(caller, policy.suggested(RiskLevel.HIGH)),
				views.strategies(caller, policy.suggested(RiskLevel.MEDIUM)),
				views.strategies(caller, policy.suggested(RiskLevel.LOW)));
	}

	private String scaleLabel(Caller caller, int n) {
		return switch (n) {
			case 1 -> texts.get(caller, "risk.likelihood.1");
			case 2 -> texts.get(caller, "risk.likelihood.2");
			case 3 -> texts.get(caller, "risk.likelihood.3");
			case 4 -> texts.get(caller, "risk.likelihood.4");
			default -> texts.get(caller, "risk.likelihood.5");
		};
	}

	private String impactLabel(Caller caller, int n) {
		return switch (n) {
			case 1 -> texts.get(caller, "risk.impact.1");
			case 2 -> texts.get(caller, "risk.impact.2");
			case 3 -> texts.get(caller, "risk.impact.3");
			case 4 -> texts.get(caller, "risk.impact.4");
			default -> texts.get(caller, "risk.impact.5");
		};
	}

	/** What is typed, read; wrong values answered beside their inputs. */
	record Read(Risk.Details details, String owner, LocalDate nextReview, Map<String, String> errors) {
	}

	Read read(Caller caller, FormRequest<?> request) {
		var errors = new HashMap<String, String>();
		int likelihood = scale(request.value(LIKELIHOOD));
		int impact = scale(request.value(IMPACT));
		if (likelihood == 0) {
			errors.put(LIKELIHOOD, texts.get(caller, "risk.form.error.scale"));
		}
		if (impact == 0) {
			errors.put(IMPACT, texts.get(caller, "risk.form.error.scale"));
		}
		var category = request.value(CATEGORY).toLowerCase(Locale.ROOT);
		if (!risks.policy().hasCategory(category)) {
			errors.put(CATEGORY, texts.get(caller, "risk.form.error.category"));
		}
		Strategy strategy = null;
		for (var candidate : Strategy.values()) {
			if (candidate.id().equalsIgnoreCase(request.value(STRATEGY))) {
				strategy = candidate;
			}
		}
		if (strategy == null) {
			errors.put(STRATEGY, texts.get(caller, "risk.form.error.strategy"));
		}
		if (strategy == Strategy.ACCEPT && request.value(ACTIONS).isEmpty()) {
			errors.put(ACTIONS, texts.get(caller, "risk.form.error.monitoring"));
		}
		LocalDate next = null;
		if (!request.value(NEXT_REVIEW).isEmpty()) {
			next = LocalDate.parse(request.value(NEXT_REVIEW));
			if (next.isBefore(LocalDate.now(caller.zone()))) {
				errors.put(NEXT_REVIEW, texts.get(caller, "risk.form.error.past"));
			}
		}
		if (!errors.isEmpty()) {
			return new Read(null, null, null, errors);
		}
		var details = new Risk.Details(category, request.value(TITLE), request.value(DESCRIPTION),
				blankToNull(request.value(CAUSE)), new Assessment(likelihood, impact), strategy,
				blankToNull(request.value(ACTIONS)));
		return new Read(details, blankToNull(request.value(OWNER)), next, Map.of());
	}

	private static int scale(String value) {
		return value.matches("[1-5]") ? Integer.parseInt(value) : 0;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	@Override
	public Reply submit(FormRequest<Register> request) {
		var caller = request.caller();
		var read = read(caller, request);
		if (!read.errors().isEmpty()) {
			return Reply.errors(read.errors());
		}
		var risk = risks.register(caller.personId(), target(request.args()), read.details(), read.owner(),
				read.nextReview());
		return Reply.say(registered(caller, risk));
	}

	/** The confirmation: the level, what the policy suggests for it, the owner and the first review. */
	String registered(Caller caller, Risk risk) {
		var suggested = risks.policy().suggested(risk.level());
		var text = texts.get(caller, "risk.registered", risk.id(), risk.title(), views.badge(caller, risk.level()),
				RiskViews.score(risk), views.names(List.of(risk.ownerId())), views.date(caller, risk.nextReview()));
		if (!suggested.isEmpty() && !suggested.contains(risk.strategy())) {
			text += "\n" + texts.get(caller, "risk.suggestion", views.strategies(caller, suggested),
					views.level(caller, risk.level()));
		}
		return text;
	}

	/** What a risk says now, to fill the form in with. */
	static Map<String, String> filled(Risk risk) {
		var values = new HashMap<String, String>();
		values.put(CATEGORY, risk.category());
		values.put(TITLE, risk.title());
		values.put(DESCRIPTION, risk.description() == null ? "" : risk.description());
		values.put(CAUSE, risk.cause() == null ? "" : risk.cause());
		values.put(LIKELIHOOD, String.valueOf(risk.likelihood()));
		values.put(IMPACT, String.valueOf(risk.impact()));
		values.put(STRATEGY, risk.strategy().id());
		values.put(ACTIONS, risk.actions() == null ? "" : risk.actions());
		return values;
	}

}
