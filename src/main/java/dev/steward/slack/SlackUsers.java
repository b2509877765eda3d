package dev.steward.slack;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.methods.MethodsClient;

/**
 * A person's language and time zone as Slack knows them ({@code users.info}), for people the
 * directory does not say, and their name and profile e-mail, to match someone the directory does
 * not know yet. Cached, because every interaction needs them and Slack rate-limits the method; a
 * failed look-up is cached briefly too, so a Slack outage does not slow every request.
 */
class SlackUsers {

	private static final Logger log = LoggerFactory.getLogger(SlackUsers.class);

	private static final Duration FAILED_FOR = Duration.ofMinutes(1);

	/**
	 * What Slack says of a person; any may be {@code null}. The e-mail is there only with the
	 * {@code users:read.email} scope and when the profile has one.
	 */
	record Profile(Locale locale, ZoneId zone, String name, String email, boolean bot, boolean deleted) {

		static final Profile UNKNOWN = new Profile(null, null, null, null, false, false);

		/** Whether Slack answered for this person at all. */
		boolean known() {
			return !equals(UNKNOWN);
		}

	}

	private record Cached(Profile profile, Instant until) {
	}

	private final MethodsClient methods;

	private final Duration ttl;

	private final Clock clock;

	private final Executor background;

	private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

	SlackUsers(MethodsClient methods, Duration ttl, Clock clock, Executor background) {
		this.methods = methods;
		this.ttl = ttl;
		this.clock = clock;
		this.background = background;
	}

	/** The person's profile, asking Slack if it is not cached (for work done after the ack). */
	Profile profile(String userId) {
		var cached = fresh(userId);
		return cached != null ? cached.profile() : fetch(userId);
	}

	/**
	 * The cached profile, never waiting for Slack (for answers due within Slack's 3 seconds);
	 * unknown ones are looked up in the background for next time.
	 */
	Profile cachedProfile(String userId) {
		var cached = fresh(userId);
		if (cached != null) {
			return cached.profile();
		}
		background.execute(() -> fetch(userId));
		return Profile.UNKNOWN;
	}

	private Cached fresh(String userId) {
		var cached = cache.get(userId);
		return cached != null && cached.until().isAfter(clock.instant()) ? cached : null;
	}

	private Profile fetch(String userId) {
		try {
			var response = methods.usersInfo(request -> request.user(userId).includeLocale(true));
			if (response.isOk() && response.getUser() != null) {
				var user = response.getUser();
				var profile = new Profile(locale(user.getLocale()), zone(user.getTz()), SlackMembers.name(user),
						SlackMembers.email(user), SlackMembers.bot(user), user.isDeleted());
				cache.put(userId, new Cached(profile, clock.instant().plus(ttl)));
				return profile;
			}
			log.info("users.info for {} answered {}", userId, response.getError());
		}
		catch (Exception ex) {
			log.info("users.info for {} failed: {}", userId, ex.toString());
		}
		cache.put(userId, new Cached(Profile.UNKNOWN, clock.instant().plus(FAILED_FOR)));
		return Profile.UNKNOWN;
	}

	private static Locale locale(String tag) {
		return tag == null || tag.isBlank() ? null : Locale.forLanguageTag(tag);
	}

	private static ZoneId zone(String tz) {
		try {
			return tz == null || tz.isBlank() ? null : ZoneId.of(tz);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

}
