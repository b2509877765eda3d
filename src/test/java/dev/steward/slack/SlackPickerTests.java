package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.google.gson.JsonObject;

import dev.steward.support.PickerFixtures;

/**
 * Pickers and open commands through Slack's own protocol: a form with a users_select, a datepicker
 * and an external_select whose options Slack asks for with signed {@code block_suggestion} requests;
 * an open command used by someone outside the directory, and a closed one that still refuses them.
 */
@SlackTest
@Import(PickerFixtures.class)
class SlackPickerTests {

	static {
		// Slack's profile of the stranger, whichever test first makes Steward look them up (and remember them)
		FakeSlackApi.SHARED.user("U0STRANGER", "zh-CN", "Asia/Shanghai");
	}


	static final String CONSULTING = "C01CONSULTING";

	@LocalServerPort
	int port;

	SlackWorkspace slack;

	@BeforeEach
	void workspace() {
		slack = new SlackWorkspace(port);
	}

	@AfterEach
	void everyCallKeptSlacksLimits() {
		assertThat(slack.api.violations()).isEmpty();
	}

	@Test
	void theFormShowsSlacksPickersAndHandsTheHandlerADirectoryIdADateAndAProject() {
		var emma = new SlackChat(slack, "U01EMMAWILSON", CONSULTING);
		var view = emma.command("/pick form").form();
		assertThat(elementTypes(view)).containsExactly("users_select", "datepicker", "external_select",
				"external_select");
		var done = emma.submit(view, Map.of("owner", "U01LINA", "due", "2026-03-31", "project", "P-0043"));
		assertThat(done.text().strip()).isEqualTo("Saved owner=li.na due=2026-03-31 project=P-0043 team=");
	}

	@Test
	void aSlackUserOutsideTheDirectoryOrAHiddenProjectIsAnInlineError() {
		var zhang = new SlackChat(slack, "U01ZHANGWEI", CONSULTING);
		var view = zhang.command("/pick form").form();
		var refused = zhang.submit(view, Map.of("owner", "U0STRANGER", "due", "2026-03-31", "project", "P-0007"));
		assertThat(refused.kind()).isEqualTo(SlackChat.Outcome.Kind.ERRORS);
		assertThat(refused.errors()).containsEntry("owner", "请选择 Steward 人员目录中的人。")
			.containsKey("project")
			.doesNotContainKey("due");
	}

	@Test
	void blockSuggestionAnswersOnlyMatchingOptionsThePersonMaySee() {
		var emma = new SlackChat(slack, "U01EMMAWILSON", CONSULTING);
		var view = emma.command("/pick form").form();
		var options = suggest("U01EMMAWILSON", view, "project", "Project 004");
		assertThat(options).extracting(option -> option.get("value").getAsString())
			.containsExactly("P-0040", "P-0041", "P-0043", "P-0044", "P-0045", "P-0046", "P-0047", "P-0048");
		assertThat(suggest("U01EMMAWILSON", view, "project", "")).hasSize(100);
		assertThat(suggest("U01EMMAWILSON", view, "team", "gr")).extracting(option -> option.get("value").getAsString())
			.containsExactly("green", "grey");
		// Li Na may see the confidential project, but not in Emma's form
		assertThat(suggest("U01LINA", view, "project", "Project 004")).isEmpty();
		var lina = new SlackChat(slack, "U01LINA", CONSULTING);
		assertThat(suggest("U01LINA", lina.command("/pick form").form(), "project", "Project 004"))
			.extracting(option -> option.get("value").getAsString())
			.contains("P-0042", "P-0049");
	}

	@Test
	void prefilledPickersShowTheirInitialSelection() {
		var emma = new SlackChat(slack, "U01EMMAWILSON", CONSULTING);
		var view = emma.command("/pick prefilled").form();
		var elements = elements(view);
		assertThat(elements.get(0).get("initial_user").getAsString()).isEqualTo("U01LINA");
		assertThat(elements.get(1).get("initial_date").getAsString()).isEqualTo("2026-03-31");
		assertThat(elements.get(2).getAsJsonObject("initial_option").getAsJsonObject("text").get("text")
			.getAsString()).isEqualTo("Project 0044");
	}

	@Test
	void anOpenCommandWorksForSomeoneOutsideTheDirectoryAndAClosedOneStillRefusesThem() {
		var stranger = new SlackChat(slack, "U0STRANGER", CONSULTING);
		assertThat(stranger.command("/pick hello").text().strip()).isEqualTo("hello U0STRANGER guest=true");
		assertThat(stranger.command("/pick secret").text()).startsWith("我还不认识你").contains("U0STRANGER");
		assertThat(stranger.command("/project list").text()).startsWith("我还不认识你");
		var help = stranger.command("/steward help").text();
		assertThat(help).contains("/pick hello", "/pick feedback").doesNotContain("/pick secret", "/project");
	}

	@Test
	void aSearchOptionTypedInASlashCommandIsResolvedByTheKernel() {
		var emma = new SlackChat(slack, "U01EMMAWILSON", CONSULTING);
		assertThat(emma.command("/pick project Project 1999").text().strip()).isEqualTo("project=P-1999");
		assertThat(emma.command("/pick project P-0014").text()).startsWith("Nothing you may choose matches “P-0014”");
	}

	@Test
	void anApplicationsClientIsPickedFromTheFirmsClientsOrMadeNew() {
		var name = "Nimbus Corp " + System.nanoTime();
		clients.add("zhang.wei", dev.steward.client.ClientDetails.named(name));
		var emma = new SlackChat(slack, "U01EMMAWILSON", CONSULTING);
		var view = emma.command("/project apply").form();
		assertThat(elements(view).get(1).get("type").getAsString()).isEqualTo("external_select");
		// what is typed names no client: it is offered as a new one, before the clients it matches
		var typed = name.substring(0, name.length() - 2);
		assertThat(suggest("U01EMMAWILSON", view, "client", typed))
			.extracting(option -> option.get("value").getAsString() + " / "
					+ option.getAsJsonObject("text").get("text").getAsString())
			.containsExactly(typed + " / ➕ New client: " + typed, name + " / " + name);
		// the whole name, whatever its case: the client itself, nothing new
		assertThat(suggest("U01EMMAWILSON", view, "client", name.toLowerCase()))
			.extracting(option -> option.get("value").getAsString())
			.containsExactly(name);
	}

	@org.springframework.beans.factory.annotation.Autowired
	dev.steward.client.ClientManagement clients;

	private List<JsonObject> suggest(String userId, JsonObject view, String blockId, String typed) {
		var started = System.nanoTime();
		var response = slack.blockSuggestion(userId, view, blockId, typed);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(SlackChat.ACK);
		var options = new ArrayList<JsonObject>();
		SlackWorkspace.json(response).getAsJsonArray("options").forEach(option -> options.add(option.getAsJsonObject()));
		slack.api.checkOptions("block_suggestion", options);
		return options;
	}

	private static List<JsonObject> elements(JsonObject view) {
		var elements = new ArrayList<JsonObject>();
		view.getAsJsonArray("blocks").forEach(block -> {
			if ("input".equals(block.getAsJsonObject().get("type").getAsString())) {
				elements.add(block.getAsJsonObject().getAsJsonObject("element"));
			}
		});
		return elements;
	}

	private static List<String> elementTypes(JsonObject view) {
		return elements(view).stream().map(element -> element.get("type").getAsString()).toList();
	}

}
