package dev.steward.progress;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.scheduling.Shift;

/** Schedules, cycles, prompts and reports in the database. */
@Repository
class ProgressStore {

	private final JdbcClient jdbc;

	private final TransactionTemplate separately;

	ProgressStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** What a prompt row says about a member this week. */
	enum PromptStatus {

		SENT, SKIPPED, EXCUSED

	}

	record Prompt(long cycleId, String personId, PromptStatus status, Instant sentAt, String note) {
	}

	Optional<ReportingSchedule> schedule(long projectId) {
		return jdbc.sql("select * from progress_schedule where project_id = :id")
			.param("id", projectId)
			.query((rs, n) -> new ReportingSchedule(rs.getLong("project_id"), DayOfWeek.valueOf(rs.getString("report_day")),
					LocalTime.parse(rs.getString("report_time")), DayOfWeek.valueOf(rs.getString("deadline_day")),
					LocalTime.parse(rs.getString("deadline_time")), ZoneId.of(rs.getString("time_zone")),
					rs.getString("calendar_id"), Shift.valueOf(rs.getString("shift"))))
			.optional();
	}

	void save(ReportingSchedule schedule) {
		var params = Map.<String, Object>of("id", schedule.projectId(), "day", schedule.reportDay().name(), "time",
				schedule.reportTime().toString(), "dday", schedule.deadlineDay().name(), "dtime",
				schedule.deadlineTime().toString(), "zone", schedule.zone().getId(), "calendar", schedule.calendarId(),
				"shift", schedule.shift().name());
		int updated = jdbc.sql("""
				update progress_schedule set report_day = :day, report_time = :time, deadline_day = :dday,
				  deadline_time = :dtime, time_zone = :zone, calendar_id = :calendar, shift = :shift
				where project_id = :id""").params(params).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into progress_schedule
					  (project_id, report_day, report_time, deadline_day, deadline_time, time_zone, calendar_id, shift)
					values (:id, :day, :time, :dday, :dtime, :zone, :calendar, :shift)""").params(params).update();
		}
	}

	private static Cycle cycle(ResultSet rs, int row) throws SQLException {
		return new Cycle(rs.getLong("id"), rs.getLong("project_id"), rs.getString("week"), instant(rs, "deadline_at"),
				instant(rs, "announced_at"), instant(rs, "reminded_at"), instant(rs, "closed_at"),
				rs.getString("pm_comment"), instant(rs, "forwarded_at"), rs.getString("forwarded_by"));
	}

	Optional<Cycle> cycle(long id) {
		return jdbc.sql("select * from progress_cycle where id = :id").param("id", id).query(ProgressStore::cycle).optional();
	}

	Optional<Cycle> cycle(long projectId, String week) {
		return jdbc.sql("select * from progress_cycle where project_id = :p and week = :w")
			.param("p", projectId)
			.param("w", week)
			.query(ProgressStore::cycle)
			.optional();
	}

	/** The project's latest week, if it has had one. */
	Optional<Cycle> latestCycle(long projectId) {
		return jdbc.sql("select * from progress_cycle where project_id = :p order by week desc fetch first 1 rows only")
			.param("p", projectId)
			.query(ProgressStore::cycle)
			.optional();
	}

	/** The week's cycle, created (in its own transaction, so a lost race spoils nothing) when missing. */
	Cycle cycleFor(long projectId, String week, Instant deadline) {
		return cycle(projectId, week).orElseGet(() -> {
			try {
				separately.executeWithoutResult(status -> jdbc.sql(
						"insert into progress_cycle (project_id, week, deadline_at) values (:p, :w, :d)")
					.param("p", projectId)
					.param("w", week)
					.param("d", utc(deadline))
					.update());
			}
			catch (DuplicateKeyException raced) {
				// another node made it first
			}
			return cycle(projectId, week).orElseThrow();
		});
	}

	/** Marks a step of a cycle done; answers false if it already was (so it happens once). */
	boolean mark(long cycleId, String column, Instant at) {
		if (!List.of("announced_at", "reminded_at", "closed_at").contains(column)) {
			throw new IllegalArgumentException(column);
		}
		return jdbc.sql("update progress_cycle set " + column + " = :at where id = :id and " + column + " is null")
			.param("at", utc(at))
			.param("id", cycleId)
			.update() == 1;
	}

	boolean forward(long cycleId, String byId, String comment, Instant at) {
		return jdbc.sql("""
				update progress_cycle set forwarded_at = :at, forwarded_by = :by, pm_comment = :comment
				where id = :id and forwarded_at is null""")
			.param("at", utc(at))
			.param("by", byId)
			.param("comment", comment)
			.param("id", cycleId)
			.update() == 1;
	}

	/** Records a prompt for a member; answers false if the member already has one this week. */
	boolean recordPrompt(long cycleId, String personId, PromptStatus status, Instant at, String note) {
		int exists = jdbc.sql("select count(*) from progress_prompt where cycle_id = :c and person_id = :p")
			.param("c", cycleId)
			.param("p", personId)
			.query(Integer.class)
			.single();
		if (exists > 0) {
			return false;
		}
		jdbc.sql("""
				insert into progress_prompt (cycle_id, person_id, status, sent_at, note)
				values (:c, :p, :s, :at, :note)""")
			.param("c", cycleId)
			.param("p", personId)
			.param("s", status.name())
			.param("at", utc(at))
			.param("note", note)
			.update();
		return true;
	}

	/** Excuses a member for the week, whether or not they were prompted. */
	void excuse(long cycleId, String personId, String note, Instant at) {
		if (!recordPrompt(cycleId, personId, PromptStatus.EXCUSED, at, note)) {
			jdbc.sql("update progress_prompt set status = 'EXCUSED', note = :note where cycle_id = :c and person_id = :p")
				.param("note", note)
				.param("c", cycleId)
				.param("p", personId)
				.update();
		}
	}

	List<Prompt> prompts(long cycleId) {
		return jdbc.sql("select * from progress_prompt where cycle_id = :c order by person_id")
			.param("c", cycleId)
			.query((rs, n) -> new Prompt(rs.getLong("cycle_id"), rs.getString("person_id"),
					PromptStatus.valueOf(rs.getString("status")), instant(rs, "sent_at"), rs.getString("note")))
			.list();
	}

	List<ProgressReport> reports(long cycleId) {
		return jdbc.sql("select * from progress_report where cycle_id = :c order by person_id")
			.param("c", cycleId)
			.query(ProgressStore::report)
			.list();
	}

	Optional<ProgressReport> report(long cycleId, String personId) {
		return jdbc.sql("select * from progress_report where cycle_id = :c and person_id = :p")
			.param("c", cycleId)
			.param("p", personId)
			.query(ProgressStore::report)
			.optional();
	}

	private static ProgressReport report(ResultSet rs, int row) throws SQLException {
		return new ProgressReport(rs.getLong("cycle_id"), rs.getString("person_id"), rs.getString("done"),
				rs.getString("next_week"), rs.getString("blockers"), rs.getInt("percent"), Rag.valueOf(rs.getString("rag")),
				instant(rs, "submitted_at"), instant(rs, "updated_at"));
	}

	/** Saves a report; answers whether it replaced an earlier one. */
	boolean save(ProgressReport report) {
		var params = new java.util.HashMap<String, Object>();
		params.put("c", report.cycleId());
		params.put("p", report.personId());
		params.put("done", report.done());
		params.put("next", report.nextWeek());
		params.put("blockers", report.blockers());
		params.put("percent", report.percent());
		params.put("rag", report.rag().name());
		params.put("at", utc(report.updatedAt()));
		int updated = jdbc.sql("""
				update progress_report set done = :done, next_week = :next, blockers = :blockers, percent = :percent,
				  rag = :rag, updated_at = :at where cycle_id = :c and person_id = :p""").params(params).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into progress_report
					  (cycle_id, person_id, done, next_week, blockers, percent, rag, submitted_at, updated_at)
					values (:c, :p, :done, :next, :blockers, :percent, :rag, :at, :at)""").params(params).update();
			return false;
		}
		return true;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant at) {
		return at == null ? null : at.atOffset(ZoneOffset.UTC);
	}

}
