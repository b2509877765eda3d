package dev.steward.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import dev.steward.conversation.Block;
import dev.steward.conversation.Button;
import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Message;
import dev.steward.conversation.spi.Door.Delivery;

/** The playground's endpoints over MockMvc: who may reach them, and what they answer. */
@PlaygroundTest
class PlaygroundWebTests {

	/** Outbox ids far above the real outbox's, so these deliveries never meet its rows. */
	private static final AtomicLong deliveries = new AtomicLong(1_000_000_000L);

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	@Autowired
	WebApplicationContext context;

	@Autowired
	PlaygroundDoor door;

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static MockHttpServletRequestBuilder command(String as, String text) {
		return post("/playground/command").header(PlaygroundGuard.HEADER, "1")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"as\":\"" + as + "\",\"c\":\"channel:general\",\"text\":\"" + text + "\"}");
	}

	@Test
	void servesThisMachine() throws Exception {
		mvc.perform(get("/").with(from("127.0.0.1"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("data-person-select")));
		mvc.perform(get("/").with(from("0:0:0:0:0:0:0:1"))).andExpect(status().isOk());
		mvc.perform(get("/playground/playground.js").with(from("127.0.0.1"))).andExpect(status().isOk());
	}

	@Test
	void refusesOtherMachines() throws Exception {
		for (var path : List.of("/", "/playground/conversation", "/playground/events", "/playground/playground.js")) {
			mvc.perform(get(path).with(from("203.0.113.7")))
				.andExpect(status().isForbidden())
				.andExpect(content().string(containsString("steward.playground.allow-remote")));
		}
		mvc.perform(command("admin", "/steward whoami").with(from("192.168.1.20"))).andExpect(status().isForbidden());
	}

	@Test
	void refusesWhatOnlyLooksLocal() throws Exception {
		mvc.perform(get("/").header("X-Forwarded-For", "203.0.113.7")).andExpect(status().isForbidden());
		mvc.perform(get("/").header("Forwarded", "for=203.0.113.7")).andExpect(status().isForbidden());
		mvc.perform(get("/").with(request -> {
			request.setServerName("rebound.example.com"); // a DNS name pointed at 127.0.0.1
			return request;
		})).andExpect(status().isForbidden());
	}

	@Test
	void theRunningServerGuardsThePageItsEndpointsAndItsFiles() throws Exception {
		for (var path : List.of("/", "/?as=admin", "/playground/conversation", "/playground/playground.css")) {
			assertThat(statusLine(path, "localhost")).as(path).contains(" 200");
			assertThat(statusLine(path, "rebound.example.com")).as(path).contains(" 403");
		}
	}

	/** A real HTTP request to the running server, with a Host header no HTTP client lets one choose. */
	private String statusLine(String path, String host) throws IOException {
		try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			var request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			var reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			return reader.readLine();
		}
	}

	@Test
	void answersOtherMachinesWhenRemoteAccessIsAllowed() throws Exception {
		var open = MockMvcBuilders.webAppContextSetup(context)
			.addFilter(new PlaygroundGuard(true), PlaygroundConfiguration.PATHS)
			.build();
		open.perform(get("/").with(from("203.0.113.7"))).andExpect(status().isOk());
		open.perform(get("/").with(from("203.0.113.7")).with(request -> {
			request.setServerName("steward.example.com");
			return request;
		})).andExpect(status().isOk());
	}

	@Test
	void changesNeedThePagesOwnHeader() throws Exception {
		mvc.perform(post("/playground/command").contentType(MediaType.APPLICATION_JSON)
			.content("{\"as\":\"admin\",\"c\":\"channel:general\",\"text\":\"/steward whoami\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(command("admin", "/steward whoami")).andExpect(status().isOk());
	}

	@Test
	void leavesOtherPathsAlone() throws Exception {
		mvc.perform(get("/nothing-here").with(from("203.0.113.7"))).andExpect(status().isNotFound());
	}

	@Test
	void rendersTheNeutralBlocksEscapingEveryText() throws Exception {
		var channel = "render-" + deliveries.incrementAndGet();
		var message = Message.builder("fallback")
			.header("Budget <review>")
			.text("<script>alert(1)</script> *bold* _italic_ `code`\nline two")
			.fields(List.of(new Block.Field("Client <b>", "*Acme* & Co")))
			.actions(List.of(Button.primary("Approve", InteractionId.of("approval", 12, "approve")),
					Button.danger("Reject", InteractionId.of("approval", 12, "reject")), Button.of("Later",
							InteractionId.of("approval", 12, "later"))))
			.context("Asked by <i>Emma</i>")
			.block(new Block.Image("javascript:alert(1)", "a chart"))
			.block(new Block.Image("https://example.com/chart.png", "the chart"))
			.divider()
			.build();
		var id = door.post(new Delivery(deliveries.incrementAndGet(), ChannelRef.channel("playground", channel), message));

		var html = mvc.perform(get("/playground/conversation").param("as", "emma.wilson").param("c", "channel:" + channel))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll("\\s+", " ");

		assertThat(html).contains("data-message-id=\"" + id + "\"")
			.contains("<h3 class=\"block-header\">Budget &lt;review&gt;</h3>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt; <strong>bold</strong> <em>italic</em> <code>code</code><br>line two")
			.doesNotContain("<script>alert")
			.contains("<dt>Client &lt;b&gt;</dt>")
			.contains("<dd><strong>Acme</strong> &amp; Co</dd>")
			.contains("class=\"btn btn-primary\" data-action-id=\"approval:12:approve\">Approve</button>")
			.contains("class=\"btn btn-danger\" data-action-id=\"approval:12:reject\">Reject</button>")
			.contains("class=\"btn\" data-action-id=\"approval:12:later\">Later</button>")
			.contains("Asked by &lt;i&gt;Emma&lt;/i&gt;")
			.doesNotContain("src=\"javascript:")
			.contains("<figcaption>a chart</figcaption>")
			.contains("src=\"https://example.com/chart.png\" alt=\"the chart\"")
			.contains("<hr class=\"block-divider\">");
	}

	@Test
	void repliesSayWhatTheyAre() throws Exception {
		mvc.perform(command("emma.wilson", "/steward whoami"))
			.andExpect(content().string(containsString("data-reply=\"ephemeral\"")))
			.andExpect(content().string(containsString("Only visible to you")));

		var form = mvc.perform(command("emma.wilson", "/demo form"))
			.andExpect(content().string(containsString("data-reply=\"form\"")))
			.andExpect(content().string(containsString("data-input-key=\"title\"")))
			.andExpect(content().string(containsString("inputmode=\"decimal\"")))
			.andExpect(content().string(containsString("<option value=\"study\">Study</option>")))
			.andExpect(content().string(containsString("Page 1 of 2")))
			.andExpect(content().string(containsString(">Next (2/2)</button>")))
			.andExpect(content().string(containsString(">Cancel</button>")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var session = form.replaceAll("(?s).*data-session=\"([^\"]+)\".*", "$1");

		mvc.perform(post("/playground/submit").header(PlaygroundGuard.HEADER, "1")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"as\":\"emma.wilson\",\"c\":\"channel:general\",\"session\":\"" + session
					+ "\",\"page\":0,\"values\":{\"title\":\"\",\"budget\":\"x\",\"kind\":\"study\"}}"))
			.andExpect(content().string(containsString("data-reply=\"errors\"")))
			.andExpect(content().string(containsString("data-error-for=\"title\">Please fill this in.</li>")))
			.andExpect(content().string(containsString("data-error-for=\"budget\">Enter a number, e.g. 250000.</li>")));
	}

	@Test
	void speaksThePersonsLanguageAndRemembersThem() throws Exception {
		mvc.perform(get("/").param("as", "zhang.wei"))
			.andExpect(cookie().value(PlaygroundController.COOKIE, "zhang.wei"))
			.andExpect(cookie().httpOnly(PlaygroundController.COOKIE, true))
			.andExpect(content().string(containsString("<html lang=\"zh-CN\">")))
			.andExpect(content().string(containsString(">发送</button>")));
		mvc.perform(get("/").cookie(new Cookie(PlaygroundController.COOKIE, "emma.wilson")))
			.andExpect(content().string(containsString("data-person=\"emma.wilson\"")))
			.andExpect(content().string(containsString(">Send</button>")));
		mvc.perform(get("/").header("Accept-Language", "zh-CN,zh;q=0.9"))
			.andExpect(content().string(containsString("请先在左上角选择你的身份")));
	}

	@Test
	void theLiveStreamTellsOnlyThePagesThatMayShowTheChange() throws Exception {
		var lina = mvc.perform(get("/playground/events").param("as", "li.na"))
			.andExpect(request().asyncStarted())
			.andReturn();
		var channel = "live-" + deliveries.incrementAndGet();

		door.post(new Delivery(deliveries.incrementAndGet(), ChannelRef.channel("playground", channel),
				Message.text("for everyone")));
		door.post(new Delivery(deliveries.incrementAndGet(), ChannelRef.direct("playground", "emma.wilson"),
				Message.text("for Emma")));
		door.post(new Delivery(deliveries.incrementAndGet(), ChannelRef.direct("playground", "li.na"),
				Message.text("for Li Na")));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(lina.getResponse().getContentAsString())
				.contains("event:changed\ndata:channel:" + channel)
				.contains("event:changed\ndata:dm:li.na"));
		assertThat(lina.getResponse().getContentAsString()).doesNotContain("dm:emma.wilson");
		assertThat(lina.getResponse().getContentType()).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);
	}

}
