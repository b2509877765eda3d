package dev.steward.firm;

import java.sql.DatabaseMetaData;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Which database Steward runs on, read once from the data source: the embedded H2 file, which one
 * process alone opens, or PostgreSQL, which several instances may share. What depends on that (the
 * outbox's conversation claims, the Discord gateway's election, Quartz's SQL dialect, the
 * resubmission of events a crash cut short) asks here, not the connection's metadata.
 */
@Component
public class Database {

	private final String product;

	Database(DataSource dataSource) {
		try {
			this.product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database Steward uses", ex);
		}
	}

	/** The embedded H2 database: one process alone opens it, so nothing is shared with another. */
	public boolean embedded() {
		return "H2".equalsIgnoreCase(product);
	}

	/** PostgreSQL: several instances may share it. */
	public boolean postgres() {
		return product.toLowerCase(Locale.ROOT).contains("postgres");
	}

}
