package dev.steward.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A slash command's subcommand and options become the kernel's typed text. */
class DiscordCommandTextTests {

	@Test
	void optionsComeInTheirDeclaredOrderWhateverOrderDiscordSendsThem() {
		var given = new LinkedHashMap<String, String>();
		given.put("reason", "client changed their mind");
		given.put("id", "12");
		assertThat(DiscordInteractions.commandText("withdraw", List.of("id", "reason"), given))
			.isEqualTo("withdraw 12 \"client changed their mind\"");
	}

	@Test
	void aPersonIsTheirDiscordUserIdAndMissingOptionsAreLeftOut() {
		assertThat(DiscordInteractions.commandText("delegate", List.of("to", "until"),
				Map.of("to", "100000000000000003")))
			.isEqualTo("delegate 100000000000000003");
		assertThat(DiscordInteractions.commandText("list", List.of(), Map.of())).isEqualTo("list");
	}

	@Test
	void quotesInsideAValueCannotSplitIt() {
		assertThat(DiscordInteractions.quote("the \"big\" one")).isEqualTo("\"the 'big' one\"");
		assertThat(DiscordInteractions.quote("P-2026-0001")).isEqualTo("P-2026-0001");
	}

}
