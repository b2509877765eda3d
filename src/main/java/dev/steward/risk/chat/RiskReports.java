package dev.steward.risk.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import dev.steward.conversation.Access.Who;
import dev.steward.conversation.Attachment;
import dev.steward.conversation.Caller;
import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.ChatCommands;
import dev.steward.conversation.CommandRequest;
import dev.steward.conversation.CommandSpec;
import dev.steward.conversation.CommandSpec.Option;
import dev.steward.conversation.Message;
import dev.steward.conversation.Outbox;
import dev.steward.conversation.Refusal;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.directory.DirectoryManagement;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Project;
import dev.steward.risk.Assessment;
import dev.steward.risk.HeatMap;
import dev.steward.risk.Risk;
import dev.steward.risk.RiskLevel;
import dev.steward.risk.RiskManagement;
import dev.steward.risk.RiskManagement.Filter;
import dev.steward.risk.RiskManagement.Target;
import dev.steward.risk.RiskRefused;
import dev.steward.risk.Strategy;

/**
 * {@code /risk matrix [CODE]}: the heat map of a project's open risks (without a code: the whole
 * firm's, for management and admins), posted in the project's home channel when asked for there,
 * else sent to the asker alone; {@code /risk export [CODE]}: the register the asker may see as a CSV
 * file, to them alone. Words in the asker's language.
 */
@Component
class RiskReports implements ChatCommands {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final RiskManagement risks;

	private final EngagementManagement engagements;

	private final DirectoryManagement directory;

	private final Outbox outbox;

	private final Texts texts;

	private final Clock clock;

	RiskReports(RiskManagement risks, EngagementManagement engagements, DirectoryManagement directory, Outbox outbox,
			Texts texts, Clock clock) {
		this.risks = risks;
		this.engagements = engagements;
		this.directory = directory;
		this.outbox = outbox;
		this.texts = texts;
		this.clock = clock;
	}

	@Override
	public List<CommandSpec> commands() {
		return List.of(
				new CommandSpec("risk", "matrix",
						List.of(Option.optional("code", Option.Type.TEXT, "risk.reports.matrix.option.code")),
						"risk.reports.matrix.description", this::matrix)
					.allow(Who.TEAM, Who.PROJECT_MANAGER, Who.DEPARTMENT_HEAD, Who.MANAGEMENT, Who.ADMIN),
				new CommandSpec("risk", "export",
						List.of(Option.optional("code", Option.Type.TEXT, "risk.reports.export.option.code")),
						"risk.reports.export.description", this::export)
					.allow(Who.TEAM, Who.PROJECT_MANAGER, Who.DEPARTMENT_HEAD, Who.MANAGEMENT, Who.ADMIN));
	}

	// --- the heat map ---------------------------------------------------------------------------

	private Reply matrix(CommandRequest request) {
		var caller = request.caller();
		var code = request.arg(0).strip();
		if (code.isEmpty()) {
			if (!risks.maySeeEverything(caller.personId())) {
				throw new Refusal(texts.get(caller, "risk.reports.matrix.firm-only"));
			}
			var firm = texts.get(caller, "risk.reports.matrix.firm");
			var counts = HeatMap.Counts.of(risks.openCounts(null));
			var map = heatMap(caller, firm, "risk-heat-map-firm.png", counts);
			var caption = texts.get(caller, "risk.reports.matrix.caption", firm, counts.total());
			return Reply.say(Message.builder(caption).text(caption).file(map).build());
		}
		var project = visibleProject(caller, code);
		var counts = HeatMap.Counts.of(risks.openCounts(project.id()));
		var map = heatMap(caller, project.code(), "risk-heat-map-" + project.code() + ".png", counts);
		if (atHome(project, request.channel())) {
			var shared = texts.get(caller, "risk.reports.matrix.shared", project.code(), project.title(), caller.name(),
					counts.total());
			var home = project.home();
			outbox.toChannel(ChannelRef.channel(home.door(), home.channel()),
					Message.builder(shared).text(shared).file(map).build(), null);
			return Reply.say(texts.get(caller, "risk.reports.matrix.posted", project.code()));
		}
		var caption = texts.get(caller, "risk.reports.matrix.caption", project.code() + " " + project.title(),
				counts.total());
		return Reply.say(Message.builder(caption).text(caption).file(map).build());
	}

	/** Whether the command was typed in the project's home channel (not a direct conversation). */
	static boolean atHome(Project project, ChannelRef channel) {
		var home = project.home();
		return home != null && channel != null && !home.direct() && !channel.direct()
				&& Objects.equals(home.door(), channel.door()) && Objects.equals(home.channel(), channel.id());
	}

	private Attachment heatMap(Caller caller, String scope, String fileName, HeatMap.Counts counts) {
		var likelihoods = new ArrayList<String>();
		var impacts = new ArrayList<String>();
		for (int n = Assessment.MIN; n <= Assessment.MAX; n++) {
			likelihoods.add(likelihood(caller, n));
			impacts.add(impact(caller, n));
		}
		var levels = new EnumMap<RiskLevel, String>(RiskLevel.class);
		for (var level : RiskLevel.values()) {
			levels.put(level, level(caller, level));
		}
		var labels = new HeatMap.Labels(texts.get(caller, "risk.reports.matrix.title", scope),
				texts.get(caller, "risk.reports.matrix.subtitle", counts.total(), texts.when(caller, clock.instant())),
				texts.get(caller, "risk.reports.matrix.likelihood"), texts.get(caller, "risk.reports.matrix.impact"),
				likelihoods, impacts, levels);
		return Attachment.png(fileName, texts.get(caller, "risk.reports.matrix.alt", scope, counts.total()),
				pictures.of(counts, labels));
	}

	/**
	 * The heat maps drawn lately, by what they show: the same counts with the same words (a minute's
	 * subtitle, one language) are drawn once, however many people ask in that minute.
	 */
	private final Pictures pictures = new Pictures();

	private final class Pictures {

		/** How many pictures are kept: a firm's busiest minute asks for a few scopes in two languages. */
		static final int KEPT = 32;

		private final Map<String, byte[]> drawn = new java.util.LinkedHashMap<>(KEPT, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
				return size() > KEPT;
			}
		};

		byte[] of(HeatMap.Counts counts, HeatMap.Labels labels) {
			var key = new StringBuilder(labels.toString());
			for (int l = Assessment.MIN; l <= Assessment.MAX; l++) {
				for (int i = Assessment.MIN; i <= Assessment.MAX; i++) {
					key.append(',').append(counts.at(l, i));
				}
			}
			synchronized (drawn) {
				var kept = drawn.get(key.toString());
				if (kept != null) {
					return kept;
				}
			}
			var png = HeatMap.render(counts, risks.policy(), labels).png();
			synchronized (drawn) {
				drawn.put(key.toString(), png);
			}
			return png;
		}

	}

	private String likelihood(Caller caller, int likelihood) {
		return switch (likelihood) {
			case 1 -> texts.get(caller, "risk.reports.likelihood.1");
			case 2 -> texts.get(caller, "risk.reports.likelihood.2");
			case 3 -> texts.get(caller, "risk.reports.likelihood.3");
			case 4 -> texts.get(caller, "risk.reports.likelihood.4");
			case 5 -> texts.get(caller, "risk.reports.likelihood.5");
			default -> throw new IllegalArgumentException("Likelihood is 1 to 5, not " + likelihood);
		};
	}

	private String impact(Caller caller, int impact) {
		return switch (impact) {
			case 1 -> texts.get(caller, "risk.reports.impact.1");
			case 2 -> texts.get(caller, "risk.reports.impact.2");
			case 3 -> texts.get(caller, "risk.reports.impact.3");
			case 4 -> texts.get(caller, "risk.reports.impact.4");
			case 5 -> texts.get(caller, "risk.reports.impact.5");
			default -> throw new IllegalArgumentException("Impact is 1 to 5, not " + impact);
		};
	}

	private String level(Caller caller, RiskLevel level) {
		return switch (level) {
			case HIGH -> texts.get(caller, "risk.reports.level.high");
			case MEDIUM -> texts.get(caller, "risk.reports.level.medium");
			case LOW -> texts.get(caller, "risk.reports.level.low");
		};
	}

	// --- the export -----------------------------------------------------------------------------

	private Reply export(CommandRequest request) {
		var caller = request.caller();
		var code = request.arg(0).strip();
		List<Risk> found;
		String scope;
		String fileName;
		if (code.isEmpty()) {
			found = risks.list(caller.personId(), Filter.everything());
			scope = texts.get(caller, "risk.reports.export.everything");
			fileName = "risk-register.csv";
		}
		else {
			var project = visibleProject(caller, code);
			found = risks.list(caller.personId(), new Filter(new Target.OfProject(project.code()), null, false, null));
			scope = project.code() + " " + project.title();
			fileName = "risk-register-" + project.code() + ".csv";
		}
		if (found.isEmpty()) {
			return Reply.say(texts.get(caller, "risk.reports.export.none", scope));
		}
		var file = Attachment.csv(fileName, texts.get(caller, "risk.reports.export.title", scope), csv(caller, found));
		var caption = texts.get(caller, "risk.reports.export.caption", scope, found.size());
		return Reply.say(Message.builder(caption).text(caption).file(file).build());
	}

	/** The register as CSV: the header and each risk in the asker's language, times in their zone. */
	byte[] csv(Caller caller, List<Risk> register) {
		var zone = caller.zone().getId();
		var headers = List.of(texts.get(caller, "risk.reports.column.id"), texts.get(caller, "risk.reports.column.scope"),
				texts.get(caller, "risk.reports.column.category"), texts.get(caller, "risk.reports.column.title"),
				texts.get(caller, "risk.reports.column.description"), texts.get(caller, "risk.reports.column.cause"),
				texts.get(caller, "risk.reports.column.likelihood"), texts.get(caller, "risk.reports.column.impact"),
				texts.get(caller, "risk.reports.column.score"), texts.get(caller, "risk.reports.column.level"),
				texts.get(caller, "risk.reports.column.strategy"), texts.get(caller, "risk.reports.column.actions"),
				texts.get(caller, "risk.reports.column.owner"), texts.get(caller, "risk.reports.column.status"),
				texts.get(caller, "risk.reports.column.next-review"),
				texts.get(caller, "risk.reports.column.created", zone),
				texts.get(caller, "risk.reports.column.closed", zone));
		var codes = new HashMap<Long, String>();
		var names = new HashMap<String, String>();
		var rows = new ArrayList<List<String>>();
		for (var risk : register) {
			rows.add(List.of(String.valueOf(risk.id()), scope(caller, risk, codes), CsvFile.text(texts.named(caller.locale(), "risk.category." + risk.category(), risk.category())),
					CsvFile.text(risk.title()), CsvFile.text(risk.description()), CsvFile.text(risk.cause()),
					String.valueOf(risk.likelihood()), String.valueOf(risk.impact()), String.valueOf(risk.score()),
					level(caller, risk.level()), strategy(caller, risk.strategy()), CsvFile.text(risk.actions()),
					CsvFile.text(names.computeIfAbsent(risk.ownerId(), directory::name)), status(caller, risk.status()),
					risk.nextReview() == null ? "" : risk.nextReview().toString(), minute(caller, risk.createdAt()),
					minute(caller, risk.closedAt())));
		}
		return CsvFile.write(headers, rows);
	}

	/** Where a risk belongs: its project's code, its application, or the firm. */
	private String scope(Caller caller, Risk risk, Map<Long, String> codes) {
		if (risk.projectId() != null) {
			return codes.computeIfAbsent(risk.projectId(),
					id -> engagements.project(id).map(Project::code).orElse(String.valueOf(id)));
		}
		if (risk.applicationId() != null) {
			return texts.get(caller, "risk.reports.scope.application", String.valueOf(risk.applicationId()));
		}
		return texts.get(caller, "risk.reports.scope.firm");
	}

	private String strategy(Caller caller, Strategy strategy) {
		if (strategy == null) {
			return "";
		}
		return switch (strategy) {
			case AVOID -> texts.get(caller, "risk.reports.strategy.avoid");
			case REDUCE -> texts.get(caller, "risk.reports.strategy.reduce");
			case TRANSFER -> texts.get(caller, "risk.reports.strategy.transfer");
			case ACCEPT -> texts.get(caller, "risk.reports.strategy.accept");
		};
	}

	private String status(Caller caller, Risk.Status status) {
		return switch (status) {
			case OPEN -> texts.get(caller, "risk.reports.status.open");
			case CLOSED -> texts.get(caller, "risk.reports.status.closed");
		};
	}

	private static String minute(Caller caller, Instant at) {
		return at == null ? "" : MINUTE.format(ZonedDateTime.ofInstant(at, caller.zone()));
	}

	// --- refusals -------------------------------------------------------------------------------

	/** The project a code names, when the asker may see it; else a polite refusal. */
	private Project visibleProject(Caller caller, String code) {
		try {
			return risks.visibleProject(code, caller.personId());
		}
		catch (RiskRefused refused) {
			throw switch (refused.reason()) {
				case UNKNOWN_PROJECT -> new Refusal(texts.get(caller, "risk.reports.unknown-project", code));
				case NOT_VISIBLE -> new Refusal(texts.get(caller, "risk.reports.not-visible", code));
				default -> refused;
			};
		}
	}

}
