package dev.steward.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The one id format every button and form carries. */
class InteractionIdTests {

	@Test
	void encodesAndParsesHandlerAndArguments() {
		var id = InteractionId.of("approval", 12, "2.1", "approve");
		assertThat(id.encode()).isEqualTo("approval:12:2.1:approve");
		assertThat(InteractionId.parse(id.encode())).isEqualTo(id);
		assertThat(InteractionId.parse("project-edit:7").arg(0)).isEqualTo("7");
		assertThat(InteractionId.parse("project-edit:7").arg(3)).isEmpty();
	}

	@Test
	void refusesWhatWouldBreakTheFormatOrDiscordsLimit() {
		assertThatThrownBy(() -> InteractionId.of("approval", "a:b")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> InteractionId.of("approval", "x".repeat(100)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> InteractionId.parse("")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> InteractionId.parse("bad id with spaces")).isInstanceOf(IllegalArgumentException.class);
	}

	/** A button with trailing optional arguments. */
	@Interaction("test-optional")
	record Optionals(long id, Optional<String> first, Optional<Long> second) {
	}

	@Test
	void trailingOptionalArgumentsAreWrittenUntilTheFirstEmptyOneAndNeverDropped() {
		var both = InteractionId.of(new Optionals(7, Optional.of("a"), Optional.of(2L)));
		assertThat(both.encode()).isEqualTo("test-optional:7:a:2");
		assertThat(both.as(Optionals.class)).isEqualTo(new Optionals(7, Optional.of("a"), Optional.of(2L)));
		var none = InteractionId.of(new Optionals(7, Optional.empty(), Optional.empty()));
		assertThat(none.encode()).isEqualTo("test-optional:7");
		assertThat(none.as(Optionals.class)).isEqualTo(new Optionals(7, Optional.empty(), Optional.empty()));
		// an empty one followed by a present one could only be read back as two empty ones
		assertThatThrownBy(() -> InteractionId.of(new Optionals(7, Optional.empty(), Optional.of(2L))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("second follows the empty first");
	}

	@Test
	void commandTextSplitsOnSpacesKeepingQuotedPhrases() {
		assertThat(CommandRouter.tokenize("show  P-2026-0001 ")).containsExactly("show", "P-2026-0001");
		assertThat(CommandRouter.tokenize("withdraw 12 \"client changed plans\""))
			.containsExactly("withdraw", "12", "client changed plans");
		assertThat(CommandRouter.tokenize(null)).isEmpty();
		assertThat(CommandRouter.normalize("/Project ")).isEqualTo("project");
	}

}
