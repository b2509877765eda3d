package dev.steward.conversation;

/**
 * Thrown by a handler to refuse politely: the kernel rolls back whatever the handler changed and
 * shows the message to the actor alone.
 */
public class Refusal extends RuntimeException {

	private final transient Message reply;

	public Refusal(String text) {
		this(Message.text(text));
	}

	public Refusal(Message reply) {
		super(reply.fallback());
		this.reply = reply;
	}

	public Message reply() {
		return reply;
	}

}
