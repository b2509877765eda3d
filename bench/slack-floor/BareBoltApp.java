package floor;

import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;

/**
 * The floor of Steward's stack for the Slack benchmark: a Spring Boot application with the same
 * libraries as Steward, whose Bolt app at POST /slack/events only verifies each request's
 * signature and acknowledges it. SlackLoad.java compiles and starts it against Steward's own
 * packaged libraries.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class BareBoltApp {

	public static void main(String[] args) {
		SpringApplication.run(BareBoltApp.class, args);
	}

	@Bean
	App app() {
		var config = new SlackConfig();
		config.setMethodsEndpointUrlPrefix(System.getenv("STEWARD_SLACK_API_URL"));
		var app = new App(AppConfig.builder()
			.slack(Slack.getInstance(config))
			.singleTeamBotToken(System.getenv("SLACK_BOT_TOKEN"))
			.signingSecret(System.getenv("SLACK_SIGNING_SECRET"))
			.build());
		app.command(Pattern.compile("/.*"), (request, context) -> context.ack());
		app.blockAction(Pattern.compile(".+"), (request, context) -> context.ack());
		return app;
	}

	@Bean
	ServletRegistrationBean<SlackAppServlet> slackEvents(App app) {
		return new ServletRegistrationBean<>(new SlackAppServlet(app), "/slack/events");
	}

}
