package dev.steward.conversation;

import java.time.ZoneId;
import java.util.Locale;

/**
 * A person the directory knows, as the kernel needs them: who, in which language and zone, and
 * what they may do, so a handler asks {@code caller.isAdmin()} or {@code caller.maySee(code)} in
 * one call.
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

}
