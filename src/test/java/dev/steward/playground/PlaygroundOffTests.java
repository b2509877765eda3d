package dev.steward.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import dev.steward.conversation.spi.Door;

/** With a platform token set and the playground left on auto, the playground does not exist. */
@SpringBootTest(properties = "SLACK_BOT_TOKEN=xoxb-playground-off-test")
@ActiveProfiles("test")
@AutoConfigureMockMvc
class PlaygroundOffTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Test
	void noPlaygroundBeanExists() {
		assertThat(context.getBeansOfType(PlaygroundDoor.class)).isEmpty();
		assertThat(context.getBeansOfType(Door.class).values()).noneMatch(door -> door.name().equals("playground"));
		assertThat(context.getBeansOfType(PlaygroundController.class)).isEmpty();
		assertThat(context.getBeansOfType(LiveUpdates.class)).isEmpty();
		assertThat(context.containsBean("playgroundGuard")).isFalse();
	}

	@Test
	void thePlaygroundDoesNotAnswer() throws Exception {
		mvc.perform(get("/")).andExpect(status().isNotFound());
		mvc.perform(get("/playground/conversation").param("c", "channel:general")).andExpect(status().isNotFound());
	}

}
