package dev.steward.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.steward.approval.ApprovalManagement;
import dev.steward.approval.Decision;
import dev.steward.client.ClientContact;
import dev.steward.client.ClientDetails;
import dev.steward.client.ClientManagement;
import dev.steward.client.ContactChannel;
import dev.steward.client.Feedback;
import dev.steward.client.FeedbackManagement;
import dev.steward.client.PlanDetails;
import dev.steward.client.PlanManagement;
import dev.steward.conversation.spi.ChatGateway;
import dev.steward.directory.DirectoryManagement;
import dev.steward.directory.LinkWay;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.engagement.Project;
import dev.steward.risk.Assessment;
import dev.steward.risk.Risk;
import dev.steward.risk.RiskManagement;
import dev.steward.risk.RiskManagement.Target;
import dev.steward.risk.Strategy;
import dev.steward.scheduling.Scheduling;
import dev.steward.survey.SurveyLinks;
import dev.steward.survey.SurveyManagement;
import dev.steward.support.ApprovedProjects;
import dev.steward.support.Chat;
import dev.steward.support.RecordingDoor;
import dev.steward.support.SampleApplication;

/**
 * The firm the authorization matrix runs in: one project of the strategy department, managed by
 * Zhang Wei with Sun Li on its team (the manager is not listed on it), for a client with a contact
 * on Slack (Joanna, outside the directory) and one reached by link; and one of each thing a
 * command or button can name, each of that project, each for a known person: an application waiting
 * for Li Na and one sent back to Emma Wilson, risks and feedback (more than a page), a communication
 * plan, a survey card waiting for Joanna and an improvement action for Zhang Wei, a week's progress
 * prompt and digest, an account's claim to be someone. Made as people make them, through commands,
 * forms and jobs, so the buttons Steward shows on the way are there to try.
 *
 * <p>Commands get their arguments by option name ({@link #arguments}), so a new command whose
 * options are named like the others' needs nothing here.
 */
@TestComponent
class MatrixFixture {

	static final String CLIENT = "Matrix Client";

	/** The client's contact on the chat: a stranger to the directory, known to the client's profile. */
	static final String CONTACT = "U0JOANNA00";

	/** Someone no role of the matrix is: whom person options name. */
	static final String SOMEONE = "wang.fang";

	/** A directory person with no Slack or Discord account yet, whom a stranger may claim to be. */
	static final String NEW_JOINER_EMAIL = "new.joiner@example.com";

	private static final Pattern TOKEN = Pattern.compile("/s/([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");

	private final ChatGateway gateway;

	private final RecordingDoor door;

	private final EngagementManagement engagements;

	private final ApprovalManagement approvals;

	private final ClientManagement clients;

	private final RiskManagement risks;

	private final FeedbackManagement feedback;

	private final PlanManagement plans;

	private final SurveyManagement surveys;

	private final SurveyLinks links;

	private final Scheduling scheduling;

	private final JdbcClient jdbc;

	private final DirectoryManagement directory;

	private final tools.jackson.databind.json.JsonMapper json;

	Project project;

	/** Values by option name; a value by word and option name wins. */
	private final Map<String, String> values = new HashMap<>();

	/** Whom the thing a word's option names is for (a user id on the test door), by word and option name. */
	private final Map<String, String> addressees = new HashMap<>();

	/** Replies shown while the firm was made, and whom to (a user id): their buttons are tried too. */
	final Map<Message, String> shown = new LinkedHashMap<>();

	MatrixFixture(ChatGateway gateway, RecordingDoor door, EngagementManagement engagements,
			ApprovalManagement approvals, ClientManagement clients, RiskManagement risks, FeedbackManagement feedback,
			PlanManagement plans, SurveyManagement surveys, SurveyLinks links, Scheduling scheduling, JdbcClient jdbc,
			tools.jackson.databind.json.JsonMapper json, DirectoryManagement directory) {
		this.directory = directory;
		this.json = json;
		this.gateway = gateway;
		this.door = door;
		this.engagements = engagements;
		this.approvals = approvals;
		this.clients = clients;
		this.risks = risks;
		this.feedback = feedback;
		this.plans = plans;
		this.surveys = surveys;
		this.links = links;
		this.scheduling = scheduling;
		this.jdbc = jdbc;
	}

	void build() {
		var home = new Home(RecordingDoor.NAME, "matrix", false);
		clients.add("zhang.wei", new ClientDetails(CLIENT, null, null, null, null,
				List.of(new ClientContact("Joanna", "Sponsor", null, "slack", CONTACT),
						new ClientContact("Lin Mei", "CFO", "lin.mei@example.com", null, null))));
		project = ApprovedProjects.approvedFor(engagements, approvals, "Matrix project", CLIENT, home, "sun.li");
		var code = project.code();
		for (var option : new String[] { "code", "project", "where", "for" }) {
			values.put(option, code);
		}
		values.put("name", CLIENT);
		values.put("person", SOMEONE);
		values.put("from", "2026-12-01");
		values.put("to", "2026-12-11");
		values.put("email", NEW_JOINER_EMAIL);
		values.put("reason", "Matrix");
		values.put("duty", "Matrix");
		var zhang = new Chat(gateway, door, "zhang.wei", "matrix");
		var emma = new Chat(gateway, door, "emma.wilson", "matrix");

		// an application waiting for the head of strategy, from Emma Wilson (its confirmation offers
		// to register a risk); another sent back to her for changes
		var applied = emma.fill(emma.command("/project apply"), SampleApplication.values("Matrix application"));
		show(applied, "emma.wilson");
		var waiting = approvals.requestedBy("emma.wilson").get(0);
		thing("approvals", "id", String.valueOf(waiting.id()), "emma.wilson");
		emma.fill(emma.command("/project apply"), SampleApplication.values("Matrix application sent back"));
		var back = approvals.requestedBy("emma.wilson").stream().filter(r -> r.id() != waiting.id()).findFirst()
			.orElseThrow();
		approvals.decide(back.id(), "1.0", Decision.REQUEST_CHANGES, "li.na", "More on the budget");

		// a message Steward gave up delivering: a dead letter, for /steward deliveries and its buttons
		jdbc.sql("""
				update outbox_message set status = 'FAILED', last_error = 'channel_not_found'
				where id = (select max(id) from outbox_message where status = 'SENT' and kind = 'POST')""").update();

		// risks: one owned by Sun Li, and more than a page of them
		var risk = risks.register("zhang.wei", new Target.OfProject(code), risk("Sponsor leaves"), "sun.li", null);
		thing("risk", "id", String.valueOf(risk.id()), "sun.li");
		values.put("risk person", "sun.li");
		for (int i = 1; i <= 10; i++) {
			risks.register("zhang.wei", new Target.OfProject(code), risk("Matrix risk " + i), null, null);
		}

		// feedback recorded by Sun Li, and more than a page of it
		var recorded = feedback.record("sun.li", code,
				new Feedback.Details("quality", Feedback.Severity.MEDIUM, "Slides came late"));
		feedback.assign(recorded.id(), "zhang.wei", Feedback.Step.ASSIGN, "sun.li");
		thing("feedback", "id", String.valueOf(recorded.id()), "sun.li");
		for (int i = 1; i <= 10; i++) {
			feedback.record("sun.li", code, new Feedback.Details("quality", Feedback.Severity.LOW, "Matrix " + i));
		}

		// a communication plan for the project, owned by Sun Li
		var plan = plans.add("zhang.wei", plans.scope(code),
				new PlanDetails("Steering with the sponsor", ContactChannel.MEETING, 30, "Progress", "sun.li"),
				null);
		thing("client", "id", String.valueOf(plan.id()), "sun.li");

		// a survey: the contact reached by link answers under target, it closes, and the manager owns an
		// improvement action; a second one waits for Joanna, who has scored all but the comment
		assertThat(Chat.text(zhang.command("/survey send " + code))).contains(code);
		var sent = Chat.text(zhang.awaitDirect("/s/"));
		var token = TOKEN.matcher(sent);
		assertThat(token.find()).as(sent).isTrue();
		var link = links.check(token.group(1)).link().orElseThrow();
		surveys.answerOnWeb(link, new int[] { 4, 5, 2, 3 }, "Slides came late");
		jdbc.sql("update survey set closes_at = current_timestamp where id = :id").param("id", link.surveyId())
			.update();
		surveys.followUp();
		awaitButton("zhang.wei", "survey-action-close");
		assertThat(Chat.text(zhang.command("/survey send " + code))).contains(code);
		var card = await().atMost(Duration.ofSeconds(10)).until(() -> lastTo("slack", CONTACT), id -> id != null);
		var joanna = new Actor("slack", CONTACT);
		var scored = new java.util.HashSet<String>();
		for (var block : card.blocks()) {
			if (block instanceof Block.Actions actions) {
				for (var button : actions.buttons()) {
					var id = button.action();
					if (id.handler().equals("survey-score") && scored.add(id.arg(2))) {
						gateway.action(new ChatAction(joanna, ChannelRef.direct("slack", CONTACT), id.encode()));
					}
				}
			}
		}

		// a week of progress: Sun Li is asked to report, the manager gets the digest
		var prompt = await().atMost(Duration.ofSeconds(10))
			.until(() -> scheduling.jobNames("progress")
				.stream()
				.filter(name -> name.startsWith("prompt-" + project.id() + "-"))
				.findFirst()
				.orElse(null), name -> name != null);
		scheduling.runNow("progress", prompt);
		awaitButton("sun.li", "progress-report");
		scheduling.runNow("progress", "deadline-" + project.id());
		awaitButton("zhang.wei", "progress-forward");

		// a Discord account an admin linked to the second joiner (for an admin to undo); an account no
		// one knows claims to be the new joiner, and the admins are asked to confirm it
		directory.link("second.joiner", "discord", "555555555555555555", LinkWay.CONFIRMED, "admin");
		values.put("steward person", "second.joiner");
		gateway.command(new ChatCommand(new Actor("slack", "U0CLAIMER"), ChannelRef.direct("slack", "U0CLAIMER"),
				"steward", "link " + NEW_JOINER_EMAIL));
	}

	/** The latest message queued to someone on a door that shows a survey card's buttons, if any. */
	private Message lastTo(String door, String address) {
		return jdbc.sql("""
				select body from outbox_message where door = :door and address = :address and body like '%survey-score%'
				order by id desc""")
			.param("door", door)
			.param("address", address)
			.query(String.class)
			.list()
			.stream()
			.findFirst()
			.map(body -> json.readValue(body, Message.class))
			.orElse(null);
	}

	/** Waits for a direct message to the person with a button of this kind. */
	private void awaitButton(String personId, String kind) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> door.directTo(personId)
				.stream()
				.flatMap(posted -> posted.message().blocks().stream())
				.filter(Block.Actions.class::isInstance)
				.flatMap(block -> ((Block.Actions) block).buttons().stream())
				.anyMatch(button -> button.action().handler().equals(kind)));
	}

	private void show(Reply reply, String to) {
		if (reply instanceof Reply.Ephemeral said) {
			shown.put(said.message(), to);
		}
	}

	private void thing(String word, String option, String value, String addressee) {
		values.put(word + " " + option, value);
		addressees.put(word + " " + option, addressee);
	}

	private static Risk.Details risk(String title) {
		return new Risk.Details("client", title, "The client may change its mind", "A new CFO", new Assessment(3, 3),
				Strategy.REDUCE, "Weekly call with the sponsor");
	}

	/**
	 * The command's options as typed, each from its sample, up to the first optional one without a
	 * sample; {@code null} when a required one has none.
	 */
	String arguments(CommandSpec spec) {
		var typed = new ArrayList<String>();
		for (var option : spec.options()) {
			var value = values.getOrDefault(spec.word() + " " + option.name(), values.get(option.name()));
			if (value == null) {
				if (option.required()) {
					return null;
				}
				break;
			}
			typed.add(value.contains(" ") ? "\"" + value + "\"" : value);
		}
		return String.join(" ", typed);
	}

	/** Whom the thing the command names is for (the first option naming a thing of its word), if any. */
	String addressee(CommandSpec spec) {
		return spec.options()
			.stream()
			.map(option -> addressees.get(spec.word() + " " + option.name()))
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

}
