package dev.steward.scheduling;

import java.util.Properties;

import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.steward.firm.Database;

/**
 * Quartz's JDBC job store on the application's database. Its tables belong to Flyway
 * ({@code V5__quartz.sql}), never to Quartz's own scripts; the SQL dialect follows the database.
 */
@Configuration(proxyBeanMethods = false)
class QuartzSetup {

	/** PostgreSQL stores job data as bytea, which needs Quartz's PostgreSQL delegate. */
	@Bean
	SchedulerFactoryBeanCustomizer stewardQuartzDialect(QuartzProperties quartz, Database database) {
		return factory -> {
			var properties = new Properties();
			properties.putAll(quartz.getProperties());
			properties.putIfAbsent("org.quartz.jobStore.driverDelegateClass",
					database.postgres() ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
							: "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
			factory.setQuartzProperties(properties);
		};
	}

}
