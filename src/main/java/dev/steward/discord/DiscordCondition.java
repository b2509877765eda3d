package dev.steward.discord;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The Discord door is on when a bot token is set. An empty {@code DISCORD_BOT_TOKEN} counts as unset
 * (which {@code @ConditionalOnProperty} would not do), so a blank variable in a deployment file does
 * not start a door that cannot log in.
 */
class DiscordCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		var environment = context.getEnvironment();
		var token = environment.getProperty("steward.discord.token", environment.getProperty("DISCORD_BOT_TOKEN"));
		var message = ConditionMessage.forCondition("Discord door");
		return StringUtils.hasText(token) ? ConditionOutcome.match(message.because("a bot token is set"))
				: ConditionOutcome.noMatch(message.because("DISCORD_BOT_TOKEN is not set"));
	}

}
