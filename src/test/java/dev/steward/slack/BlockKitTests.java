package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonParser;

import dev.steward.conversation.Block;
import dev.steward.conversation.Button;
import dev.steward.conversation.FormSpec;
import dev.steward.conversation.FormView;
import dev.steward.conversation.Input;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Message;

/** Neutral messages and forms become Block Kit that keeps every one of Slack's limits, however large. */
class BlockKitTests {

	static final FakeSlackApi checker = FakeSlackApi.start();

	final Gson gson = new Gson();

	@AfterAll
	static void stop() {
		checker.close();
	}

	private JsonArray json(Object blocks) {
		return JsonParser.parseString(gson.toJson(blocks)).getAsJsonArray();
	}

	@Test
	void oversizedMessageIsCutToSlacksLimitsAndKeepsItsButtons() {
		var builder = Message.builder("x".repeat(50_000)).header("H".repeat(400));
		for (int i = 0; i < 70; i++) {
			builder.text("Paragraph " + i + " " + "y".repeat(3500));
		}
		var fields = new ArrayList<Block.Field>();
		for (int i = 0; i < 23; i++) {
			fields.add(new Block.Field("Label " + i, "v".repeat(2500)));
		}
		builder.fields(fields);
		var buttons = new ArrayList<Button>();
		for (int i = 0; i < 30; i++) {
			buttons.add(Button.of("Button label " + "b".repeat(100), InteractionId.of("demo", i)));
		}
		builder.actions(buttons).context("c".repeat(4000));
		var message = builder.build();

		var blocks = json(BlockKit.blocks(message));
		checker.checkMessage("chat.postMessage", blocks, BlockKit.fallback(message));

		assertThat(checker.violations()).isEmpty();
		assertThat(blocks.size()).isEqualTo(BlockKit.MESSAGE_BLOCKS);
		assertThat(blocks.get(blocks.size() - 1).getAsJsonObject().get("type").getAsString()).isEqualTo("actions");
		assertThat(BlockKit.fallback(message)).hasSizeLessThanOrEqualTo(BlockKit.FALLBACK_TEXT);
	}

	@Test
	void manyFieldsAndButtonsAreSplitIntoSeveralBlocks() {
		var fields = new ArrayList<Block.Field>();
		for (int i = 0; i < 12; i++) {
			fields.add(new Block.Field("L" + i, "V" + i));
		}
		var buttons = new ArrayList<Button>();
		for (int i = 0; i < 27; i++) {
			buttons.add(Button.of("B" + i, InteractionId.of("demo", i)));
		}
		var blocks = json(BlockKit.blocks(Message.builder("m").fields(fields).actions(buttons).build()));
		checker.checkMessage("chat.postMessage", blocks, "m");
		assertThat(checker.violations()).isEmpty();
		assertThat(blocks).hasSize(4);
	}

	@Test
	void markdownKeepsItsEmphasisAndEscapesSlacksControlCharacters() {
		var blocks = json(BlockKit.blocks(Message.text("*Bold* & _italic_ <@U123> `code`")));
		assertThat(blocks.get(0).getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
			.isEqualTo("*Bold* &amp; _italic_ &lt;@U123&gt; `code`");
	}

	@Test
	void formPageBecomesAModalWithOneInputBlockPerInputKeyedByItsKey() {
		var spec = new FormSpec("A title far longer than twenty-four characters", "Submit the whole thing now",
				List.of(new FormSpec.Page("First", List.of(Input.shortText("title", "Title", true, 200).withHint("h".repeat(300)),
						Input.longText("background", "Background", false, 3000),
						Input.number("revenue", "Revenue", true),
						Input.choice("department", "Department", true,
								List.of(new Input.Choice("strategy", "Strategy"), new Input.Choice("digital", "Digital"))))),
						new FormSpec.Page(null, List.of(Input.shortText("more", "More", false, 10)))));
		var view = new FormView("session-1", spec, 0, Map.of("title", "t".repeat(250), "department", "digital"),
				Map.of("revenue", "Not a number"), "Next (2/2)", "Cancel");
		var modal = JsonParser.parseString(gson.toJson(BlockKit.modal(view, "{\"session\":\"session-1\"}")))
			.getAsJsonObject();
		checker.checkView(modal);
		assertThat(checker.violations()).isEmpty();
		var inputs = new ArrayList<String>();
		modal.getAsJsonArray("blocks").forEach(block -> {
			var object = block.getAsJsonObject();
			if ("input".equals(object.get("type").getAsString())) {
				inputs.add(object.get("block_id").getAsString());
			}
		});
		assertThat(inputs).containsExactly("title", "background", "revenue", "department");
		assertThat(modal.toString()).contains("\"initial_option\"").contains("Not a number").contains("(1/2)");
	}

	@Test
	void pickersBecomeUsersSelectDatepickerAndExternalSelectShowingWhatIsPicked() {
		var spec = FormSpec.single("Pickers", "Save", List.of(Input.person("owner", "Owner", true),
				Input.date("due", "Due", true), Input.search("project", "Project", true, "projects"),
				Input.person("deputy", "Deputy", false), Input.search("client", "Client", false, "clients")));
		var view = new FormView("session-2", spec, 0,
				Map.of("owner", "li.na", "due", "2026-03-31", "project", "P-0044", "client", "c".repeat(200)),
				Map.of(), "Save", "Cancel", Map.of("owner", "Li Na", "project", "Project " + "x".repeat(100)));
		var modal = JsonParser.parseString(gson.toJson(BlockKit.modal(view, "{\"session\":\"session-2\"}",
				personId -> personId.equals("li.na") ? "U01LINA" : null)))
			.getAsJsonObject();
		checker.checkView(modal);
		assertThat(checker.violations()).isEmpty();
		var elements = new java.util.LinkedHashMap<String, com.google.gson.JsonObject>();
		modal.getAsJsonArray("blocks").forEach(block -> {
			var object = block.getAsJsonObject();
			if ("input".equals(object.get("type").getAsString())) {
				elements.put(object.get("block_id").getAsString(), object.getAsJsonObject("element"));
			}
		});
		assertThat(elements.get("owner").get("type").getAsString()).isEqualTo("users_select");
		assertThat(elements.get("owner").get("initial_user").getAsString()).isEqualTo("U01LINA");
		assertThat(elements.get("deputy").has("initial_user")).isFalse();
		assertThat(elements.get("due").get("type").getAsString()).isEqualTo("datepicker");
		assertThat(elements.get("due").get("initial_date").getAsString()).isEqualTo("2026-03-31");
		var project = elements.get("project");
		assertThat(project.get("type").getAsString()).isEqualTo("external_select");
		assertThat(project.getAsJsonObject("initial_option").get("value").getAsString()).isEqualTo("P-0044");
		assertThat(project.getAsJsonObject("initial_option").getAsJsonObject("text").get("text").getAsString())
			.startsWith("Project xxx").hasSize(75);
		// a value longer than an option may hold is not shown as picked: the person picks again
		assertThat(elements.get("client").has("initial_option")).isFalse();
	}

}
