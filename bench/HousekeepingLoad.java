import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.steward.benchkit.Database; // not found? Build the kit: mvn -q -DskipTests package, then java -cp target/test-classes bench/HousekeepingLoad.java
import dev.steward.benchkit.MemoryWatch;
import dev.steward.benchkit.Options;
import dev.steward.benchkit.Steward;

/**
 * A year of a consulting firm's chat traffic, compressed in time, against Steward's housekeeping:
 * do the tables the traffic fills stay flat?
 *
 * Steward runs from the packaged jar as in a small container (-XX:MaxRAM), on its embedded H2 file
 * database (opened with AUTO_SERVER, so this process can write into it while Steward runs). One
 * simulated day lasts --day-seconds of real time, and Steward's retention periods and purge interval
 * are scaled by the same factor (30 days of delivered messages become 30 × day-seconds seconds, and
 * the purge runs once a simulated day), so what the purge keeps is what it would keep in a real year.
 * At the start of each simulated day the benchmark writes what that day of a firm of --projects
 * projects leaves in the database (see Traffic: delivered messages with and without a key, their
 * in-place updates, a few given up, completed event publications, forms left open), as rows stamped
 * with the moment they are written. Every 30 simulated days it counts the rows of outbox_message,
 * form_session and event_publication and the database file's size; at the end it compares the last
 * count with the one at day 210 (after the longest retention, 180 days, has passed) and reports the
 * purges' times from Steward's log and Steward's resident memory (idle, peak, after).
 *
 * Run from the project root (the package builds the benchmarks' kit too, in target/test-classes):
 *   mvn -q -DskipTests package
 *   java -cp target/test-classes bench/HousekeepingLoad.java [--projects 2000] [--days 365] [--day-seconds 2]
 *       [--max-ram 512m] [--jar PATH]
 */
public class HousekeepingLoad {

	/** The longest retention, in days: after it the tables should be flat. */
	static final int LONGEST_RETENTION_DAYS = 180;

	static final Pattern PURGE = Pattern.compile("Housekeeping: purged (\\d+) delivered messages, (\\d+) given up, (\\d+) forms left open in (\\d+) ms");

	public static void main(String[] args) throws Exception {
		var options = Options.parse(args);
		int projects = options.integer("projects", 2000);
		int days = options.integer("days", 365);
		double daySeconds = options.decimal("day-seconds", 2);
		var maxRam = options.maxRam();
		var jar = options.jar();
		if (days <= LONGEST_RETENTION_DAYS + 30) {
			Options.exit("--days must exceed " + (LONGEST_RETENTION_DAYS + 30) + " to see the tables after the longest retention");
		}
		var traffic = new Traffic(projects);
		var work = Files.createTempDirectory("steward-housekeeping-bench");
		var data = work.resolve("data");
		var url = "jdbc:h2:file:" + data.resolve("steward")
				+ ";DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;AUTO_SERVER=TRUE;WRITE_DELAY=0";
		var log = work.resolve("steward.log");
		System.out.printf("A year of %,d projects, a simulated day every %.1f s (%.0f s in all); logs in %s%n", projects,
				daySeconds, days * daySeconds, work);
		System.out.printf("A day writes %,d delivered messages (%,d keyed, %,d without a key, %,d updates), %,d given up, "
				+ "%,d completed event publications, %,d forms left open%n", traffic.messagesPerDay(), traffic.keyed,
				traffic.plain, traffic.updates, traffic.failed, traffic.events, traffic.abandoned);

		var steward = start(jar, maxRam, data, url, daySeconds, log);
		var memory = MemoryWatch.start(steward.pid());
		var samples = new ArrayList<Sample>();
		long written = 0;
		int late = 0;
		try {
			steward.awaitLog("Started StewardApplication");
			long idle = memory.current();
			// H2's auto server lets both in
			try (var db = Database.h2(jar, work, url).connect()) {
				db.setAutoCommit(false);
				var random = new Random(2026);
				long t0 = System.nanoTime();
				for (int day = 1; day <= days; day++) {
					written += traffic.writeDay(db, random);
					if (day % 30 == 0 || day == days) {
						var sample = Sample.take(db, day, data, written);
						samples.add(sample);
						System.out.println("  " + sample);
					}
					long next = t0 + (long) (day * daySeconds * 1e9);
					long wait = next - System.nanoTime();
					if (wait > 0) {
						Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); // simulated time passing
					}
					else {
						late++;
					}
				}
			}
			report(samples, idle, memory, Files.readString(log), late, days, written);
		}
		finally {
			memory.stop();
			steward.stop();
		}
	}

	/**
	 * What one day of a firm leaves in Steward's database, per project and week (so a day is a
	 * seventh): the weekly cycle's 5 members' prompts and the digest, kept with a key (rewritten when a
	 * report comes in), the channel's line and a reminder without one, the prompts' and digest's 6
	 * rewrites; approvals, risk reviews, feedback and plans another 2 keyed cards, 2 rewrites and 2
	 * notices. One message in 500 is given up. 15 event publications a project a week (each change's
	 * events, each listener its own publication), all completed; 6 forms opened a project a week, of
	 * which 3 % are left open (a submitted form's session is gone at once, so it never reaches the table).
	 */
	static final class Traffic {

		final int keyed;

		final int plain;

		final int updates;

		final int failed;

		final int events;

		final int abandoned;

		/** A message body about the size of a real card's JSON. */
		private static final String BODY = "{\"fallback\":\"" + "x".repeat(600) + "\",\"blocks\":[]}";

		private long sequence;

		Traffic(int projects) {
			this.keyed = perDay(projects, 8);
			this.plain = perDay(projects, 4);
			this.updates = perDay(projects, 8);
			this.failed = Math.max(1, (keyed + plain + updates) / 500);
			this.events = perDay(projects, 15);
			this.abandoned = Math.max(1, (int) Math.round(projects * 6 * 0.03 / 7));
		}

		private static int perDay(int projects, int perWeek) {
			return (int) Math.round(projects * perWeek / 7.0);
		}

		int messagesPerDay() {
			return keyed + plain + updates;
		}

		long writeDay(Connection db, Random random) throws Exception {
			var now = OffsetDateTime.now(ZoneOffset.UTC);
			long rows = 0;
			try (var insert = db.prepareStatement("""
					insert into outbox_message (door, address, direct, message_key, kind, target_id, body, status, attempts,
					  next_attempt_at, created_at, sent_at, platform_message_id, files)
					values ('slack', ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, 0)""")) {
				rows += messages(insert, now, keyed, "POST", true, "SENT", random);
				rows += messages(insert, now, plain, "POST", false, "SENT", random);
				rows += messages(insert, now, updates, "UPDATE", true, "SENT", random);
				rows += messages(insert, now, failed, "POST", false, "FAILED", random);
				insert.executeBatch();
			}
			try (var insert = db.prepareStatement("""
					insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
					  completion_date, status, completion_attempts)
					values (?, 'dev.steward.progress.ProgressPlanner.on(ReportSubmitted)', 'dev.steward.progress.ProgressEvents$ReportSubmitted',
					  '{"cycleId":1,"personId":"bench"}', ?, ?, 'COMPLETED', 1)""")) {
				for (int i = 0; i < events; i++) {
					insert.setObject(1, UUID.randomUUID());
					insert.setObject(2, now);
					insert.setObject(3, now);
					insert.addBatch();
				}
				insert.executeBatch();
				rows += events;
			}
			try (var insert = db.prepareStatement("""
					insert into form_session (id, form, args, person_id, form_values, created_at)
					values (?, 'progress-report', '1', 'bench', '{"summary":"half written"}', ?)""")) {
				for (int i = 0; i < abandoned; i++) {
					insert.setString(1, UUID.randomUUID().toString());
					insert.setObject(2, now);
					insert.addBatch();
				}
				insert.executeBatch();
				rows += abandoned;
			}
			db.commit();
			return rows;
		}

		private int messages(java.sql.PreparedStatement insert, OffsetDateTime now, int count, String kind, boolean keyed,
				String status, Random random) throws Exception {
			for (int i = 0; i < count; i++) {
				long n = ++sequence;
				insert.setString(1, "C" + random.nextInt(40));
				insert.setBoolean(2, false);
				insert.setString(3, keyed ? "card:" + n : null);
				insert.setString(4, kind);
				insert.setObject(5, kind.equals("UPDATE") ? Long.valueOf(n) : null);
				insert.setString(6, BODY);
				insert.setString(7, status);
				insert.setObject(8, now);
				insert.setObject(9, now);
				insert.setObject(10, now);
				insert.setString(11, status.equals("SENT") ? "C1:" + n : null);
				insert.addBatch();
				if (n % 2_000 == 0) {
					insert.executeBatch();
				}
			}
			return count;
		}

	}

	/** The tables' sizes on a simulated day. */
	record Sample(int day, long outbox, long forms, long events, long fileBytes, long written) {

		static Sample take(Connection db, int day, Path data, long written) throws Exception {
			long fileBytes = 0;
			try (var files = Files.list(data)) {
				for (var file : files.filter(f -> f.getFileName().toString().endsWith(".mv.db")).toList()) {
					fileBytes += Files.size(file);
				}
			}
			return new Sample(day, count(db, "outbox_message"), count(db, "form_session"), count(db, "event_publication"),
					fileBytes, written);
		}

		private static long count(Connection db, String table) throws Exception {
			try (var statement = db.createStatement(); var rows = statement.executeQuery("select count(*) from " + table)) {
				rows.next();
				long count = rows.getLong(1);
				db.commit();
				return count;
			}
		}

		@Override
		public String toString() {
			return String.format("day %3d: outbox_message %,9d  form_session %,7d  event_publication %,9d  file %,6d MB  (rows written so far %,d)",
					day, outbox, forms, events, fileBytes / (1024 * 1024), written);
		}

	}

	static void report(List<Sample> samples, long idle, MemoryWatch memory, String log, int late, int days, long written) {
		var settled = samples.stream().filter(s -> s.day() >= LONGEST_RETENTION_DAYS + 30).findFirst().orElseThrow();
		var last = samples.get(samples.size() - 1);
		long purges = 0;
		long slowest = 0;
		long total = 0;
		var matcher = PURGE.matcher(log);
		while (matcher.find()) {
			purges++;
			long ms = Long.parseLong(matcher.group(4));
			slowest = Math.max(slowest, ms);
			total += ms;
		}
		System.out.println();
		System.out.println("| figure | value |");
		System.out.println("|---|---|");
		System.out.printf("| rows written over %d days | %,d |%n", days, written);
		System.out.printf("| outbox_message: day %d / day %d | %,d / %,d (%+.1f %%) |%n", settled.day(), last.day(),
				settled.outbox(), last.outbox(), change(settled.outbox(), last.outbox()));
		System.out.printf("| form_session: day %d / day %d | %,d / %,d |%n", settled.day(), last.day(), settled.forms(),
				last.forms());
		System.out.printf("| event_publication: day %d / day %d | %,d / %,d (%+.1f %%) |%n", settled.day(), last.day(),
				settled.events(), last.events(), change(settled.events(), last.events()));
		System.out.printf("| database file: day %d / day %d | %,d / %,d MB |%n", settled.day(), last.day(),
				settled.fileBytes() / (1024 * 1024), last.fileBytes() / (1024 * 1024));
		System.out.printf("| purges that removed rows; mean / slowest | %,d; %d / %d ms |%n", purges,
				purges == 0 ? 0 : total / purges, slowest);
		System.out.printf("| simulated days written late (the machine slower than --day-seconds) | %d |%n", late);
		System.out.printf("| Steward resident memory: idle / peak / after | %d / %d / %d MB |%n", idle / 1024,
				memory.peak() / 1024, memory.current() / 1024);
	}

	private static double change(long from, long to) {
		return from == 0 ? 0 : 100.0 * (to - from) / from;
	}

	// --- Steward ------------------------------------------------------------------------------------

	static Steward start(Path jar, String maxRam, Path data, String url, double daySeconds, Path log) {
		var args = new ArrayList<>(Steward.LOGS);
		args.addAll(List.of("--spring.datasource.url=" + url,
				// the retention periods and the purge's interval, scaled as the simulated day is
				"--steward.housekeeping.every=" + scaled(1, daySeconds),
				"--steward.housekeeping.delivered-messages=" + scaled(30, daySeconds),
				"--steward.housekeeping.updatable-messages=" + scaled(180, daySeconds),
				"--steward.housekeeping.failed-messages=" + scaled(90, daySeconds),
				"--steward.housekeeping.form-sessions=" + scaled(7, daySeconds),
				"--steward.housekeeping.event-publications=" + scaled(7, daySeconds)));
		return Steward.start(jar, maxRam, java.util.Map.of("STEWARD_DATA_DIR", data.toString()), log, args);
	}

	/** Simulated days as a duration Steward reads, in milliseconds. */
	static String scaled(int days, double daySeconds) {
		return Math.round(days * daySeconds * 1000) + "ms";
	}

	/** The kit this benchmark runs with; without it, Java's compiler stops here (and at the imports) and prints this line. */
	static final Class<?> KIT = Options.class; // not found? Build the kit: mvn -q -DskipTests package, then java -cp target/test-classes bench/HousekeepingLoad.java

}
