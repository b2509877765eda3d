package dev.steward.playground;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The playground's settings and the guard in front of its pages. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnPlayground
@EnableConfigurationProperties(PlaygroundProperties.class)
class PlaygroundConfiguration {

	/** Every path the playground answers: its page, its endpoints and its static files. */
	static final String[] PATHS = { "/", "/playground/*" };

	@Bean
	FilterRegistrationBean<PlaygroundGuard> playgroundGuard(PlaygroundProperties properties) {
		var registration = new FilterRegistrationBean<>(new PlaygroundGuard(properties.allowRemote()));
		registration.setName("playgroundGuard");
		registration.addUrlPatterns(PATHS);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
