package dev.steward.engagement;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.steward.firm.Separately;

/** Hands out readable project codes, {@code P-2026-0001}, one counter a year, never twice. */
@Component
class ProjectCodes {

	private final JdbcClient jdbc;

	private final Separately separately;

	ProjectCodes(JdbcClient jdbc, Separately separately) {
		this.jdbc = jdbc;
		this.separately = separately;
	}

	String next(int year) {
		var prefix = "P-" + year;
		ensureCounter(prefix);
		// The update locks the counter row until commit, so concurrent callers queue here.
		jdbc.sql("update code_counter set next_value = next_value + 1 where prefix = :prefix")
			.param("prefix", prefix)
			.update();
		int number = jdbc.sql("select next_value - 1 from code_counter where prefix = :prefix")
			.param("prefix", prefix)
			.query(Integer.class)
			.single();
		return prefix + "-" + String.format("%04d", number);
	}

	/** Creates the year's counter in its own transaction, so a lost race cannot spoil the caller's. */
	private void ensureCounter(String prefix) {
		boolean exists = jdbc.sql("select count(*) from code_counter where prefix = :prefix")
			.param("prefix", prefix)
			.query(Integer.class)
			.single() > 0;
		if (!exists) {
			try {
				separately.run(() -> jdbc.sql(
						"insert into code_counter (prefix, next_value) values (:prefix, 1)")
					.param("prefix", prefix)
					.update());
			}
			catch (DuplicateKeyException raced) {
				// another instance created it first: fine
			}
		}
	}

}
