package dev.steward.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.steward.StewardApplication;
import dev.steward.conversation.Outbox;
import dev.steward.conversation.Texts;
import dev.steward.support.EchoCommands;
import dev.steward.support.TestCallers;

/**
 * The playground door on the kernel alone, over MockMvc: the page renders the people and commands
 * the kernel knows, a typed command reaches the kernel and its answer is shown, and what the outbox
 * delivers appears in the conversation. A one-word test feature and a small directory stand in for
 * the modules the application would bring.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
@AutoConfigureMockMvc
class PlaygroundModuleTests {

	/** What the directory module and a feature module would bring in the application. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Outside {

		@Bean
		TestCallers testCallers() {
			return new TestCallers().person("ada", "Ada Lovelace", false, PlaygroundDoor.NAME, "ada")
				.person("grace", "Grace Hopper", false, PlaygroundDoor.NAME, "grace");
		}

		@Bean
		EchoCommands echoCommands(Outbox outbox) {
			return new EchoCommands(outbox, false);
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Texts texts;

	@Autowired
	EchoCommands echo;

	private static MockHttpServletRequestBuilder typed(String as, String channel, String text) {
		return post("/playground/command").header(PlaygroundGuard.HEADER, "1")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"as\":\"" + as + "\",\"c\":\"channel:" + channel + "\",\"text\":\"" + text + "\"}");
	}

	@Test
	void thePagePicksFromTheDirectoryAndOffersTheKernelsCommands() throws Exception {
		mvc.perform(get("/").param("as", "ada"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-person-select")))
			.andExpect(content().string(containsString("Ada Lovelace")))
			.andExpect(content().string(containsString("Grace Hopper")))
			.andExpect(content().string(containsString("&quot;word&quot;:&quot;echo&quot;")));
	}

	@Test
	void aTypedCommandReachesTheFeatureThroughTheKernelAndItsAnswerIsShown() throws Exception {
		mvc.perform(typed("ada", "general", "/echo say hello playground"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ada Lovelace said: hello playground")));

		var request = echo.received.get(echo.received.size() - 1);
		assertThat(request.caller().personId()).isEqualTo("ada");
		assertThat(request.channel().id()).isEqualTo("general");
	}

	@Test
	void aWordNoModuleRegistersGetsTheKernelsUnknownCommandText() throws Exception {
		mvc.perform(typed("grace", "general", "/nothing at all"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString(texts.get(Locale.ENGLISH, "kernel.unknown-command", "nothing", "echo"))));
	}

	@Test
	void whatTheOutboxDeliversAppearsInTheConversation() throws Exception {
		var channel = "module-" + System.nanoTime();
		mvc.perform(typed("ada", channel, "/echo post delivered after commit")).andExpect(status().isOk());

		await().atMost(Duration.ofSeconds(10))
			.until(() -> mvc.perform(get("/playground/conversation").param("as", "grace").param("c", "channel:" + channel))
				.andReturn()
				.getResponse()
				.getContentAsString()
				.contains("delivered after commit"));
	}

	@Test
	void thePlaygroundDependsOnTheKernelAlone() {
		var modules = ApplicationModules.of(StewardApplication.class);
		var playground = modules.getModuleByName("playground").orElseThrow();

		assertThat(playground.getDisplayName()).isEqualTo("Playground door");
		assertThat(modules.detectViolations()
			.filter(violation -> violation.getMessage().contains("playground"))
			.getMessages()).isEmpty();
	}

}
