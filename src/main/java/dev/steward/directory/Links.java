package dev.steward.directory;

import java.time.Instant;
import java.util.Locale;

/** The directory's records of chat accounts linked to people while Steward ran, and of who is not linked. */
public final class Links {

	private Links() {
	}

	/**
	 * A chat account linked to a person.
	 * @param linkedBy who linked it: an admin's directory id, or {@code steward} for a match by e-mail
	 */
	public record Link(String door, String userId, String personId, LinkWay how, String linkedBy, Instant linkedAt) {
	}

	/** One line of the record of links and unlinks. */
	public record Change(String door, String userId, String personId, boolean linked, LinkWay how, String actor,
			Instant at) {
	}

	/** Why an account that acted matched nobody. */
	public enum Unmatched {

		/** The platform's profile has no e-mail (or Steward may not read it). */
		NO_EMAIL,
		/** Nobody in the directory has the profile's e-mail. */
		NO_PERSON,
		/** The e-mail names a person whose directory entry names another account on that platform. */
		ID_DISAGREES,
		/** The account is a bot. */
		BOT;

		public String key() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		static Unmatched fromKey(String key) {
			return valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
		}

	}

	/** A chat account that acted but matched nobody in the directory (until it does). */
	public record Stranger(String door, String userId, String name, String email, Unmatched why, Instant lastSeen) {
	}

	/** A claim to a person's account on a door, waiting for an admin (or decided). */
	public record Claim(long id, String door, String userId, String userName, String personId, Status status,
			Instant claimedAt, String decidedBy, Instant decidedAt) {

		/** Where a claim stands. */
		public enum Status {

			PENDING, CONFIRMED, REJECTED, REPLACED

		}

	}

}
