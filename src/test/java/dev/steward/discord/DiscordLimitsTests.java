package dev.steward.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steward.conversation.Block;
import dev.steward.conversation.Button;
import dev.steward.conversation.FormSpec;
import dev.steward.conversation.FormView;
import dev.steward.conversation.Input;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Message;

/**
 * Every message and modal Steward sends to Discord stays within Discord's documented limits: what
 * the fake Discord recorded after real interactions, and what the rendering makes of oversized
 * content.
 */
class DiscordLimitsTests extends DiscordTest {

	@Test
	void everyMessageAndModalStewardSentIsWithinDiscordsLimits() {
		var emma = chat(EMMA_WILSON, "emma", "general");
		var zhang = chat(ZHANG_WEI, "zhangwei", null);
		for (var typed : List.of("/steward help", "/project help", "/approvals help", "/approvals pending",
				"/approvals mine", "/project list")) {
			emma.command(typed);
			zhang.command(typed);
		}
		var form = zhang.command("/project apply");
		zhang.click(zhang.submit(form, DiscordApplicationFlowTests.application("Limits " + System.nanoTime())),
				"继续");

		var problems = new ArrayList<String>();
		int checked = 0;
		for (var call : discord.calls()) {
			if (call.path().matches("/channels/\\d+/messages(/\\d+)?") || call.path().matches("/webhooks/.*")) {
				problems.addAll(DiscordLimits.message(call.json()));
				checked++;
			}
			else if (call.path().matches("/interactions/.*/callback")) {
				var body = call.json();
				var data = body.optObject("data");
				if (data.isPresent()) {
					problems.addAll(body.getInt("type") == 9 ? DiscordLimits.modal(data.get())
							: DiscordLimits.message(data.get()));
					checked++;
				}
			}
		}
		assertThat(checked).isGreaterThan(10);
		assertThat(problems).isEmpty();
	}

	@Test
	void oversizedMessagesAreCutToDiscordsLimits() {
		var fields = new ArrayList<Block.Field>();
		for (int i = 0; i < 40; i++) {
			fields.add(new Block.Field("Field " + i + " " + "n".repeat(300), "v".repeat(2000)));
		}
		var buttons = new ArrayList<Button>();
		for (int i = 0; i < 30; i++) {
			buttons.add(Button.of("Button " + i + " " + "b".repeat(100), InteractionId.of("test", i)));
		}
		var message = Message.builder("huge")
			.header("T".repeat(400))
			.text("x".repeat(5000))
			.fields(fields)
			.actions(buttons)
			.context("c".repeat(3000))
			.build();
		assertThat(DiscordLimits.message(DiscordRendering.message(message).toData())).isEmpty();
		assertThat(DiscordLimits.message(DiscordRendering.message(Message.text("y".repeat(2500))).toData())).isEmpty();
	}

	@Test
	void oversizedFormsAreCutToDiscordsLimits() {
		var choices = new ArrayList<Input.Choice>();
		for (int i = 0; i < 25; i++) {
			choices.add(new Input.Choice("v" + i + "x".repeat(90), "Choice " + i + " " + "l".repeat(120)));
		}
		var many = new ArrayList<Input.Choice>();
		for (int i = 0; i < 40; i++) {
			many.add(new Input.Choice("v" + i, "Choice " + i));
		}
		var spec = new FormSpec("A form whose title is far longer than any modal allows", "Submit",
				List.of(new FormSpec.Page(null, List.of(
						Input.shortText("a", "A label far longer than the forty-five characters Discord allows", true,
								Input.MAX_TEXT).withHint("h".repeat(300)),
						Input.longText("b", "Long", false, Input.MAX_TEXT),
						Input.choice("c", "Choice", true, choices).withHint("p".repeat(200)),
						Input.choice("d", "Many choices", false, many),
						Input.number("e", "Number", true))), new FormSpec.Page(null,
								List.of(Input.shortText("f", "F", true, 10)))));
		var view = new FormView("3f1b9c1e-1111-4222-8333-944455556666", spec, 0, Map.of(), Map.of(), "Next",
				"Cancel");
		var modal = DiscordRendering.modal(view, Map.of("a", "z".repeat(3000), "c", choices.get(3).value()));
		var data = modal.toData();
		assertThat(DiscordLimits.modal(data)).isEmpty();
		assertThat(data.getString("title")).endsWith("(1/2)");
		var components = data.getArray("components");
		assertThat(components.getObject(2).getObject("component").getInt("type")).isEqualTo(3);
		assertThat(components.getObject(3).getObject("component").getInt("type"))
			.as("more choices than a select menu holds: a text input").isEqualTo(4);
	}

}
