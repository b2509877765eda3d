package dev.steward.conversation;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * Who acts, as the kernel needs them: who, in which language and zone, and what they may do, so a
 * handler asks {@code caller.isAdmin()} or {@code caller.maySee(code)} in one call. Usually a person
 * the directory knows; for an {@linkplain CommandSpec#open() open command} possibly a
 * {@linkplain #guest() guest}, someone the directory does not know, who may do nothing special.
 */
@org.springframework.modulith.NamedInterface("model")
public record Caller(String personId, String name, Locale locale, ZoneId zone, Authority authority) {

	public Caller {
		authority = authority == null ? Authority.NONE : authority;
	}

	/** A caller who may do nothing special (a channel's readers, tests). */
	public Caller(String personId, String name, Locale locale, ZoneId zone) {
		this(personId, name, locale, zone, Authority.NONE);
	}

	public boolean isAdmin() {
		return authority.isAdmin();
	}

	/** Whether the person holds the directory role with this key, e.g. {@code management}. */
	public boolean holds(String role) {
		return authority.holds(role);
	}

	public boolean heads(String departmentId) {
		return authority.heads(departmentId);
	}

	public boolean isOnTeam(String projectCode) {
		return authority.isOnTeam(projectCode);
	}

	public boolean maySee(String projectCode) {
		return authority.maySee(projectCode);
	}

	/** Two callers are the same person seen the same way; how their authority is answered is not part of it. */
	@Override
	public boolean equals(Object other) {
		return other instanceof Caller that && java.util.Objects.equals(personId, that.personId)
				&& java.util.Objects.equals(name, that.name) && java.util.Objects.equals(locale, that.locale)
				&& java.util.Objects.equals(zone, that.zone);
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hash(personId, name, locale, zone);
	}

	/**
	 * How a guest's {@link #personId()} starts: {@code guest:DOOR:PLATFORM_USER_ID}. No directory id
	 * has a colon, so a guest is never mistaken for a person (and a form a guest opened stays theirs).
	 */
	static final String GUEST = "guest:";

	/**
	 * Someone the directory does not know, using an open command: their {@link #name()} is their
	 * platform user id; language and zone are what their platform says, else the firm's defaults.
	 */
	public static Caller guest(Actor actor, Locale locale, ZoneId zone) {
		return new Caller(GUEST + actor.door() + ":" + actor.userId(), actor.userId(), locale, zone, Authority.NONE);
	}

	/** Whether this is someone the directory does not know (their person id is no directory id). */
	public boolean guest() {
		return personId != null && personId.startsWith(GUEST);
	}

	/**
	 * A guest as their platform knows them (door and platform user id), e.g. to link them to a
	 * directory person later; empty for a person of the directory.
	 */
	public Optional<Actor> platformUser() {
		if (!guest()) {
			return Optional.empty();
		}
		var rest = personId.substring(GUEST.length());
		int colon = rest.indexOf(':');
		return colon < 0 ? Optional.empty()
				: Optional.of(new Actor(rest.substring(0, colon), rest.substring(colon + 1), locale, zone));
	}

}
