package dev.steward.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import net.dv8tion.jda.api.utils.data.DataObject;

import dev.steward.support.PickerFixtures;

/**
 * Pickers and open commands through real JDA and the fake Discord: the modal's user select, date
 * text and small select menu (within what Discord checks), a long list typed and resolved by the
 * kernel, autocomplete of a searchable command option, and an open command for someone outside the
 * directory beside a closed one that still refuses them. Its own fake Discord: the test feature
 * changes the command list, so this is a second bot.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(PickerFixtures.class)
class DiscordPickerTests {

	static final FakeDiscord discord = new FakeDiscord();

	static final String EMMA = "100000000000000002";

	static final String LI_NA = "100000000000000003";

	static final String STRANGER = "100000000000000777";

	@DynamicPropertySource
	static void discord(DynamicPropertyRegistry registry) {
		discord.configure(registry);
	}

	static DiscordChat chat(String userId, String locale) {
		return new DiscordChat(discord, userId, "user" + userId, "general", locale);
	}

	@Test
	void theModalShowsAUserSelectADateTextAndASmallListAsASelectMenuPrefilled() {
		var modal = chat(EMMA, "en-US").command("/pick prefilled");
		assertThat(modal.modal()).isTrue();
		assertThat(DiscordLimits.modal(modal.data())).isEmpty();
		var inputs = inputs(modal.data());
		assertThat(inputs).extracting(input -> input.getInt("type")).containsExactly(5, 4, 4, 3);
		assertThat(inputs.get(0).getArray("default_values").getObject(0).getString("id")).isEqualTo(LI_NA);
		assertThat(inputs.get(1).getString("value")).isEqualTo("2026-03-31");
		assertThat(inputs.get(1).getString("placeholder")).isEqualTo("yyyy-MM-dd");
		// 2,000 projects do not fit a select menu: typed, and resolved by the kernel
		assertThat(inputs.get(2).getString("value")).isEqualTo("P-0044");
		assertThat(inputs.get(3).getArray("options").length()).isEqualTo(5);
	}

	@Test
	void pickedValuesReachTheHandlerAndWrongOnesComeBackAsErrors() {
		var emma = chat(EMMA, "en-US");
		var modal = emma.command("/pick form");
		var refused = emma.submit(modal, Map.of("owner", STRANGER, "due", "31/03/2026", "project", "Project 0049",
				"team", "red"));
		var text = DiscordChat.text(refused);
		assertThat(text).contains("Choose someone in Steward’s directory.", "Enter a date as year-month-day",
				"Nothing you may choose matches “Project 0049”");
		var done = emma.submit(emma.command("/pick form"), Map.of("owner", LI_NA, "due", "2026-03-31", "project",
				"Project 0043", "team", "red"));
		assertThat(DiscordChat.text(done).strip()).isEqualTo("Saved owner=li.na due=2026-03-31 project=P-0043 team=red");
	}

	@Test
	void autocompleteOfASearchableOptionAnswersOnlyWhatThePersonMaySee() {
		var answer = chat(EMMA, "en-US").autocomplete("pick", "project", "project", "Project 004");
		assertThat(answer.type()).isEqualTo(8);
		assertThat(DiscordLimits.autocomplete(answer.data())).isEmpty();
		var values = new ArrayList<String>();
		var choices = answer.data().getArray("choices");
		for (int i = 0; i < choices.length(); i++) {
			values.add(choices.getObject(i).getString("value"));
		}
		assertThat(values).contains("P-0043").doesNotContain("P-0042", "P-0049");
		assertThat(chat(LI_NA, "zh-CN").autocomplete("pick", "project", "project", "Project 004").data()
			.getArray("choices").toString()).contains("P-0042");
		assertThat(chat(EMMA, "en-US").autocomplete("pick", "project", "project", "").data().getArray("choices")
			.length()).isEqualTo(25);
		var command = discord.commands().toString();
		assertThat(command).contains("\"autocomplete\":true");
	}

	@Test
	void anOpenCommandWorksForSomeoneOutsideTheDirectoryAndAClosedOneStillRefusesThem() {
		var stranger = chat(STRANGER, "zh-CN");
		assertThat(DiscordChat.text(stranger.command("/pick hello")).strip())
			.isEqualTo("hello " + STRANGER + " guest=true");
		assertThat(DiscordChat.text(stranger.command("/pick secret"))).startsWith("我还不认识你").contains(STRANGER);
		assertThat(stranger.autocomplete("pick", "project", "project", "Project").data().getArray("choices").length())
			.isZero();
		var feedback = stranger.command("/pick feedback");
		assertThat(DiscordChat.text(stranger.submit(feedback, Map.of("note", "Good work", "when", ""))).strip())
			.isEqualTo("Thanks " + STRANGER + " guest=true");
	}

	@Test
	void anApplicationsClientIsTypedSoANewOneMayBeNamedHoweverFewClientsTheFirmHas() {
		clients.add("zhang.wei", dev.steward.client.ClientDetails.named("Orbit Foods " + System.nanoTime()));
		assertThat(clients.list()).hasSizeLessThanOrEqualTo(25);
		var modal = chat(EMMA, "en-US").command("/project apply");
		assertThat(modal.modal()).isTrue();
		assertThat(DiscordLimits.modal(modal.data())).isEmpty();
		var client = inputs(modal.data()).get(1);
		assertThat(client.getString("custom_id")).endsWith("client");
		assertThat(client.getInt("type")).as("a text input, not a menu of the clients there are").isEqualTo(4);
	}

	@org.springframework.beans.factory.annotation.Autowired
	dev.steward.client.ClientManagement clients;

	private static List<DataObject> inputs(DataObject modal) {
		var inputs = new ArrayList<DataObject>();
		var labels = modal.getArray("components");
		for (int i = 0; i < labels.length(); i++) {
			inputs.add(labels.getObject(i).getObject("component"));
		}
		return inputs;
	}

}
