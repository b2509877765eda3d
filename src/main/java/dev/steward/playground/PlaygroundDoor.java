package dev.steward.playground;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.conversation.spi.Door;
import tools.jackson.databind.json.JsonMapper;

/**
 * The playground as a platform the outbox delivers to: a message is a row of
 * {@code playground_message} (its id is the platform message id), and every open page that shows
 * its conversation hears of it at once. A message's files are rows of {@code playground_file}, written
 * with it, so a retried delivery that finds the message finds its files too.
 */
@Component
@ConditionalOnPlayground
class PlaygroundDoor implements Door {

	static final String NAME = "playground";

	private final PlaygroundMessages messages;

	private final JsonMapper json;

	private final LiveUpdates live;

	private final PlaygroundFiles files;

	private final TransactionTemplate tx;

	PlaygroundDoor(PlaygroundMessages messages, JsonMapper json, LiveUpdates live, PlaygroundFiles files,
			TransactionTemplate tx) {
		this.messages = messages;
		this.json = json;
		this.live = live;
		this.files = files;
		this.tx = tx;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String post(Delivery delivery) {
		var conversation = Conversation.of(delivery.to());
		var message = delivery.message();
		var id = messages.posted(delivery.id()).orElseGet(() -> tx.execute(status -> {
			long posted = messages.insert(delivery.id(), conversation, json.writeValueAsString(message.withoutFiles()));
			files.save(posted, message.files());
			return posted;
		}));
		announce(conversation);
		return String.valueOf(id);
	}

	@Override
	public void update(Delivery delivery, String platformMessageId) throws DeliveryFailure {
		long id;
		try {
			id = Long.parseLong(platformMessageId);
		}
		catch (NumberFormatException ex) {
			throw new DeliveryFailure("Not a playground message id: " + platformMessageId, true, null);
		}
		var row = messages.replace(id, json.writeValueAsString(delivery.message()))
			.orElseThrow(() -> new DeliveryFailure("No playground message " + platformMessageId, true, null));
		announce(row.conversation());
	}

	/** Tells the pages once the change can be read, i.e. after the commit if there is a transaction. */
	private void announce(Conversation conversation) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					live.changed(conversation);
				}
			});
		}
		else {
			live.changed(conversation);
		}
	}

}
