package dev.steward.slack;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port with the Slack door on (HTTP mode), its Web API pointed
 * at the shared {@link FakeSlackApi}: one Spring context for every Slack test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "SLACK_BOT_TOKEN=xoxb-test-token", "SLACK_SIGNING_SECRET=" + SlackWorkspace.SECRET,
				"steward.slack.pacing=" + SlackWorkspace.PACING_MS + "ms",
				"steward.slack.api-timeout=" + SlackTest.API_TIMEOUT })
@ActiveProfiles("test")
@ContextConfiguration(initializers = SlackTest.FakeApi.class)
@interface SlackTest {

	/**
	 * How long a Web API call may take before the client gives up: long enough for a call a test
	 * holds while it checks the acknowledgement, short enough that a hung call ends soon.
	 */
	String API_TIMEOUT = "4s";

	/** Points {@code STEWARD_SLACK_API_URL} at the shared fake. */
	class FakeApi implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of("STEWARD_SLACK_API_URL=" + FakeSlackApi.SHARED.apiUrl()).applyTo(context);
		}

	}

}
