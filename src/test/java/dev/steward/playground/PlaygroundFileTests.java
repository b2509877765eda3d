package dev.steward.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.spi.Door.Delivery;
import dev.steward.support.SampleFiles;

/**
 * Files in the playground: a picture shown in the message, any other file a link with its name and
 * size, both served from {@code /playground/files/} to this machine only, byte for byte.
 */
@PlaygroundTest
class PlaygroundFileTests {

	/** Outbox ids far above the real outbox's, and apart from the other playground tests' (1e9, 2e9). */
	private static final AtomicLong deliveries = new AtomicLong(3_000_000_000L);

	private static final Pattern IMAGE = Pattern.compile("<img src=\"(/playground/files/[^\"]+)\" alt=\"Risk heat map\"");

	private static final Pattern LINK = Pattern.compile(
			"class=\"file-download\"[^>]*href=\"(/playground/files/[^\"]+)\" download=\"risks.csv\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	PlaygroundDoor door;

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private String conversation(String channel) throws Exception {
		return mvc.perform(get("/playground/conversation").param("as", "emma.wilson").param("c", "channel:" + channel)
			.with(from("127.0.0.1"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static String found(Pattern pattern, String html) {
		var matcher = pattern.matcher(html);
		assertThat(matcher.find()).as("%s in %s", pattern, html).isTrue();
		return matcher.group(1).replace("&amp;", "&");
	}

	@Test
	void thePictureIsShownAndTheExportLinkDownloadsTheSameBytes() throws Exception {
		var channel = "files" + System.nanoTime();
		var report = SampleFiles.report("Weekly risk report");
		door.post(new Delivery(deliveries.incrementAndGet(), ChannelRef.channel("playground", channel), report));

		var html = conversation(channel);
		assertThat(html).contains("Weekly risk report").contains("<span class=\"file-name\">risks.csv</span>")
			.contains("<span class=\"file-size\">" + report.files().get(1).size() + " B</span>");

		var png = mvc.perform(get(found(IMAGE, html)).with(from("127.0.0.1")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("Content-Disposition", startsWith("inline; filename=\"risk-heat-map.png\"")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(png).isEqualTo(report.files().get(0).bytes());

		var csv = mvc.perform(get(found(LINK, html)).with(from("127.0.0.1")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", startsWith("attachment; filename=\"risks.csv\"")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(csv).isEqualTo(report.files().get(1).bytes());
	}

	@Test
	void filesAreServedToThisMachineOnlyAndAnUnknownOneIsNotFound() throws Exception {
		var channel = "guarded" + System.nanoTime();
		door.post(new Delivery(deliveries.incrementAndGet(), ChannelRef.channel("playground", channel),
				SampleFiles.report("Guarded")));
		var url = found(IMAGE, conversation(channel));

		mvc.perform(get(url).with(from("203.0.113.7"))).andExpect(status().isForbidden());
		mvc.perform(get("/playground/files/999999999/0/x.png").with(from("127.0.0.1"))).andExpect(status().isNotFound());
	}

	@Test
	void aRetriedDeliveryShowsItsFilesOnce() throws Exception {
		var channel = "retried" + System.nanoTime();
		var delivery = new Delivery(deliveries.incrementAndGet(), ChannelRef.channel("playground", channel),
				SampleFiles.report("Once"), true);
		door.post(delivery);
		door.post(delivery);

		var html = conversation(channel);
		var images = new ArrayList<String>();
		var matcher = IMAGE.matcher(html);
		while (matcher.find()) {
			images.add(matcher.group(1));
		}
		assertThat(images).hasSize(1);
		assertThat(List.of(html.split("class=\"file-download\""))).hasSize(2);
	}

}
