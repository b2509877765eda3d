package dev.steward.risk;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The module's settings and policy, read once at start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RiskSettings.class)
class RiskConfiguration {

	@Bean
	RiskPolicy riskPolicy(RiskSettings settings) {
		return RiskPolicy.read(settings.policy());
	}

}
