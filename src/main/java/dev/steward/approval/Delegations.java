package dev.steward.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored delegations. */
@Repository
class Delegations {

	private static final RowMapper<Delegation> ROW = (rs, n) -> new Delegation(rs.getLong("id"), rs.getString("person_id"),
			rs.getString("delegate_id"), rs.getObject("starts_on", LocalDate.class),
			rs.getObject("ends_on", LocalDate.class));

	private final JdbcClient jdbc;

	Delegations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Delegation add(String personId, String delegateId, LocalDate from, LocalDate to, Instant now) {
		jdbc.sql("""
				insert into approval_delegation (person_id, delegate_id, starts_on, ends_on, created_at)
				values (:p, :d, :from, :to, :now)""")
			.param("p", personId)
			.param("d", delegateId)
			.param("from", from)
			.param("to", to)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
		return of(personId, from).stream().filter(d -> d.delegateId().equals(delegateId)).reduce((a, b) -> b)
			.orElseThrow();
	}

	/** The delegation active for a person on a date, the latest made if several. */
	Optional<Delegation> activeFor(String personId, LocalDate date) {
		return jdbc.sql("""
				select * from approval_delegation where person_id = :p and starts_on <= :d and ends_on >= :d
				order by id desc fetch first 1 rows only""")
			.param("p", personId)
			.param("d", date)
			.query(ROW)
			.optional();
	}

	/** A person's delegations that end on or after a date. */
	List<Delegation> of(String personId, LocalDate from) {
		return jdbc.sql("select * from approval_delegation where person_id = :p and ends_on >= :d order by starts_on")
			.param("p", personId)
			.param("d", from)
			.query(ROW)
			.list();
	}

}
