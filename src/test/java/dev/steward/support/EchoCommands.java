package dev.steward.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.steward.conversation.ChatCommands;
import dev.steward.conversation.CommandRequest;
import dev.steward.conversation.CommandSpec;
import dev.steward.conversation.Message;
import dev.steward.conversation.Outbox;
import dev.steward.conversation.Reply;

/**
 * A feature as small as one can be, for a door's module test: {@code /echo say …} answers the
 * person; {@code /echo post …} posts to the channel through the outbox, and says so when asked.
 * The words are one typed option taking the rest of the line (Discord sends only typed options).
 */
public class EchoCommands implements ChatCommands {

	/** Every command received, in order. */
	public final List<CommandRequest> received = new CopyOnWriteArrayList<>();

	private final Outbox outbox;

	private final boolean confirmPost;

	public EchoCommands(Outbox outbox, boolean confirmPost) {
		this.outbox = outbox;
		this.confirmPost = confirmPost;
	}

	@Override
	public List<CommandSpec> commands() {
		// an existing key: the words are not what these tests are about
		var words = List.of(CommandSpec.Option.required("words", CommandSpec.Option.Type.TEXT, "kernel.help.all"));
		return List.of(new CommandSpec("echo", "say", words, "kernel.help.all", request -> {
			received.add(request);
			return Reply.say(request.caller().name() + " said: " + request.argText());
		}), new CommandSpec("echo", "post", words, "kernel.help.all", request -> {
			received.add(request);
			outbox.toChannel(request.channel(), Message.text(request.argText()), null);
			return confirmPost ? Reply.say("posted") : Reply.silent();
		}));
	}

}
