package dev.steward.firm;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the firm's defaults. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FirmDefaults.class)
class FirmConfiguration {

}
