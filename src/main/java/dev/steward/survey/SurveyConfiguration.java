package dev.steward.survey;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The quality policy, read once at start (a wrong file stops the start), and the surveys' settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SurveySettings.class)
class SurveyConfiguration {

	@Bean
	QualityPolicy qualityPolicy(@Value("${steward.quality:config/quality.yaml}") Path file) {
		return QualityPolicy.read(file);
	}

}
