package dev.steward.playground;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The playground is on when {@code steward.playground.enabled} is {@code true}, or when it is
 * {@code auto} (the default) and no platform token is set, as an environment variable or a
 * property: with no platform, the playground is how Steward is tried. Under the {@code prod}
 * profile it is always off, whatever the property says: anyone who reaches it may act as anyone.
 */
class PlaygroundCondition extends SpringBootCondition {

	static final String PROPERTY = "steward.playground.enabled";

	/** A platform door is on when its token is set; then {@code auto} leaves the playground off. */
	static final List<String> PLATFORM_TOKENS = List.of("SLACK_BOT_TOKEN", "DISCORD_BOT_TOKEN");

	/** The profile a production instance runs under. */
	static final String PRODUCTION = "prod";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		var environment = context.getEnvironment();
		var mode = environment.getProperty(PROPERTY, "auto").strip().toLowerCase(Locale.ROOT);
		var message = ConditionMessage.forCondition("Playground", PROPERTY + "=" + mode);
		if (environment.matchesProfiles(PRODUCTION)) {
			return ConditionOutcome.noMatch(message.because("the " + PRODUCTION + " profile is active"));
		}
		return switch (mode) {
			case "true" -> ConditionOutcome.match(message.because("it is forced on"));
			case "false" -> ConditionOutcome.noMatch(message.because("it is switched off"));
			case "auto" -> {
				var platforms = PLATFORM_TOKENS.stream()
					.filter(name -> StringUtils.hasText(environment.getProperty(name)))
					.toList();
				yield platforms.isEmpty() ? ConditionOutcome.match(message.because("no platform token is set"))
						: ConditionOutcome.noMatch(message.because(String.join(" and ", platforms) + " set"));
			}
			default -> throw new IllegalStateException(
					PROPERTY + " must be true, false or auto, not '" + mode + "'");
		};
	}

}
