package dev.steward.survey.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The survey page's headers, on the page and its style sheet only. */
@Configuration(proxyBeanMethods = false)
class SurveyWebConfiguration {

	@Bean
	FilterRegistrationBean<SurveyPageHeaders> surveyPageHeaders() {
		var registration = new FilterRegistrationBean<>(new SurveyPageHeaders());
		registration.setName("surveyPageHeaders");
		registration.addUrlPatterns("/s/*", "/survey-page/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

}
