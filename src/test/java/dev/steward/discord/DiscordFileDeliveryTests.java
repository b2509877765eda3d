package dev.steward.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.utils.FileUpload;

import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.Message;
import dev.steward.conversation.spi.Door.Delivery;
import dev.steward.conversation.spi.Door.DeliveryFailure;
import dev.steward.support.SampleFiles;

/**
 * A message's files reach Discord as its attachments: one multipart request, the message in
 * {@code payload_json}, each file in its {@code files[n]} part, kept when the message is edited.
 */
class DiscordFileDeliveryTests extends DiscordTest {

	/** Outbox ids far from the real outbox's, so these posts never meet its nonces. */
	private static final AtomicLong IDS = new AtomicLong(9_100_000);

	@Autowired
	DiscordDoor door;

	@Autowired
	DiscordGateway gateway;

	@Test
	void aPngAndACsvArriveAsMultipartAttachmentsWithTheirNamesTypesAndBytes() throws DeliveryFailure {
		var channelId = FakeDiscord.channel("delivery");
		long id = IDS.incrementAndGet();
		var report = SampleFiles.report("Risk report " + id);
		var platformId = door.post(new Delivery(id, ChannelRef.channel("discord", channelId), report));
		var messageId = platformId.substring(platformId.indexOf(':') + 1);

		var call = discord.calls("POST", "/channels/" + channelId + "/messages")
			.stream()
			.filter(c -> c.body().contains("Risk report " + id))
			.findFirst()
			.orElseThrow();
		assertThat(call.json().getString("nonce")).as("the nonce covers the files too").isEqualTo("steward-" + id);
		assertThat(call.files()).extracting(FakeDiscord.Part::filename).containsExactly("risk-heat-map.png", "risks.csv");
		assertThat(call.files().get(0).bytes()).isEqualTo(report.files().get(0).bytes());
		assertThat(call.files().get(1).bytes()).isEqualTo(report.files().get(1).bytes());

		var attachments = discord.message(messageId).getArray("attachments");
		assertThat(attachments.length()).isEqualTo(2);
		var png = attachments.getObject(0);
		assertThat(png.getString("filename")).isEqualTo("risk-heat-map.png");
		assertThat(png.getString("content_type")).isEqualTo("image/png");
		assertThat(png.getInt("size")).isEqualTo(report.files().get(0).size());
		assertThat(png.getString("description")).isEqualTo("Risk heat map");
		assertThat(attachments.getObject(1).getString("content_type")).startsWith("text/csv");
		assertThat(DiscordChat.text(discord.message(messageId))).contains("Risk report " + id);
	}

	@Test
	void anUpdateRewritesTheTextAndKeepsTheAttachments() throws DeliveryFailure {
		var channel = ChannelRef.channel("discord", FakeDiscord.channel("delivery"));
		long id = IDS.incrementAndGet();
		var platformId = door.post(new Delivery(id, channel, SampleFiles.report("Draft " + id)));
		var messageId = platformId.substring(platformId.indexOf(':') + 1);

		door.update(new Delivery(IDS.incrementAndGet(), channel, Message.text("Final " + id)), platformId);

		assertThat(DiscordChat.text(discord.message(messageId))).contains("Final " + id);
		assertThat(discord.message(messageId).getArray("attachments").length()).isEqualTo(2);
	}

	@Test
	void theFakeRefusesAFileOverDiscordsLimitAsDiscordDoes() {
		var channel = gateway.jda().getChannelById(TextChannel.class, FakeDiscord.channel("general"));
		var big = FileUpload.fromData(new byte[DiscordLimits.FILE_BYTES + 1], "big.zip");
		assertThatThrownBy(() -> channel.sendFiles(big).submit().get(30, TimeUnit.SECONDS))
			.cause()
			.isInstanceOfSatisfying(ErrorResponseException.class, error -> {
				assertThat(error.getErrorCode()).isEqualTo(40005);
				assertThat(error.getResponse().code).isEqualTo(413);
			});
	}

}
