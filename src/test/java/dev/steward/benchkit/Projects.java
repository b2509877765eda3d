package dev.steward.benchkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

/**
 * Writes what approved applications leave in Steward's database, without approving them: each
 * project's application, the active project and its team, in batches on the caller's connection
 * (the caller commits). A benchmark adds what its scenario needs (schedules, clients, risks) in the
 * same transaction, after {@link #flush()}.
 */
public final class Projects implements AutoCloseable {

	/** One project: its manager applied for it and added its members; clientId may be null. */
	public record Project(long id, String code, String title, String client, Long clientId, String department,
			String manager, String channel, List<String> members) {
	}

	private final Connection db;

	private final PreparedStatement application;

	private final PreparedStatement project;

	private final PreparedStatement member;

	public Projects(Connection db) throws SQLException {
		this.db = db;
		this.application = db.prepareStatement("""
				insert into project_application (id, version, applicant_id, department_id, manager_id, title, client,
				  background, client_needs, scale_budget, expected_revenue, key_risks, reason, solution, revision,
				  home_door, home_channel, home_direct, submitted_at, client_id)
				values (?, 0, ?, ?, ?, ?, ?, 'Background', 'Needs', 'Scale', 100000, 'Risks', 'Reason',
				  'Solution', 1, 'slack', ?, false, ?, ?)""");
		this.project = db.prepareStatement("""
				insert into project (id, version, code, application_id, title, client, department_id, manager_id,
				  home_door, home_channel, home_direct, status, created_at, client_id)
				values (?, 0, ?, ?, ?, ?, ?, ?, 'slack', ?, false, 'ACTIVE', ?, ?)""");
		this.member = db.prepareStatement("""
				insert into project_member (project_id, seq, person_id, duty, added_at, added_by)
				values (?, ?, ?, 'Analysis', ?, ?)""");
	}

	/** Adds a project to the batch, stamped with this moment. */
	public void add(Project p, Timestamp at) throws SQLException {
		application.setLong(1, p.id());
		application.setString(2, p.manager());
		application.setString(3, p.department());
		application.setString(4, p.manager());
		application.setString(5, p.title());
		application.setString(6, p.client());
		application.setString(7, p.channel());
		application.setTimestamp(8, at);
		clientId(application, 9, p.clientId());
		application.addBatch();
		project.setLong(1, p.id());
		project.setString(2, p.code());
		project.setLong(3, p.id());
		project.setString(4, p.title());
		project.setString(5, p.client());
		project.setString(6, p.department());
		project.setString(7, p.manager());
		project.setString(8, p.channel());
		project.setTimestamp(9, at);
		clientId(project, 10, p.clientId());
		project.addBatch();
		for (int s = 0; s < p.members().size(); s++) {
			member.setLong(1, p.id());
			member.setInt(2, s + 1);
			member.setString(3, p.members().get(s));
			member.setTimestamp(4, at);
			member.setString(5, p.manager());
			member.addBatch();
		}
	}

	private static void clientId(PreparedStatement statement, int index, Long clientId) throws SQLException {
		if (clientId == null) {
			statement.setNull(index, Types.BIGINT);
		}
		else {
			statement.setLong(index, clientId);
		}
	}

	/** Writes the batch: applications, then projects, then members. */
	public void flush() throws SQLException {
		application.executeBatch();
		project.executeBatch();
		member.executeBatch();
	}

	/** The next application and project ids Steward gives come after the projects written. */
	public void restartIds(long written) throws SQLException {
		restartId(db, "project_application", written + 1);
		restartId(db, "project", written + 1);
	}

	/** A table's identity column gives this id next (H2 and PostgreSQL both read this). */
	public static void restartId(Connection db, String table, long next) throws SQLException {
		try (var statement = db.createStatement()) {
			statement.execute("alter table " + table + " alter column id restart with " + next);
		}
	}

	@Override
	public void close() throws SQLException {
		application.close();
		project.close();
		member.close();
	}

}
