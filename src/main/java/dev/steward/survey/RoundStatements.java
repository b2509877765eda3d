package dev.steward.survey;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The survey round's statement over a few due projects at once: taking them, each schedule moved on
 * in one batch. A schedule is taken only while it is still due, so another instance's round, or a
 * change the manager made meanwhile, is never overwritten: the project simply drops out of this
 * round.
 */
@Component
class RoundStatements {

	private final JdbcTemplate template;

	RoundStatements(JdbcTemplate template) {
		this.template = template;
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
