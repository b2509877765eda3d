package dev.steward.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Open forms and what has been entered on their pages so far, kept in the database. */
@Component
class FormSessions {

	private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final MeterRegistry meters;

	FormSessions(JdbcClient jdbc, JsonMapper json, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.meters = meters;
	}

	record Session(String id, String form, List<String> args, String personId, Map<String, String> values) {
	}

	Session open(String form, List<String> args, String personId, Map<String, String> initial) {
		var id = UUID.randomUUID().toString();
		jdbc.sql("""
				insert into form_session (id, form, args, person_id, form_values, created_at)
				values (:id, :form, :args, :person, :values, :at)""")
			.param("id", id)
			.param("form", form)
			.param("args", String.join(":", args))
			.param("person", personId)
			.param("values", json.writeValueAsString(initial))
			.param("at", Instant.now(clock).atOffset(java.time.ZoneOffset.UTC))
			.update();
		return new Session(id, form, args, personId, initial);
	}

	Optional<Session> find(String id) {
		return read("select id, form, args, person_id, form_values from form_session where id = :id", id);
	}

	/**
	 * The session, its row locked until the caller's transaction ends: a submission of the same form
	 * on any instance (a double click, a request sent again) waits, and then finds it completed
	 * (gone) or as this one left it. Only one submission of a form is ever accepted.
	 */
	Optional<Session> lock(String id) {
		return read("select id, form, args, person_id, form_values from form_session where id = :id for update", id);
	}

	private Optional<Session> read(String sql, String id) {
		return jdbc.sql(sql)
			.param("id", id)
			.query((rs, row) -> new Session(rs.getString("id"), rs.getString("form"), split(rs.getString("args")),
					rs.getString("person_id"), json.readValue(rs.getString("form_values"), MAP)))
			.optional();
	}

	void save(String id, Map<String, String> values) {
		jdbc.sql("update form_session set form_values = :values where id = :id")
			.param("values", json.writeValueAsString(values))
			.param("id", id)
			.update();
	}

	/** A form was submitted and accepted: its session is done, and counted by form ({@code steward.forms.completed}). */
	void complete(Session session) {
		jdbc.sql("delete from form_session where id = :id").param("id", session.id()).update();
		Counter.builder("steward.forms.completed")
			.description("Forms submitted and accepted, by form")
			.tag("form", session.form())
			.register(meters)
			.increment();
	}

	private static List<String> split(String args) {
		return args == null || args.isEmpty() ? List.of() : Arrays.asList(args.split(":"));
	}

}
