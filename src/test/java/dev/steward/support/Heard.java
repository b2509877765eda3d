package dev.steward.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.EventListener;

/**
 * The application's own events (records of {@code dev.steward}), as they are published, in order,
 * whichever thread publishes them. Clear it before each test.
 */
public class Heard {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	/** Events whose publishing fails, as if a listener of theirs did. */
	private volatile java.util.function.Predicate<Object> failing = event -> false;

	@EventListener
	void on(Object event) {
		var payload = event instanceof PayloadApplicationEvent<?> wrapped ? wrapped.getPayload() : event;
		if (payload.getClass().getName().startsWith("dev.steward.")) {
			events.add(payload);
			if (failing.test(payload)) {
				throw new IllegalStateException("a listener failed (as the test asked): " + payload);
			}
		}
	}

	/** Makes the publishing of these events fail, as if a listener of theirs did, until cleared. */
	public void failOn(java.util.function.Predicate<Object> events) {
		this.failing = events;
	}

	public void clear() {
		events.clear();
		failing = event -> false;
	}

	/** The events of this type heard, in order. */
	public <T> List<T> of(Class<T> type) {
		return events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	/** The events of any of these types heard, in order. */
	public List<Object> any(Class<?>... types) {
		return events.stream().filter(event -> java.util.Arrays.stream(types).anyMatch(type -> type.isInstance(event)))
			.toList();
	}

}
