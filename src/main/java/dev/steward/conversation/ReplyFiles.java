package dev.steward.conversation;

import java.util.ArrayList;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Files in an answer only the actor sees: no platform lets every door attach a file to an ephemeral
 * answer (Slack's ephemeral messages take no files at all), so the kernel sends the answer with its
 * files to the person's direct messages on the same door, through the outbox, and the ephemeral
 * answer, without files, says where they went. Every door then behaves the same.
 */
@Component
class ReplyFiles {

	/** Looked up when first needed: the outbox needs the doors, and a door may need the gateway. */
	private final ObjectProvider<Outbox> outbox;

	private final Texts texts;

	ReplyFiles(ObjectProvider<Outbox> outbox, Texts texts) {
		this.outbox = outbox;
		this.texts = texts;
	}

	/**
	 * The reply a door gets: an ephemeral answer's files are queued to the actor's direct messages,
	 * unless the handler's work is being rolled back, when they are dropped with it.
	 */
	Reply deliver(Caller caller, Actor actor, Reply reply, boolean rollingBack) {
		if (!(reply instanceof Reply.Ephemeral ephemeral) || !ephemeral.message().hasFiles()) {
			return reply;
		}
		var message = ephemeral.message();
		if (rollingBack) {
			return new Reply.Ephemeral(message.withoutFiles(), ephemeral.refusal(), ephemeral.replacing());
		}
		outbox.getObject().toChannel(ChannelRef.direct(actor.door(), actor.userId()), message, null);
		var names = message.files().stream().map(Attachment::name).collect(Collectors.joining(", "));
		var blocks = new ArrayList<>(message.blocks());
		blocks.add(new Block.Context(texts.get(caller, "kernel.files.sent", message.files().size(), names)));
		return new Reply.Ephemeral(new Message(message.fallback(), blocks), ephemeral.refusal(), ephemeral.replacing());
	}

}
