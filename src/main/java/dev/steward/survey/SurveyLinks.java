package dev.steward.survey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.steward.firm.Separately;

/**
 * Signs and checks the links to a survey's web page (§5.3): HMAC-SHA256 over the survey, the
 * contact and the expiry, so a link names who answers what until when, and no one can alter it or
 * make one. The key is {@code STEWARD_LINK_SECRET}; when that is unset, a secret made at the first
 * start and kept in the database, so several instances on one database agree. (That a link is used
 * once is the answers' business, not the link's.)
 */
@Component
public class SurveyLinks {

	/** The version of the token's layout, so a later one can be told apart. */
	private static final String VERSION = "1";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String configured;

	private volatile byte[] key;

	private final Separately separately;

	/** Where the page is reached from outside: {@code STEWARD_PUBLIC_URL}, without a trailing slash. */
	private final String publicUrl;

	SurveyLinks(JdbcClient jdbc, Clock clock, Separately separately,
			@Value("${steward.links.secret:}") String configured,
			@Value("${steward.public-url:http://localhost:8080}") String publicUrl) {
		this.publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080"
				: publicUrl.strip().replaceAll("/+$", "");
		this.jdbc = jdbc;
		this.clock = clock;
		this.separately = separately;
		this.configured = configured == null ? "" : configured.strip();
	}

	/** What a link is for: a survey, the contact asked, and until when (to the second) it may be used. */
	public record Link(long surveyId, long contactId, Instant expires) {

		public Link {
			expires = expires.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		}

	}

	/** Why a token is refused: it is not one of ours (or was changed), or its time is over. */
	public enum Refusal {

		ALTERED, EXPIRED

	}

	/** The outcome of checking a token: the link, or why not. */
	public record Checked(Optional<Link> link, Optional<Refusal> refusal) {

		static Checked valid(Link link) {
			return new Checked(Optional.of(link), Optional.empty());
		}

		static Checked refused(Refusal refusal) {
			return new Checked(Optional.empty(), Optional.of(refusal));
		}

	}

	/** The page's address for a link: {@code <public url>/s/<token>}. */
	public String url(Link link) {
		return publicUrl + PATH + sign(link);
	}

	/** Where survey pages live, under the public URL. */
	public static final String PATH = "/s/";

	/** The token of a link, URL-safe: {@code <payload>.<signature>}. */
	public String sign(Link link) {
		var payload = VERSION + ":" + link.surveyId() + ":" + link.contactId() + ":" + link.expires().getEpochSecond();
		var encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.US_ASCII));
		return encoded + "." + ENCODER.encodeToString(mac(encoded));
	}

	/**
	 * Checks a token as it came back: the signature first (anything changed, or not made with our
	 * key, is altered), then the time.
	 */
	public Checked check(String token) {
		if (token == null || token.length() > 200) {
			return Checked.refused(Refusal.ALTERED);
		}
		int dot = token.indexOf('.');
		if (dot <= 0 || dot != token.lastIndexOf('.')) {
			return Checked.refused(Refusal.ALTERED);
		}
		var encoded = token.substring(0, dot);
		byte[] signature;
		String payload;
		try {
			signature = DECODER.decode(token.substring(dot + 1));
			payload = new String(DECODER.decode(encoded), StandardCharsets.US_ASCII);
		}
		catch (IllegalArgumentException notBase64) {
			return Checked.refused(Refusal.ALTERED);
		}
		// the same bytes as signed: a token re-encoded another way (padding, other letters) is not ours
		if (!MessageDigest.isEqual(signature, mac(encoded))
				|| !ENCODER.encodeToString(signature).equals(token.substring(dot + 1))
				|| !ENCODER.encodeToString(payload.getBytes(StandardCharsets.US_ASCII)).equals(encoded)) {
			return Checked.refused(Refusal.ALTERED);
		}
		var parts = payload.split(":", -1);
		if (parts.length != 4 || !VERSION.equals(parts[0])) {
			return Checked.refused(Refusal.ALTERED);
		}
		Link link;
		try {
			link = new Link(Long.parseLong(parts[1]), Long.parseLong(parts[2]),
					Instant.ofEpochSecond(Long.parseLong(parts[3])));
		}
		catch (NumberFormatException ex) {
			return Checked.refused(Refusal.ALTERED);
		}
		return clock.instant().isBefore(link.expires()) ? Checked.valid(link) : Checked.refused(Refusal.EXPIRED);
	}

	private byte[] mac(String encoded) {
		// doFinal leaves the Mac ready for the next token under the same key
		return macs.get().doFinal(encoded.getBytes(StandardCharsets.US_ASCII));
	}

	/** A thread's Mac under the key, made once: a survey round signs a link for each web contact. */
	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	});

	/** The key: the configured secret, or the database's, made now if no instance has made it yet. */
	private byte[] key() {
		var known = key;
		if (known != null) {
			return known;
		}
		synchronized (this) {
			if (key == null) {
				var secret = configured.isEmpty() ? stored() : configured;
				key = secret.getBytes(StandardCharsets.UTF_8);
			}
			return key;
		}
	}

	private String stored() {
		var found = read();
		if (found.isPresent()) {
			return found.get();
		}
		var bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		try {
			// a transaction of its own: losing the race must not spoil the caller's
			separately.run(() -> jdbc
				.sql("insert into link_secret (id, secret, created_at) values (1, :secret, :at)")
				.param("secret", ENCODER.encodeToString(bytes))
				.param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
				.update());
		}
		catch (DuplicateKeyException anotherInstanceWasFirst) {
			// it made the secret a moment ago: use that one
		}
		return read().orElseThrow();
	}

	private Optional<String> read() {
		return jdbc.sql("select secret from link_secret where id = 1").query(String.class).optional();
	}

}
