package dev.steward.discord;

import static org.assertj.core.api.Assertions.assertThat;

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

/** How neutral messages and forms look in Discord. */
class DiscordRenderingTests {

	@Test
	void lightMarkdownBecomesDiscordsOutsideCode() {
		assertThat(DiscordRendering.markdown("*Approved* by _Li Na_ for `a*b*c`"))
			.isEqualTo("**Approved** by _Li Na_ for `a*b*c`");
		assertThat(DiscordRendering.markdown("2 * 3 * 4")).isEqualTo("2 * 3 * 4");
		assertThat(DiscordRendering.markdown("• *Client*: Acme")).isEqualTo("• **Client**: Acme");
	}

	@Test
	void plainTextIsContentAndACardIsAnEmbedWithButtonsBelow() {
		var plain = DiscordRendering.message(Message.text("Hello *you*")).toData();
		assertThat(plain.getString("content")).isEqualTo("Hello **you**");
		assertThat(plain.getArray("embeds").length()).isZero();

		var card = DiscordRendering.message(Message.builder("card")
			.header("Project application")
			.text("Acme market entry")
			.fields(List.of(new Block.Field("Client", "Acme")))
			.context("Step 1 of 2")
			.actions(List.of(Button.primary("Approve", InteractionId.of("approval", 1, "1.0", "approve")),
					Button.danger("Reject", InteractionId.of("approval", 1, "1.0", "reject")),
					Button.of("Details", InteractionId.of("approval", 1, "details"))))
			.build()).toData();
		var embed = card.getArray("embeds").getObject(0);
		assertThat(embed.getString("title")).isEqualTo("Project application");
		assertThat(embed.getString("description")).isEqualTo("Acme market entry\n\n-# Step 1 of 2");
		assertThat(embed.getArray("fields").getObject(0).getString("name")).isEqualTo("Client");
		var buttons = card.getArray("components").getObject(0).getArray("components");
		assertThat(buttons.getObject(0).getString("custom_id")).isEqualTo("approval:1:1.0:approve");
		assertThat(buttons.getObject(0).getInt("style")).as("primary").isEqualTo(1);
		assertThat(buttons.getObject(1).getInt("style")).as("danger").isEqualTo(4);
		assertThat(buttons.getObject(2).getInt("style")).as("secondary").isEqualTo(2);
	}

	@Test
	void aFormPageIsAModalWithValuesKeptAndItsPageInTheTitle() {
		var spec = new FormSpec("Apply", "Submit", List.of(
				new FormSpec.Page(null, List.of(Input.shortText("title", "Title", true, 120),
						Input.longText("background", "Background", false, 2000),
						Input.choice("size", "Size", true,
								List.of(new Input.Choice("s", "Small"), new Input.Choice("l", "Large"))))),
				new FormSpec.Page(null, List.of(Input.number("budget", "Budget", true)))));
		var view = new FormView("3f1b9c1e-1111-4222-8333-944455556666", spec, 0, Map.of("title", "Acme"), Map.of(),
				"Next", "Cancel");
		var modal = DiscordRendering.modal(view, Map.of("title", "Acme", "size", "l")).toData();
		assertThat(modal.getString("custom_id")).isEqualTo("discord-modal:3f1b9c1e-1111-4222-8333-944455556666:0");
		assertThat(modal.getString("title")).isEqualTo("Apply (1/2)");
		var title = modal.getArray("components").getObject(0).getObject("component");
		assertThat(title.getString("value")).isEqualTo("Acme");
		assertThat(title.getInt("style")).as("short").isEqualTo(1);
		assertThat(modal.getArray("components").getObject(1).getObject("component").getInt("style"))
			.as("paragraph").isEqualTo(2);
		var size = modal.getArray("components").getObject(2).getObject("component");
		assertThat(size.getInt("type")).isEqualTo(3);
		assertThat(size.getArray("options").getObject(1).getBoolean("default")).isTrue();
	}

}
