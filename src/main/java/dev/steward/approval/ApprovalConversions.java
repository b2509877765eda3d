package dev.steward.approval;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How an approval step's rule is stored: as the words configuration uses. */
@Configuration(proxyBeanMethods = false)
class ApprovalConversions {

	@Bean
	ApproverRule.Writing approverRuleWriting() {
		return ApproverRule.Writing.INSTANCE;
	}

	@Bean
	ApproverRule.Reading approverRuleReading() {
		return ApproverRule.Reading.INSTANCE;
	}

}
