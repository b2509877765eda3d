package dev.steward.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * The faults a test scripts for a fake platform (the fake Slack Web API, the fake Discord REST API):
 * for the next calls of a method, to one target or any, the platform (or the network on the way)
 * misbehaves as a {@link Fault} says. The fake asks {@link #take} for each call and {@link #carryOut}
 * the fault: an HTTP status, a slow answer ({@link #pause}), no answer at all ({@link #hang}), or a
 * connection closed without an answer, before or after the platform acted.
 */
public final class ScriptedFaults {

	/**
	 * How a call misbehaves. {@link #status} answers an HTTP status (a 5xx, or 429 with
	 * Retry-After), {@link #slow} answers after a delay, {@link #hang} never answers (the client must
	 * give up), {@link #reset} breaks the connection before the platform acts, {@link #resetAfterActing}
	 * after it (the message is posted, its answer lost).
	 */
	public record Fault(Kind kind, int status, Integer retryAfter, Duration delay) {

		public enum Kind {

			STATUS, SLOW, HANG, RESET, RESET_AFTER_ACTING

		}

		public static Fault status(int status, Integer retryAfterSeconds) {
			return new Fault(Kind.STATUS, status, retryAfterSeconds, null);
		}

		public static Fault slow(Duration delay) {
			return new Fault(Kind.SLOW, 0, null, delay);
		}

		public static Fault hang() {
			return new Fault(Kind.HANG, 0, null, null);
		}

		public static Fault reset() {
			return new Fault(Kind.RESET, 0, null, null);
		}

		public static Fault resetAfterActing() {
			return new Fault(Kind.RESET_AFTER_ACTING, 0, null, null);
		}

		/** Every kind of fault, as the fault tests try each. */
		public static List<Fault> all() {
			return List.of(status(500, null), status(503, null), status(429, 1), slow(Duration.ofMillis(2_500)), hang(),
					reset(), resetAfterActing());
		}

		@Override
		public String toString() {
			return switch (kind) {
				case STATUS -> "HTTP " + status + (retryAfter == null ? "" : " with Retry-After " + retryAfter);
				case SLOW -> "slow (" + delay.toMillis() + " ms)";
				case HANG -> "hung";
				case RESET -> "connection reset";
				case RESET_AFTER_ACTING -> "connection reset after acting";
			};
		}

	}

	/** A scripted fault, for the next {@code left} calls of its method to a target it matches. */
	private static final class Scripted {

		final Fault fault;

		final Predicate<String> where;

		int left;

		Scripted(Fault fault, Predicate<String> where, int times) {
			this.fault = fault;
			this.where = where;
			this.left = times;
		}

	}

	/** For ever, until {@link #clear}. */
	public static final int ALWAYS = Integer.MAX_VALUE;

	private final Map<String, List<Scripted>> scripted = new ConcurrentHashMap<>();

	/** What hung calls wait for: {@link #releaseHung} (or a minute) lets them end, still unanswered. */
	private volatile CountDownLatch hung = new CountDownLatch(1);

	/**
	 * The next {@code times} calls of a method to a target the predicate accepts meet this fault
	 * ({@link #ALWAYS}: until {@link #clear}).
	 */
	public void add(String method, Predicate<String> where, Fault fault, int times) {
		scripted.computeIfAbsent(method, key -> new CopyOnWriteArrayList<>()).add(new Scripted(fault, where, times));
	}

	/** The fault this call meets, if one is scripted for it; counts it. */
	public Fault take(String method, String target) {
		var faults = scripted.get(method);
		if (faults == null) {
			return null;
		}
		synchronized (faults) {
			for (var candidate : faults) {
				if (candidate.left > 0 && candidate.where.test(target)) {
					if (candidate.left != ALWAYS) {
						candidate.left--;
					}
					return candidate.fault;
				}
			}
		}
		return null;
	}

	/** Takes every scripted fault away, and lets hung calls end. */
	public void clear() {
		scripted.clear();
		releaseHung();
	}

	/** Lets the calls that hang end (without an answer: their client gave up long ago). */
	public void releaseHung() {
		var released = hung;
		hung = new CountDownLatch(1);
		released.countDown();
	}

	/** A call that gets no answer: the fake's thread waits until released (a minute at most). */
	public void hang() {
		try {
			// bounded, so a failing test cannot keep a thread of a shared fake for ever
			hung.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** What a fake does for a fault: answer with its platform's own refusal, or act on the call. */
	@FunctionalInterface
	public interface Step {

		void run() throws java.io.IOException;

	}

	/**
	 * Carries out a fault the fake took for a call: answers whether the call is over (answered with
	 * the platform's refusal, or its connection closed without an answer, before or after the
	 * platform acted), or goes on as usual (a slow answer, once its delay is over).
	 */
	public boolean carryOut(Fault fault, Step refuse, Step act) throws java.io.IOException {
		switch (fault.kind()) {
			case STATUS -> refuse.run();
			case SLOW -> {
				pause(fault.delay());
				return false;
			}
			case HANG -> hang(); // the connection closes without an answer
			case RESET -> {
				// closed without an answer: the client reads the end of the stream
			}
			case RESET_AFTER_ACTING -> act.run();
		}
		return true;
	}

	/** A slow platform: the fake's thread answers after the delay. */
	public static void pause(Duration delay) {
		long until = System.nanoTime() + delay.toNanos();
		for (long left = delay.toNanos(); left > 0 && !Thread.currentThread().isInterrupted();
				left = until - System.nanoTime()) {
			LockSupport.parkNanos(left);
		}
	}

}
