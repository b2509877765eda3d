package dev.steward.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import dev.steward.support.PostgresDatabase;

/**
 * The migration that turns the free-text clients of applications and projects into profiles
 * (§5.1), on both databases: names trimmed and matched whatever their case, the earliest
 * application's spelling kept, every application and project pointing at its profile.
 */
class ClientMigrationTests {

	@Test
	void freeTextClientsBecomeProfilesOnH2() throws SQLException {
		var url = "jdbc:h2:mem:clients" + UUID.randomUUID().toString().replace("-", "")
				+ ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
		migrateWithClients(url, "sa", "", "h2");
	}

	@Test
	void freeTextClientsBecomeProfilesOnPostgres() throws SQLException {
		var name = "steward_clients_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
			.toLowerCase(Locale.ROOT);
		var url = PostgresDatabase.create(name);
		try {
			migrateWithClients(url, PostgresDatabase.user(), PostgresDatabase.password(), "postgresql");
		}
		finally {
			PostgresDatabase.drop(name);
		}
	}

	private void migrateWithClients(String url, String user, String password, String vendor) throws SQLException {
		var locations = new String[] { "classpath:db/migration/common", "classpath:db/migration/" + vendor };
		Flyway.configure().dataSource(url, user, password).locations(locations).target("34").load().migrate();
		try (var db = DriverManager.getConnection(url, user, password)) {
			application(db, 1, "Acme Bank", true);
			application(db, 2, "  acme bank ", true);
			application(db, 3, "ACME BANK", false);
			application(db, 4, "Zhongshan 制造", true);
			application(db, 5, "zhongshan 制造  ", false);
			application(db, 6, "Globex", false);
		}

		Flyway.configure().dataSource(url, user, password).locations(locations).load().migrate();

		try (var db = DriverManager.getConnection(url, user, password)) {
			var clients = rows(db, "select id, name, name_key from client order by name_key");
			assertThat(clients).extracting(row -> row.get("name"))
				.containsExactly("Acme Bank", "Globex", "Zhongshan 制造");
			assertThat(clients).extracting(row -> row.get("name_key"))
				.containsExactly("acme bank", "globex", "zhongshan 制造");
			var ids = new LinkedHashMap<Object, Object>();
			clients.forEach(row -> ids.put(row.get("name"), row.get("id")));

			var applications = rows(db, "select id, client, client_id from project_application order by id");
			assertThat(applications).extracting(row -> row.get("client_id"))
				.containsExactly(ids.get("Acme Bank"), ids.get("Acme Bank"), ids.get("Acme Bank"),
						ids.get("Zhongshan 制造"), ids.get("Zhongshan 制造"), ids.get("Globex"));
			// the free text stays as it was written: projects keep showing the name they had
			assertThat(applications.get(1).get("client")).isEqualTo("  acme bank ");
			var projects = rows(db, "select application_id, client_id from project order by application_id");
			assertThat(projects).extracting(row -> row.get("client_id"))
				.containsExactly(ids.get("Acme Bank"), ids.get("Acme Bank"), ids.get("Zhongshan 制造"));
			assertThat(rows(db, "select count(*) as n from client_contact")).extracting(row -> row.get("n").toString())
				.containsExactly("0");
		}
	}

	/** An application as the engagement module wrote them before profiles, and its project if approved. */
	private static void application(Connection db, long id, String client, boolean approved) throws SQLException {
		var now = Timestamp.from(Instant.parse("2026-03-02T08:00:00Z"));
		try (var insert = db.prepareStatement("""
				insert into project_application (id, version, applicant_id, department_id, manager_id, title, client,
				  background, client_needs, scale_budget, expected_revenue, key_risks, reason, solution, revision,
				  home_door, home_channel, home_direct, submitted_at)
				values (?, 0, 'zhang.wei', 'strategy', 'zhang.wei', ?, ?, 'b', 'n', 's', 1000, 'r', 'r', 's', 1,
				  'playground', 'general', false, ?)""")) {
			insert.setLong(1, id);
			insert.setString(2, "Application " + id);
			insert.setString(3, client);
			insert.setTimestamp(4, now);
			insert.executeUpdate();
		}
		if (approved) {
			try (var insert = db.prepareStatement("""
					insert into project (id, version, code, application_id, title, client, department_id, manager_id,
					  home_door, home_channel, home_direct, status, created_at)
					values (?, 0, ?, ?, ?, ?, 'strategy', 'zhang.wei', 'playground', 'general', false, 'ACTIVE', ?)""")) {
				insert.setLong(1, id);
				insert.setString(2, "P-2026-" + id);
				insert.setLong(3, id);
				insert.setString(4, "Project " + id);
				insert.setString(5, client);
				insert.setTimestamp(6, now);
				insert.executeUpdate();
			}
		}
	}

	private static List<Map<String, Object>> rows(Connection db, String sql) throws SQLException {
		var rows = new ArrayList<Map<String, Object>>();
		try (var statement = db.createStatement(); var result = statement.executeQuery(sql)) {
			var meta = result.getMetaData();
			while (result.next()) {
				var row = new LinkedHashMap<String, Object>();
				for (int c = 1; c <= meta.getColumnCount(); c++) {
					row.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), result.getObject(c));
				}
				rows.add(row);
			}
		}
		return rows;
	}

}
