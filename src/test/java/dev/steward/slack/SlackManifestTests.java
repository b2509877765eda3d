package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.yaml.snakeyaml.Yaml;

import com.google.gson.Gson;
import com.slack.api.model.manifest.AppManifest;
import com.slack.api.util.json.GsonFactory;

import dev.steward.conversation.spi.ChatGateway;

/**
 * The app manifests a firm pastes at Slack's app settings, read with the Slack SDK's manifest
 * model: they declare exactly the slash commands the app registers (one per command word), the
 * scopes the door's Web API calls need, and the right transport.
 */
@SlackTest
class SlackManifestTests {

	static final List<String> SCOPES = List.of("commands", "chat:write", "chat:write.public", "im:write",
			"users:read", "users:read.email", "channels:history", "groups:history", "im:history", "mpim:history",
			"files:write");

	@Autowired
	SlackInteractions interactions;

	@Autowired
	ChatGateway gateway;

	static AppManifest read(String file) throws IOException {
		Map<String, Object> yaml = new Yaml().load(Files.readString(Path.of("bot-manifests/slack", file)));
		var json = new Gson().toJson(yaml);
		return GsonFactory.createSnakeCase().fromJson(json, AppManifest.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "manifest.yaml", "manifest-socket-mode.yaml" })
	void manifestDeclaresExactlyTheSlashCommandsTheAppRegisters(String file) throws IOException {
		var manifest = read(file);
		var declared = manifest.getFeatures().getSlashCommands().stream().map(AppManifest.SlashCommand::getCommand).toList();
		var registered = interactions.commandWords().stream().map(word -> "/" + word).toList();
		var words = gateway.commands(Locale.ENGLISH).stream().map(info -> "/" + info.word()).distinct().toList();
		assertThat(words).as("command words the kernel registers").contains("/project", "/approvals", "/progress", "/steward");
		assertThat(declared).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(registered);
		assertThat(registered).containsExactlyInAnyOrderElementsOf(words);
		manifest.getFeatures().getSlashCommands().forEach(command -> {
			assertThat(command.getDescription()).isNotBlank().hasSizeLessThanOrEqualTo(100);
			assertThat(command.getShouldEscape()).as("mentions arrive as user ids").isTrue();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "manifest.yaml", "manifest-socket-mode.yaml" })
	void manifestAsksForTheScopesTheDoorUsesAndInteractivity(String file) throws IOException {
		var manifest = read(file);
		assertThat(manifest.getOauthConfig().getScopes().getBot()).containsExactlyInAnyOrderElementsOf(SCOPES)
			.as("files made on the server are uploaded with files.getUploadURLExternal")
			.contains("files:write");
		assertThat(manifest.getSettings().getInteractivity().getIsEnabled()).isTrue();
		assertThat(manifest.getDisplayInformation().getName()).isEqualTo("Steward");
		assertThat(manifest.getFeatures().getBotUser().getDisplayName()).isEqualTo("Steward");
	}

	@ParameterizedTest
	@ValueSource(strings = { "manifest.yaml" })
	void httpManifestSendsCommandsAndInteractivityToTheOneEndpoint(String file) throws IOException {
		var manifest = read(file);
		assertThat(manifest.getSettings().getSocketModeEnabled()).isFalse();
		assertThat(manifest.getSettings().getInteractivity().getRequestUrl()).endsWith(SlackConfiguration.EVENTS_PATH);
		assertThat(manifest.getSettings().getInteractivity().getMessageMenuOptionsUrl())
			.as("external selects load their options from the same endpoint")
			.isEqualTo(manifest.getSettings().getInteractivity().getRequestUrl());
		assertThat(manifest.getFeatures().getSlashCommands()).isNotEmpty()
			.allSatisfy(command -> assertThat(command.getUrl())
				.isEqualTo(manifest.getSettings().getInteractivity().getRequestUrl()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "manifest-socket-mode.yaml" })
	void socketModeManifestNeedsNoPublicUrl(String file) throws IOException {
		var manifest = read(file);
		assertThat(manifest.getSettings().getSocketModeEnabled()).isTrue();
		assertThat(manifest.getSettings().getInteractivity().getRequestUrl()).isNull();
		assertThat(manifest.getSettings().getInteractivity().getMessageMenuOptionsUrl())
			.as("options come over the socket").isNull();
		assertThat(manifest.getFeatures().getSlashCommands()).isNotEmpty().allSatisfy(command -> assertThat(command.getUrl()).isNull());
	}

}
