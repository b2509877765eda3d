package dev.steward.conversation.spi;

import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.Message;

/** A platform the outbox delivers to. One bean per active door. */
public interface Door {

	String name();

	/** Posts a message and answers the platform's id for it. */
	String post(Delivery delivery) throws DeliveryFailure;

	/** Rewrites a message posted earlier. */
	void update(Delivery delivery, String platformMessageId) throws DeliveryFailure;

	/**
	 * How long until this door would take a post to a conversation by its own pacing; zero if it
	 * would now (the default: a door that does not pace). The outbox asks before it marks a message
	 * as tried, so a message that must wait costs one write. A hint: a post may still answer
	 * {@link DeliveryFailure#paced}.
	 */
	default java.time.Duration readyIn(ChannelRef to) {
		return java.time.Duration.ZERO;
	}

	/**
	 * One message to deliver.
	 * @param id the outbox id, unique and stable across retries (doors use it to avoid doubles)
	 * @param mayBeThere whether an earlier attempt was handed to the door and may have reached the
	 * platform without its answer being recorded (a crash, a time-out): a door that must look for
	 * the message before posting it again need only look then
	 */
	record Delivery(long id, ChannelRef to, Message message, boolean mayBeThere) {

		/** A delivery never attempted before. */
		public Delivery(long id, ChannelRef to, Message message) {
			this(id, to, message, false);
		}

	}

	/** A delivery that did not go through; retried unless permanent. */
	class DeliveryFailure extends Exception {

		private final boolean permanent;

		private final java.time.Duration retryAfter;

		private final boolean attempted;

		private final boolean rateLimited;

		public DeliveryFailure(String message, boolean permanent, java.time.Duration retryAfter) {
			this(message, permanent, retryAfter, true, false);
		}

		private DeliveryFailure(String message, boolean permanent, java.time.Duration retryAfter, boolean attempted,
				boolean rateLimited) {
			super(message);
			this.permanent = permanent;
			this.retryAfter = retryAfter;
			this.attempted = attempted;
			this.rateLimited = rateLimited;
		}

		/**
		 * Not sent yet because the door paces this conversation (e.g. Slack's one message a
		 * second a channel): try again after the wait, without counting it as a failed attempt.
		 */
		public static DeliveryFailure paced(java.time.Duration wait) {
			return new DeliveryFailure("paced", false, wait, false, false);
		}

		/**
		 * The platform refused the message whole for its rate limit (Slack's and Discord's 429) and
		 * said how long to wait: it was not posted, and the refusal is no failed attempt, however
		 * often it comes. A message is never given up for the platform being busy.
		 */
		public static DeliveryFailure rateLimited(String message, java.time.Duration wait) {
			return new DeliveryFailure(message, false, wait, false, true);
		}

		/** Whether the platform refused it for its rate limit (see {@link #rateLimited}). */
		public boolean rateLimited() {
			return rateLimited;
		}

		/** Whether the platform was really tried (pacing waits and rate limits are not attempts). */
		public boolean attempted() {
			return attempted;
		}

		public boolean permanent() {
			return permanent;
		}

		/** How long the platform asked us to wait, or {@code null}. */
		public java.time.Duration retryAfter() {
			return retryAfter;
		}

	}

}
