package dev.steward.discord;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Component;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

import dev.steward.conversation.spi.Door;

/**
 * Discord as a platform the outbox delivers to: channel messages by channel id, direct messages by
 * opening the person's DM channel. JDA's requester keeps to Discord's per-route rate-limit buckets and
 * waits out a 429 by itself; what still fails comes back as a {@link DeliveryFailure} (server errors
 * and time-outs are retried, other refusals are not). Each post carries the outbox id as its nonce
 * with {@code enforce_nonce}, so a post retried after a crash is answered with the message that
 * already went out instead of a second one. The platform id is {@code channelId:messageId}, so an
 * update knows where to edit.
 * <p>
 * A message's files go as its attachments, in the same request (JDA sends it as
 * {@code multipart/form-data}: the message as {@code payload_json}, each file as {@code files[n]}),
 * so the nonce covers them too; a picture's title is its description (alternative text). An update
 * leaves the attachments as they are.
 */
@Component
@ConditionalOnDiscord
class DiscordDoor implements Door {

	/**
	 * Longest a delivery waits for Discord, queueing behind rate limits included; the outbox has one
	 * thread for every door, so a longer wait is better spent as a retry later.
	 */
	private static final Duration WAIT = Duration.ofSeconds(30);

	private final JDA jda;

	DiscordDoor(JDA jda) {
		this.jda = jda;
	}

	@Override
	public String name() {
		return DiscordInteractions.DOOR;
	}

	@Override
	public String post(Delivery delivery) throws DeliveryFailure {
		var channel = channel(delivery);
		var data = DiscordRendering.message(delivery.message());
		var action = channel.sendMessage(data).setNonce(nonce(delivery.id()));
		for (var file : delivery.message().files()) {
			action = action.addFiles(FileUpload.fromData(file.bytes(), file.name()).setDescription(file.title()));
		}
		var posted = call(action);
		return channel.getId() + ":" + posted.getId();
	}

	@Override
	public void update(Delivery delivery, String platformMessageId) throws DeliveryFailure {
		int colon = platformMessageId.indexOf(':');
		if (colon < 0) {
			throw new DeliveryFailure("Not a Discord message id: " + platformMessageId, true, null);
		}
		var channel = channel(delivery);
		var created = DiscordRendering.message(delivery.message());
		// not MessageEditData.fromCreateData: it sends an empty attachment list, which removes the files
		var data = new MessageEditBuilder().setContent(created.getContent())
			.setEmbeds(created.getEmbeds())
			.setComponents(created.getComponents())
			.build();
		call(channel.editMessageById(platformMessageId.substring(colon + 1), data));
	}

	/** Steward's nonce for an outbox row: stable across retries, within Discord's 25 characters. */
	static String nonce(long deliveryId) {
		return "steward-" + deliveryId;
	}

	private MessageChannel channel(Delivery delivery) throws DeliveryFailure {
		var to = delivery.to();
		if (to.direct()) {
			return call(jda.openPrivateChannelById(to.id()));
		}
		var channel = jda.getChannelById(GuildMessageChannel.class, to.id());
		if (channel == null) {
			throw new DeliveryFailure("Steward cannot see Discord channel " + to.id(), true, null);
		}
		return channel;
	}

	private static <T> T call(RestAction<T> action) throws DeliveryFailure {
		try {
			return action.submit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailure("Interrupted", false, null);
		}
		catch (TimeoutException ex) {
			throw new DeliveryFailure("Discord did not answer in " + WAIT.toSeconds() + "s", false, null);
		}
		catch (ExecutionException ex) {
			throw failure(ex.getCause());
		}
	}

	static DeliveryFailure failure(Throwable cause) {
		if (cause instanceof RateLimitedException limited) {
			return new DeliveryFailure(limited.getMessage(), false, Duration.ofMillis(limited.getRetryAfter()));
		}
		if (cause instanceof ErrorResponseException response) {
			int status = response.getResponse() == null ? 0 : response.getResponse().code;
			boolean retry = response.isServerError() || status == 429 || status >= 500;
			return new DeliveryFailure("Discord answered " + status + ": " + response.getMeaning(), !retry, null);
		}
		return new DeliveryFailure(String.valueOf(cause), false, null);
	}

}
