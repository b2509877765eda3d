package dev.steward.survey;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The survey round's statements over a few projects at once: which of them are still due (and how
 * often each is surveyed), and taking them, each schedule moved on in one batch. A schedule is taken
 * only while it is still due, so another instance's round, or a change the manager made meanwhile,
 * is never overwritten: the project simply drops out of this round.
 */
@Component
class RoundStatements {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	RoundStatements(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** Of these projects, those whose survey is due by now, with their cadence. */
	Map<Long, String> due(List<Long> projectIds, Instant now) {
		var due = new HashMap<Long, String>();
		if (projectIds.isEmpty()) {
			return due;
		}
		jdbc.sql("select project_id, cadence from survey_schedule where project_id in (:ids) and next_at <= :now")
			.param("ids", projectIds)
			.param("now", utc(now))
			.query(rs -> {
				due.put(rs.getLong("project_id"), rs.getString("cadence"));
			});
		return due;
	}

	/**
	 * Moves each project's schedule on to its next time, if it is still due by now.
	 * @return the projects taken, in the order given
	 */
	Set<Long> take(Map<Long, Instant> nextAt, Instant now) {
		var ids = new ArrayList<>(nextAt.keySet());
		var taken = new LinkedHashSet<Long>();
		if (ids.isEmpty()) {
			return taken;
		}
		var at = utc(now);
		var counts = template.batchUpdate(
				"update survey_schedule set next_at = ?, version = version + 1 where project_id = ? and next_at <= ?",
				ids, ids.size(), (statement, projectId) -> {
					statement.setObject(1, utc(nextAt.get(projectId)));
					statement.setLong(2, projectId);
					statement.setObject(3, at);
				});
		// one batch, one array of counts: H2 and PostgreSQL give each row's
		for (int i = 0; i < ids.size(); i++) {
			int count = counts[0][i];
			if (count < 0) {
				// a driver that cannot tell which it took: the round sends these one by one instead
				throw new IllegalStateException("The database did not say which schedules it moved on");
			}
			if (count > 0) {
				taken.add(ids.get(i));
			}
		}
		return taken;
	}

	private static OffsetDateTime utc(Instant at) {
		return at == null ? null : at.atOffset(ZoneOffset.UTC);
	}

}
