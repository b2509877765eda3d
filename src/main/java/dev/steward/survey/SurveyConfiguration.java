package dev.steward.survey;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The quality policy, read once at start: a wrong file stops the start. */
@Configuration(proxyBeanMethods = false)
class SurveyConfiguration {

	@Bean
	QualityPolicy qualityPolicy(@Value("${steward.quality:config/quality.yaml}") Path file) {
		return QualityPolicy.read(file);
	}

}
