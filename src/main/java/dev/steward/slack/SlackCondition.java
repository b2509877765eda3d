package dev.steward.slack;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The Slack door is on when a bot token is set ({@code SLACK_BOT_TOKEN}, as an environment variable
 * or a property). An empty value counts as unset, so the default in {@code application.yml} keeps
 * it off.
 */
class SlackCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		var environment = context.getEnvironment();
		var token = environment.getProperty("steward.slack.bot-token", environment.getProperty("SLACK_BOT_TOKEN", ""));
		var message = ConditionMessage.forCondition("Slack door");
		return StringUtils.hasText(token) ? ConditionOutcome.match(message.because("a bot token is set"))
				: ConditionOutcome.noMatch(message.because("no bot token is set"));
	}

}
