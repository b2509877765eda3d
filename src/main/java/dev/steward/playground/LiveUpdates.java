package dev.steward.playground;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open pages, each a stream of Server-Sent Events: when a conversation changes, every page
 * that may show it hears its {@link Conversation#key() key} and fetches it again. A channel
 * concerns every page, a direct conversation only the pages of its person.
 */
@Component
@ConditionalOnPlayground
class LiveUpdates implements SmartLifecycle {

	/** The event name a changed conversation is announced under. */
	static final String CHANGED = "changed";

	/** A stream ends after this; the browser opens a new one by itself. */
	private static final Duration TIMEOUT = Duration.ofMinutes(15);

	private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

	private volatile boolean running;

	private record Subscriber(String personId, SseEmitter emitter) {
	}

	/** Opens a stream for one page, shown as the given person. */
	SseEmitter subscribe(String personId) {
		var emitter = new SseEmitter(TIMEOUT.toMillis());
		if (!running) {
			emitter.complete();
			return emitter;
		}
		var subscriber = new Subscriber(personId, emitter);
		subscribers.add(subscriber);
		emitter.onCompletion(() -> subscribers.remove(subscriber));
		emitter.onTimeout(() -> {
			subscribers.remove(subscriber);
			emitter.complete();
		});
		emitter.onError(error -> subscribers.remove(subscriber));
		// a first event sends the headers at once, so the page knows it is live
		send(subscriber, SseEmitter.event().name("ready").data("ready"));
		return emitter;
	}

	/** Tells every page that may show the conversation that it changed. */
	void changed(Conversation conversation) {
		for (var subscriber : subscribers) {
			if (!conversation.direct() || conversation.name().equals(subscriber.personId())) {
				send(subscriber, SseEmitter.event().name(CHANGED).data(conversation.key()));
			}
		}
	}

	int subscribers() {
		return subscribers.size();
	}

	private void send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
		try {
			subscriber.emitter().send(event);
		}
		catch (IOException | IllegalStateException gone) {
			// the page went away; the container reports the broken stream to Spring MVC itself
			subscribers.remove(subscriber);
		}
	}

	@Override
	public void start() {
		running = true;
	}

	/** Ends every stream before the web server stops, so open pages never hold up a shutdown. */
	@Override
	public void stop() {
		running = false;
		for (var subscriber : subscribers) {
			subscribers.remove(subscriber);
			subscriber.emitter().complete();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
