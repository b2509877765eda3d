package dev.steward.slack;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.User;

import dev.steward.conversation.spi.Members;

/**
 * The workspace's members and their profile e-mails, for the directory to match people by
 * ({@code users:read.email}): {@code users.list} page by page ({@code response_metadata.next_cursor}),
 * {@code users.info} through {@link SlackUsers}' cache, {@code users.lookupByEmail}. Each method is
 * paced to its rate-limit tier (users.list is Tier 2, about 20 a minute; users.lookupByEmail Tier 3,
 * about 50), and a 429 is waited out as its Retry-After says, so Steward never hammers Slack.
 */
class SlackMembers implements Members {

	private static final Logger log = LoggerFactory.getLogger(SlackMembers.class);

	/** Members a users.list page asks for (Slack suggests no more than 200). */
	static final int PAGE = 200;

	/** How many times one call is tried when Slack says to wait (429) or fails. */
	static final int TRIES = 5;

	/** The longest Retry-After waited out; a longer one gives up this round. */
	static final Duration LONGEST_WAIT = Duration.ofMinutes(2);

	private final MethodsClient methods;

	private final SlackUsers users;

	private final Map<String, Duration> paces;

	private final Map<String, Long> lastCall = new ConcurrentHashMap<>();

	/**
	 * @param listPace the least time between two users.list calls
	 * @param lookupPace the least time between two users.lookupByEmail calls
	 */
	SlackMembers(MethodsClient methods, SlackUsers users, Duration listPace, Duration lookupPace) {
		this.methods = methods;
		this.users = users;
		this.paces = Map.of("users.list", listPace, "users.lookupByEmail", lookupPace);
	}

	@Override
	public String door() {
		return SlackDoor.NAME;
	}

	@Override
	public List<Member> all() throws MembersUnavailable {
		var members = new ArrayList<Member>();
		String cursor = null;
		int pages = 0;
		do {
			var next = cursor;
			var response = call("users.list", () -> methods.usersList(request -> request.limit(PAGE).cursor(next)));
			if (response == null || !response.isOk()) {
				throw new MembersUnavailable("users.list answered " + (response == null ? "nothing after " + TRIES
						+ " tries" : response.getError() + needed(response)));
			}
			if (response.getMembers() != null) {
				response.getMembers().forEach(user -> members.add(member(user)));
			}
			cursor = response.getResponseMetadata() == null ? null : response.getResponseMetadata().getNextCursor();
			pages++;
		}
		while (cursor != null && !cursor.isBlank());
		log.debug("users.list: {} members in {} pages", members.size(), pages);
		return members;
	}

	@Override
	public Optional<Member> member(String userId) {
		// a name or directory id typed where a person is asked for is no Slack user: do not ask Slack
		if (userId == null || !userId.matches("[UW][A-Z0-9]{2,}")) {
			return Optional.empty();
		}
		var profile = users.profile(userId);
		if (!profile.known()) {
			return Optional.empty();
		}
		return Optional.of(new Member(userId, profile.name(), profile.email(), profile.bot(), profile.deleted()));
	}

	@Override
	public Optional<Member> byEmail(String email) {
		try {
			var response = call("users.lookupByEmail", () -> methods.usersLookupByEmail(request -> request.email(email)));
			if (response == null) {
				return Optional.empty();
			}
			if (!response.isOk()) {
				if (!"users_not_found".equals(response.getError())) {
					log.warn("users.lookupByEmail answered {}{}", response.getError(), needed(response));
				}
				return Optional.empty();
			}
			return Optional.ofNullable(response.getUser()).map(SlackMembers::member);
		}
		catch (MembersUnavailable ex) {
			return Optional.empty();
		}
	}

	/** A Slack call, paced to its method's tier, trying again as a 429's Retry-After says; null if it never went through. */
	private <T extends SlackApiTextResponse> T call(String method, SlackCall<T> call) throws MembersUnavailable {
		for (int attempt = 1; attempt <= TRIES; attempt++) {
			pace(method);
			try {
				var answer = call.run();
				ended(method);
				return answer;
			}
			catch (SlackApiException ex) {
				ended(method);
				int code = ex.getResponse().code();
				var wait = retryAfter(ex.getResponse().header("Retry-After"), attempt);
				if (code != 429 && code < 500) {
					throw new MembersUnavailable(method + " answered HTTP " + code);
				}
				if (wait.compareTo(LONGEST_WAIT) > 0) {
					throw new MembersUnavailable(method + " asked to wait " + wait + ", longer than Steward waits");
				}
				log.info("{} answered HTTP {}: trying again in {}", method, code, wait);
				sleep(wait);
			}
			catch (IOException ex) {
				ended(method);
				log.info("{} failed: {}", method, ex.toString());
				sleep(retryAfter(null, attempt));
			}
		}
		return null;
	}

	/** Waits until the method's pace allows the next call. */
	private void pace(String method) {
		var pace = paces.getOrDefault(method, Duration.ZERO);
		synchronized (lastCall) {
			var last = lastCall.get(method);
			if (last != null) {
				long waitNanos = last + pace.toNanos() - System.nanoTime();
				if (waitNanos > 0) {
					sleep(Duration.ofNanos(waitNanos));
				}
			}
			lastCall.put(method, System.nanoTime());
		}
	}

	/**
	 * A call has its answer: the pace counts from now, as Slack counts from when a call reached it
	 * (a call that travelled slowly must not make the next one look too soon).
	 */
	private void ended(String method) {
		synchronized (lastCall) {
			lastCall.put(method, System.nanoTime());
		}
	}

	private static Duration retryAfter(String header, int attempt) {
		try {
			if (header != null) {
				return Duration.ofSeconds(Math.max(1, Long.parseLong(header.strip())));
			}
		}
		catch (NumberFormatException ex) {
			// fall through to backoff
		}
		return Duration.ofSeconds(1L << Math.min(attempt - 1, 5));
	}

	/** Pacing Slack's calls: a wait in this worker's own thread, never on a request's acknowledgement. */
	private static void sleep(Duration wait) {
		try {
			Thread.sleep(wait.toMillis(), (int) (wait.toNanos() % 1_000_000));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String needed(SlackApiTextResponse response) {
		return response.getNeeded() == null ? "" : " (needs the scope " + response.getNeeded()
				+ "; reinstall the app with the manifest in bot-manifests/slack)";
	}

	static Member member(User user) {
		return new Member(user.getId(), name(user), email(user), bot(user), user.isDeleted());
	}

	static String name(User user) {
		var profile = user.getProfile();
		if (profile != null && profile.getRealName() != null && !profile.getRealName().isBlank()) {
			return profile.getRealName();
		}
		if (user.getRealName() != null && !user.getRealName().isBlank()) {
			return user.getRealName();
		}
		return user.getName();
	}

	static String email(User user) {
		var profile = user.getProfile();
		var email = profile == null ? null : profile.getEmail();
		return email == null || email.isBlank() ? null : email.strip();
	}

	/** Bots, apps and Slackbot are never people. */
	static boolean bot(User user) {
		return user.isBot() || user.isAppUser() || "USLACKBOT".equals(user.getId());
	}

	@FunctionalInterface
	private interface SlackCall<T> {

		T run() throws IOException, SlackApiException;

	}

}
