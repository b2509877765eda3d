package dev.steward.progress;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The progress module's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProgressSettings.class)
class ProgressConfiguration {

}
