package dev.steward.scheduling;

import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Quartz's JDBC job store on the application's database. Its tables belong to Flyway
 * ({@code V5__quartz.sql}), never to Quartz's own scripts; the SQL dialect follows the database.
 */
@Configuration(proxyBeanMethods = false)
class QuartzSetup {

	@Bean
	SchedulerFactoryBeanCustomizer stewardQuartzDialect(QuartzProperties quartz, DataSource dataSource) {
		return factory -> {
			var properties = new Properties();
			properties.putAll(quartz.getProperties());
			properties.putIfAbsent("org.quartz.jobStore.driverDelegateClass", delegateFor(dataSource));
			factory.setQuartzProperties(properties);
		};
	}

	/** PostgreSQL stores job data as bytea, which needs Quartz's PostgreSQL delegate. */
	static String delegateFor(DataSource dataSource) {
		try (var connection = dataSource.getConnection()) {
			var product = connection.getMetaData().getDatabaseProductName();
			return product.toLowerCase(java.util.Locale.ROOT).contains("postgres")
					? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot tell which database Quartz runs on", ex);
		}
	}

}
