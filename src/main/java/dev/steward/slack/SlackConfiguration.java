package dev.steward.slack;

import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.util.http.SlackHttpClient;

import io.micrometer.core.instrument.MeterRegistry;

import dev.steward.conversation.Texts;
import dev.steward.conversation.spi.CallerDirectory;
import dev.steward.conversation.spi.ChatGateway;
import dev.steward.firm.FirmDefaults;

/**
 * Wires the Slack door: the Web API client (pointed at {@code STEWARD_SLACK_API_URL} when set),
 * the Bolt app with Steward's handlers, and its transport: {@code POST /slack/events} with the
 * signing secret, or Socket Mode with the app token. Nothing here calls Slack at start-up.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSlack
@EnableConfigurationProperties(SlackProperties.class)
class SlackConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SlackConfiguration.class);

	static final String EVENTS_PATH = "/slack/events";

	@Bean(destroyMethod = "close")
	Slack slack(SlackProperties properties) {
		return Slack.getInstance(config(properties));
	}

	private static SlackConfig config(SlackProperties properties) {
		var config = new SlackConfig();
		if (properties.methodsPrefix() != null) {
			config.setMethodsEndpointUrlPrefix(properties.methodsPrefix());
		}
		// Slack's client would log whole responses at debug level; keep tokens and content out of logs
		config.setPrettyResponseLoggingEnabled(false);
		// the SDK sets no limit on a whole call, so a Web API that answers slowly, a byte at a time,
		// would hold an outbox worker for ever: every call ends within the configured time
		int timeout = (int) Math.min(Integer.MAX_VALUE, properties.apiTimeout().toMillis());
		config.setHttpClientCallTimeoutMillis(timeout);
		config.setHttpClientReadTimeoutMillis(timeout);
		config.setHttpClientWriteTimeoutMillis(timeout);
		return config;
	}

	/**
	 * The Web API client the outbox delivers with. Unlike the one interactions use, its HTTP client
	 * never sends a request again by itself when the connection breaks: OkHttp would, and a
	 * {@code chat.postMessage} whose answer was lost after Slack had posted it would be posted twice.
	 * The outbox retries instead, and a retry looks for the message before posting it again.
	 */
	@Bean(destroyMethod = "close")
	DeliveryClient slackDeliveryClient(SlackProperties properties) {
		var config = config(properties);
		var http = new SlackHttpClient(
				SlackHttpClient.buildOkHttpClient(config).newBuilder().retryOnConnectionFailure(false).build());
		http.setConfig(config);
		var slack = Slack.getInstance(config, http);
		return new DeliveryClient(slack, slack.methods(properties.botToken()));
	}

	/** A Slack client of its own for deliveries, closed with the application. */
	record DeliveryClient(Slack slack, MethodsClient methods) implements AutoCloseable {

		@Override
		public void close() throws Exception {
			slack.close();
		}

	}

	@Bean
	MethodsClient slackMethods(Slack slack, SlackProperties properties) {
		return slack.methods(properties.botToken());
	}

	/** Threads for the work done after an acknowledgement; bounded so a flood cannot exhaust memory. */
	@Bean(destroyMethod = "shutdown")
	ExecutorService slackWorkers(SlackProperties properties) {
		var count = new AtomicInteger();
		int threads = Math.max(1, properties.workers());
		return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2_000),
				runnable -> {
					var thread = new Thread(runnable, "slack-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
	}

	@Bean
	SlackUsers slackUsers(MethodsClient slackMethods, SlackProperties properties, Clock clock,
			ExecutorService slackWorkers) {
		return new SlackUsers(slackMethods, properties.userCache(), clock, slackWorkers);
	}

	/** The workspace's members and their e-mails, for the directory to match people by. */
	@Bean
	SlackMembers slackMembers(MethodsClient slackMethods, SlackUsers slackUsers, SlackProperties properties) {
		return new SlackMembers(slackMethods, slackUsers, properties.listPace(), properties.lookupPace());
	}

	@Bean
	SlackDoor slackDoor(DeliveryClient slackDeliveryClient, SlackProperties properties, Clock clock) {
		return new SlackDoor(slackDeliveryClient.methods(), properties.botToken(),
				new ChannelPacer(properties.pacing(), clock));
	}

	@Bean
	SlackInteractions slackInteractions(SlackProperties properties, ChatGateway gateway, CallerDirectory directory,
			Slack slack, MethodsClient slackMethods,
			SlackUsers slackUsers, Texts texts, ExecutorService slackWorkers,
			FirmDefaults firm, MeterRegistry meters, SlackRequests slackRequests) {
		return new SlackInteractions(gateway, directory, slack, slackMethods, slackUsers, texts, slackWorkers, firm.locale(),
				properties.ackBudget(), meters, slackRequests);
	}

	/** Each request Slack sends is run once, whichever instance it lands on (a retry is not run again). */
	@Bean
	SlackRequests slackRequests(JdbcClient jdbc, Clock clock) {
		return new SlackRequests(jdbc, clock);
	}

	@Bean
	App slackApp(SlackProperties properties, Slack slack, SlackInteractions interactions) {
		var config = AppConfig.builder()
			.slack(slack)
			.singleTeamBotToken(properties.botToken())
			.signingSecret(properties.httpMode() ? properties.signingSecret() : null)
			// Socket Mode connections are authenticated by the app token; there is nothing to sign
			.requestVerificationEnabled(!properties.socketMode() || properties.httpMode())
			.build();
		var app = new App(config);
		interactions.register(app);
		return app;
	}

	@Bean
	ServletRegistrationBean<SlackEventsServlet> slackEvents(App slackApp, SlackProperties properties, Clock clock) {
		var registration = new ServletRegistrationBean<>(
				new SlackEventsServlet(slackApp, properties.signingSecret(), clock), EVENTS_PATH);
		registration.setName("slackEvents");
		if (!properties.httpMode()) {
			// without a signing secret no request can be verified: serve nothing rather than trust anyone
			registration.setEnabled(false);
			if (!properties.socketMode()) {
				log.warn("SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP) nor SLACK_APP_TOKEN "
						+ "(Socket Mode) is: Steward can post to Slack but hears nothing from it");
			}
		}
		return registration;
	}

	@Bean
	SocketMode slackSocketMode(App slackApp, SlackProperties properties) {
		return new SocketMode(slackApp, properties);
	}

	/** The door's health as {@code slack}, in the readiness group. */
	@Bean("slackHealthIndicator")
	SlackHealth slackHealth(MethodsClient slackMethods, SocketMode slackSocketMode, SlackProperties properties,
			Clock clock) {
		return new SlackHealth(slackMethods, slackSocketMode, properties, clock);
	}

	/** Runs Socket Mode while the application runs, when an app token is set. */
	static class SocketMode implements SmartLifecycle {

		private final App app;

		private final SlackProperties properties;

		private SocketModeApp socket;

		SocketMode(App app, SlackProperties properties) {
			this.app = app;
			this.properties = properties;
		}

		@Override
		public synchronized void start() {
			if (!properties.socketMode()) {
				return;
			}
			try {
				socket = new SocketModeApp(properties.appToken(), SocketModeClient.Backend.JavaWebSocket, app);
				socket.startAsync();
				log.info("Slack Socket Mode started");
			}
			catch (Exception ex) {
				// a start-up without Slack must not stop Steward; the client reconnects by itself
				log.error("Slack Socket Mode did not start: {}", ex.toString());
			}
		}

		@Override
		public synchronized void stop() {
			if (socket != null) {
				try {
					socket.close();
				}
				catch (Exception ex) {
					log.debug("Socket Mode close: {}", ex.toString());
				}
				socket = null;
			}
		}

		@Override
		public synchronized boolean isRunning() {
			return socket != null;
		}

		/** Whether the socket is open now. */
		synchronized boolean connected() {
			return socket != null && !socket.isClientStopped();
		}

	}

}
