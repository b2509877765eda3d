package dev.steward.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The commands Steward registers come from the kernel's command list, and
 * {@code bot-manifests/discord/commands.json} is that same list: each command word a command with
 * typed subcommands.
 */
class DiscordCommandsTests extends DiscordTest {

	static final Path MANIFEST = Path.of("bot-manifests/discord/commands.json");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	DiscordCommands commands;

	@Test
	void manifestInTheRepositoryIsWhatStewardRegisters() throws IOException {
		var expected = commands.json();
		var generated = Path.of("target/discord-commands.json");
		Files.createDirectories(generated.getParent());
		Files.writeString(generated, expected + "\n");
		assertThat(Files.exists(MANIFEST)).as("%s exists (copy %s there)", MANIFEST, generated).isTrue();
		assertThat(JSON.readTree(Files.readString(MANIFEST)))
			.as("%s is out of date: the commands changed; copy %s over it", MANIFEST, generated)
			.isEqualTo(JSON.readTree(expected));
	}

	@Test
	void commandsRegisteredInTheGuildAreTheManifest() throws IOException {
		var put = discord.calls("PUT", "/applications/\\d+/guilds/" + FakeDiscord.GUILD_ID + "/commands").get(0);
		assertThat(JSON.readTree(put.body())).isEqualTo(JSON.readTree(Files.readString(MANIFEST)));
	}

	@Test
	void everyCommandWordIsACommandWithTypedSubcommandsInEnglishAndChinese() throws IOException {
		var manifest = JSON.readTree(Files.readString(MANIFEST));
		assertThat(manifest.valueStream().map(command -> command.get("name").asString()))
			.contains("project", "approvals", "steward");
		for (var command : manifest) {
			assertThat(command.get("options").valueStream().map(option -> option.get("type").asInt()))
				.as("/%s has only subcommands and subcommand groups", command.get("name").asString())
				.isSubsetOf(1, 2);
			assertThat(sub(command, "help")).as("/%s help", command.get("name").asString()).isNotNull();
		}
		var team = sub(find(manifest, "project"), "team");
		assertThat(team.get("type").asInt()).as("/project team is a subcommand group").isEqualTo(2);
		assertThat(team.get("options").valueStream().map(option -> option.get("name").asString()))
			.containsExactlyInAnyOrder("add", "remove", "list");
		var withdraw = sub(find(manifest, "approvals"), "withdraw");
		assertThat(withdraw.get("description_localizations").get("zh-CN").asString()).isNotBlank();
		var id = withdraw.get("options").get(0);
		assertThat(id.get("name").asString()).isEqualTo("id");
		assertThat(id.get("type").asInt()).as("a number is an integer option").isEqualTo(4);
		assertThat(id.get("required").asBoolean()).isTrue();
		var reason = withdraw.get("options").get(1);
		assertThat(reason.get("type").asInt()).isEqualTo(3);
		assertThat(reason.get("required").asBoolean()).isFalse();
	}

	@Test
	void personAndChoiceOptionsBecomeUserOptionsAndChoices() {
		var info = java.util.List.of(new dev.steward.conversation.spi.ChatGateway.CommandInfo("risk", "add",
				java.util.List.of(
						new dev.steward.conversation.spi.ChatGateway.OptionInfo("owner",
								dev.steward.conversation.CommandSpec.Option.Type.PERSON, true, "Who owns it", java.util.List.of()),
						new dev.steward.conversation.spi.ChatGateway.OptionInfo("level",
								dev.steward.conversation.CommandSpec.Option.Type.CHOICE, false, "How bad",
								java.util.List.of("low", "high"))),
				"Add a risk"));
		var data = DataArray.fromCollection(DiscordCommands.slashCommands(info, info).stream()
			.map(command -> command.toData())
			.toList());
		DataObject add = data.getObject(0).getArray("options").getObject(0);
		assertThat(add.getArray("options").getObject(0).getInt("type")).isEqualTo(6);
		var level = add.getArray("options").getObject(1);
		assertThat(level.getInt("type")).isEqualTo(3);
		assertThat(level.getArray("choices").length()).isEqualTo(2);
		assertThat(level.getArray("choices").getObject(1).getString("value")).isEqualTo("high");
	}

	@Test
	void commandsKeepWithinDiscordsLimits() throws IOException {
		var manifest = JSON.readTree(Files.readString(MANIFEST));
		assertThat(manifest.size()).as("commands").isLessThanOrEqualTo(100);
		for (var command : manifest) {
			var name = command.get("name").asString();
			assertThat(name).matches("[a-z0-9_-]{1,32}");
			assertThat(command.get("options").size()).as("/%s subcommands", name).isLessThanOrEqualTo(25);
			int characters = name.length() + command.get("description").asString().length();
			for (var sub : command.get("options")) {
				assertThat(sub.get("name").asString()).matches("[a-z0-9_-]{1,32}");
				assertThat(sub.get("description").asString()).hasSizeBetween(1, 100);
				assertThat(sub.get("options").size()).isLessThanOrEqualTo(25);
				characters += sub.get("name").asString().length() + sub.get("description").asString().length();
				for (var option : sub.get("options")) {
					assertThat(option.get("description").asString()).hasSizeBetween(1, 100);
					characters += option.get("name").asString().length() + option.get("description").asString().length();
				}
			}
			assertThat(characters).as("/%s in all", name).isLessThanOrEqualTo(4000);
		}
	}

	@Test
	void requiredOptionsComeFirstAsDiscordRequires() {
		var info = java.util.List.of(new dev.steward.conversation.spi.ChatGateway.CommandInfo("risk", "review",
				java.util.List.of(
						new dev.steward.conversation.spi.ChatGateway.OptionInfo("note",
								dev.steward.conversation.CommandSpec.Option.Type.TEXT, false, "Note", java.util.List.of()),
						new dev.steward.conversation.spi.ChatGateway.OptionInfo("id",
								dev.steward.conversation.CommandSpec.Option.Type.INTEGER, true, "Risk", java.util.List.of())),
				"Review a risk"));
		var options = DiscordCommands.slashCommands(info, info).get(0).toData().getArray("options").getObject(0)
			.getArray("options");
		assertThat(options.getObject(0).getString("name")).isEqualTo("id");
		assertThat(options.getObject(1).getString("name")).isEqualTo("note");
	}

	private static JsonNode find(JsonNode manifest, String name) {
		return manifest.valueStream().filter(command -> command.get("name").asString().equals(name)).findFirst().orElseThrow();
	}

	private static JsonNode sub(JsonNode command, String name) {
		return command.get("options").valueStream().filter(option -> option.get("name").asString().equals(name))
			.findFirst().orElse(null);
	}

}
