package dev.steward.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.Message;
import dev.steward.conversation.spi.Door;

/**
 * A door for tests that keeps what it was sent, per conversation, and applies updates in place,
 * as a chat platform would. Its user ids are directory person ids.
 */
public class RecordingDoor implements Door {

	public static final String NAME = "test";

	private final AtomicLong ids = new AtomicLong();

	private final Map<String, Posted> byId = new ConcurrentHashMap<>();

	/** A message as it now stands on the platform, and how often it was rewritten. */
	public record Posted(String id, ChannelRef to, Message message, int updates) {
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String post(Delivery delivery) {
		var id = "m" + ids.incrementAndGet();
		byId.put(id, new Posted(id, delivery.to(), delivery.message(), 0));
		return id;
	}

	@Override
	public void update(Delivery delivery, String platformMessageId) {
		byId.computeIfPresent(platformMessageId,
				(id, posted) -> new Posted(id, posted.to(), delivery.message(), posted.updates() + 1));
	}

	/** Messages in a person's direct conversation, oldest first. */
	public List<Posted> directTo(String personId) {
		return in(ChannelRef.direct(NAME, personId));
	}

	public List<Posted> in(ChannelRef channel) {
		var list = new ArrayList<Posted>();
		byId.values().stream().filter(posted -> posted.to().equals(channel)).forEach(list::add);
		list.sort(java.util.Comparator.comparingLong(posted -> Long.parseLong(posted.id().substring(1))));
		return list;
	}

	public List<Posted> all() {
		return List.copyOf(byId.values());
	}

	public void clear() {
		byId.clear();
	}

}
