package dev.steward.firm;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with Actuator on the public port: health and metrics say how Steward is built
 * and how busy it is, and belong beside {@code /slack/events} on no instance. The management port
 * ({@code STEWARD_MANAGEMENT_PORT}) must differ from the application's ({@code PORT}), or be
 * {@code -1} (no management server at all).
 */
@Component
class ManagementPort {

	ManagementPort(Environment environment) {
		var management = environment.getProperty("management.server.port", Integer.class);
		var application = environment.getProperty("server.port", Integer.class, 8080);
		if (management == null || (management != -1 && management != 0 && management.equals(application))) {
			throw new IllegalStateException("management.server.port (STEWARD_MANAGEMENT_PORT) is "
					+ (management == null ? "unset" : management) + ": it must be a port of its own, not the application's "
					+ application + ", so health and metrics are never served beside /slack/events (docs/operations.md)");
		}
	}

}
