package dev.steward.playground;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The playground's settings, under {@code steward.playground}.
 *
 * @param enabled {@code true}, {@code false} or {@code auto} (read by {@link PlaygroundCondition})
 * @param allowRemote whether requests from other machines are answered; off, since the playground
 * lets anyone act as anyone
 * @param channels the channels its sidebar offers
 */
@ConfigurationProperties("steward.playground")
record PlaygroundProperties(@DefaultValue("auto") String enabled, boolean allowRemote,
		@DefaultValue("general") List<String> channels) {

	PlaygroundProperties {
		channels = channels.stream().map(String::strip).filter(name -> !name.isEmpty()).distinct().toList();
		if (channels.isEmpty()) {
			channels = List.of("general");
		}
	}

}
