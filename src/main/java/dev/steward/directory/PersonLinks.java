package dev.steward.directory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.steward.directory.Links.Change;
import dev.steward.directory.Links.Claim;
import dev.steward.directory.Links.Link;
import dev.steward.directory.Links.Stranger;
import dev.steward.directory.Links.Unmatched;

/**
 * Chat accounts linked to people while Steward ran, the record of every link and unlink, the
 * accounts that acted but matched nobody, and link claims: tables of their own, which the directory
 * file never touches.
 */
@Repository
class PersonLinks {

	private static final RowMapper<Link> LINK = (rs, n) -> new Link(rs.getString("door"), rs.getString("user_id"),
			rs.getString("person_id"), LinkWay.fromKey(rs.getString("how")), rs.getString("linked_by"),
			instant(rs.getTimestamp("linked_at")));

	private static final RowMapper<Claim> CLAIM = (rs, n) -> new Claim(rs.getLong("id"), rs.getString("door"),
			rs.getString("user_id"), rs.getString("user_name"), rs.getString("person_id"),
			Claim.Status.valueOf(rs.getString("status")), instant(rs.getTimestamp("claimed_at")),
			rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")));

	private final JdbcClient jdbc;

	PersonLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Link> ofPerson(String personId, String door) {
		return jdbc.sql("select * from person_link where person_id = :p and door = :d")
			.param("p", personId)
			.param("d", door)
			.query(LINK)
			.optional();
	}

	List<Link> ofPerson(String personId) {
		return jdbc.sql("select * from person_link where person_id = :p order by door")
			.param("p", personId)
			.query(LINK)
			.list();
	}

	List<Link> all() {
		return jdbc.sql("select * from person_link order by door, person_id").query(LINK).list();
	}

	/** Adds a link and its line in the record; a second link of the account or the person fails on the keys. */
	void add(Link link) {
		jdbc.sql("""
				insert into person_link (door, user_id, person_id, how, linked_by, linked_at)
				values (:door, :user, :person, :how, :by, :at)""")
			.param("door", link.door())
			.param("user", link.userId())
			.param("person", link.personId())
			.param("how", link.how().key())
			.param("by", link.linkedBy())
			.param("at", Timestamp.from(link.linkedAt()))
			.update();
		record(new Change(link.door(), link.userId(), link.personId(), true, link.how(), link.linkedBy(),
				link.linkedAt()));
	}

	/** Removes a link, recording who did; answers whether it was there. */
	boolean remove(Link link, String actor, Instant at) {
		int removed = jdbc.sql("delete from person_link where door = :door and user_id = :user and person_id = :person")
			.param("door", link.door())
			.param("user", link.userId())
			.param("person", link.personId())
			.update();
		if (removed > 0) {
			record(new Change(link.door(), link.userId(), link.personId(), false, LinkWay.UNLINKED, actor, at));
		}
		return removed > 0;
	}

	private void record(Change change) {
		jdbc.sql("""
				insert into person_link_history (door, user_id, person_id, action, how, actor, at)
				values (:door, :user, :person, :action, :how, :actor, :at)""")
			.param("door", change.door())
			.param("user", change.userId())
			.param("person", change.personId())
			.param("action", change.linked() ? "link" : "unlink")
			.param("how", change.how().key())
			.param("actor", change.actor())
			.param("at", Timestamp.from(change.at()))
			.update();
	}

	List<Change> history(String personId) {
		return jdbc.sql("select * from person_link_history where person_id = :p order by id")
			.param("p", personId)
			.query((rs, n) -> new Change(rs.getString("door"), rs.getString("user_id"), rs.getString("person_id"),
					"link".equals(rs.getString("action")), LinkWay.fromKey(rs.getString("how")), rs.getString("actor"),
					instant(rs.getTimestamp("at"))))
			.list();
	}

	/** Notes an account that acted but matched nobody (the latest reason and time win). */
	void stranger(Stranger stranger) {
		// the same values for the update and, if the account is new, the insert (name and e-mail may be null)
		var values = new java.util.HashMap<String, Object>();
		values.put("door", stranger.door());
		values.put("user", stranger.userId());
		values.put("name", stranger.name());
		values.put("email", stranger.email());
		values.put("reason", stranger.why().key());
		values.put("at", Timestamp.from(stranger.lastSeen()));
		int updated = jdbc.sql("""
				update platform_stranger set name = :name, email = :email, reason = :reason, last_seen = :at
				where door = :door and user_id = :user""")
			.params(values)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into platform_stranger (door, user_id, name, email, reason, first_seen, last_seen)
					values (:door, :user, :name, :email, :reason, :at, :at)""")
				.params(values)
				.update();
		}
	}


	void forgetStranger(String door, String userId) {
		jdbc.sql("delete from platform_stranger where door = :door and user_id = :user")
			.param("door", door)
			.param("user", userId)
			.update();
	}

	private static final RowMapper<Stranger> STRANGER = (rs, n) -> new Stranger(rs.getString("door"),
			rs.getString("user_id"), rs.getString("name"), rs.getString("email"), Unmatched.fromKey(rs.getString("reason")),
			instant(rs.getTimestamp("last_seen")));

	List<Stranger> strangers() {
		return jdbc.sql("select * from platform_stranger order by door, last_seen desc").query(STRANGER).list();
	}

	Optional<Stranger> stranger(String door, String userId) {
		return jdbc.sql("select * from platform_stranger where door = :door and user_id = :user")
			.param("door", door)
			.param("user", userId)
			.query(STRANGER)
			.optional();
	}

	long addClaim(String door, String userId, String userName, String personId, Instant at) {
		// an account has one open claim: a new one replaces what it claimed before
		jdbc.sql("update link_claim set status = 'REPLACED' where door = :door and user_id = :user and status = 'PENDING'")
			.param("door", door)
			.param("user", userId)
			.update();
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				insert into link_claim (door, user_id, user_name, person_id, status, claimed_at)
				values (:door, :user, :name, :person, 'PENDING', :at)""")
			.param("door", door)
			.param("user", userId)
			.param("name", userName)
			.param("person", personId)
			.param("at", Timestamp.from(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<Claim> claim(long id) {
		return jdbc.sql("select * from link_claim where id = :id").param("id", id).query(CLAIM).optional();
	}

	/** Decides a pending claim; answers false when it was no longer pending (decided by someone else first). */
	boolean decide(long id, Claim.Status status, String by, Instant at) {
		return jdbc.sql("""
				update link_claim set status = :status, decided_by = :by, decided_at = :at
				where id = :id and status = 'PENDING'""")
			.param("id", id)
			.param("status", status.name())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
